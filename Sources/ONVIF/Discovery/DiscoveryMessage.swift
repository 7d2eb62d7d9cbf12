import Common

/// One WS-Discovery datagram, parsed leniently: a Probe (what the simulator reads), or the
/// ProbeMatches, Hello and Bye a client reads. Parsing never throws and never traps; what was
/// wrong with the datagram is listed in `problems`, and whatever could be read is kept.
public struct DiscoveryMessage: Sendable, Equatable {
    /// What the datagram is, from its `Action` header (or, without one, its body).
    public enum Kind: String, Sendable, Equatable {
        case probe, probeMatches, hello, bye, other
    }

    public var kind: Kind
    /// `Action` header text.
    public var action: String?
    /// `MessageID` header text.
    public var messageID: String?
    /// `RelatesTo` header text (the MessageID of the probe this answers).
    public var relatesTo: String?
    /// The devices described (one per ProbeMatch; one for Hello and Bye).
    public var entries: [DiscoveryEntry]
    /// The qualified names in a Probe's `Types` (`dp0:NetworkVideoTransmitter`); empty when untyped.
    public var probeTypes: [String]
    /// What was wrong with the datagram; empty for a well-formed one.
    public var problems: [DiscoveryProblem]

    public init(kind: Kind, action: String? = nil, messageID: String? = nil, relatesTo: String? = nil,
                entries: [DiscoveryEntry] = [], probeTypes: [String] = [], problems: [DiscoveryProblem] = []) {
        self.kind = kind; self.action = action; self.messageID = messageID; self.relatesTo = relatesTo
        self.entries = entries; self.probeTypes = probeTypes; self.problems = problems
    }

    /// Parses one datagram.
    public static func parse(_ bytes: [UInt8]) -> DiscoveryMessage {
        let parsed: XMLDocument.Result
        do {
            parsed = try XMLDocument.parseDetailed(bytes)
        } catch {
            return DiscoveryMessage(kind: .other, problems: [.notXML])
        }
        let root = parsed.root
        var problems: [DiscoveryProblem] = []
        if parsed.truncated { problems.append(.truncated) }

        let isEnvelope = root.name == "Envelope"
        if !isEnvelope { problems.append(.missingEnvelope) }
        let header = isEnvelope ? root.child("Header") : nil
        func headerText(_ name: String) -> String? {
            (header?.child(name) ?? header?.first(name) ?? (isEnvelope ? nil : root.first(name)))?.text.nonEmpty
        }
        let action = headerText("Action")
        let messageID = headerText("MessageID")
        let relatesTo = headerText("RelatesTo")
        let body = (isEnvelope ? root.child("Body") ?? root.first("Body") : nil) ?? root

        var message = DiscoveryMessage(kind: kind(action: action, body: body, root: root), action: action,
                                       messageID: messageID, relatesTo: relatesTo)
        switch message.kind {
        case .probe:
            let types = (body.first("Probe") ?? body).firstText("Types") ?? ""
            message.probeTypes = types.split(whereSeparator: \.isXMLSpace).map(String.init)
        case .probeMatches:
            var elements = body.all("ProbeMatch") + body.all("ResolveMatch")
            if root.name == "ProbeMatch" { elements.insert(root, at: 0) }
            let hasWrapper = body.first("ProbeMatches") != nil || body.first("ResolveMatches") != nil || root.name == "ProbeMatches"
            if elements.isEmpty, body.first("EndpointReference") != nil || body.first("XAddrs") != nil {
                // the ProbeMatch element itself is missing: read its children from the wrapper/body
                elements = [body.first("ProbeMatches") ?? body]
                problems.append(.missingWrapper)
            } else if !elements.isEmpty, !hasWrapper, root.name != "ProbeMatches" {
                problems.append(.missingWrapper)
            }
            message.entries = elements.map(DiscoveryEntry.init(element:))
        case .hello:
            let e = root.name == "Hello" ? root : body.first("Hello")
            if e == nil { problems.append(.missingWrapper) }
            message.entries = [DiscoveryEntry(element: e ?? body)]
        case .bye:
            let e = root.name == "Bye" ? root : body.first("Bye")
            if e == nil { problems.append(.missingWrapper) }
            message.entries = [DiscoveryEntry(element: e ?? body)]
        case .other:
            problems.append(.unknownMessage)
        }

        if message.kind != .probe, message.kind != .other {
            if message.entries.contains(where: { $0.scopes.hadUnescapedSpaces }) { problems.append(.unescapedSpacesInScopes) }
            if message.entries.isEmpty || message.entries.contains(where: { $0.endpointReference == nil }) {
                problems.append(.missingEndpointReference)
            }
            if message.kind == .probeMatches, message.entries.contains(where: { $0.xaddrs.isEmpty }) {
                problems.append(.missingXAddrs)
            }
        }
        message.problems = problems
        return message
    }

    private static func kind(action: String?, body: XMLElement, root: XMLElement) -> Kind {
        if let a = action?.lowercased() {
            if a.hasSuffix("/probematches") || a.hasSuffix("/resolvematches") { return .probeMatches }
            if a.hasSuffix("/hello") { return .hello }
            if a.hasSuffix("/bye") { return .bye }
            if a.hasSuffix("/probe") { return .probe }
        }
        // no (or odd) Action: decide by the body
        let names = [root.name] + (body.children.map(\.name))
        if names.contains("ProbeMatches") || names.contains("ProbeMatch") || names.contains("ResolveMatches")
            || body.first("ProbeMatch") != nil { return .probeMatches }
        if names.contains("Hello") { return .hello }
        if names.contains("Bye") { return .bye }
        if names.contains("Probe") { return .probe }
        return .other
    }
}

/// What one ProbeMatch, Hello or Bye says about a device.
public struct DiscoveryEntry: Sendable, Equatable {
    /// `EndpointReference/Address`, the device's stable identity (`urn:uuid:…`).
    public var endpointReference: String?
    /// Qualified type names as written (`dn:NetworkVideoTransmitter`, `tds:Device`).
    public var types: [String]
    public var scopes: DiscoveryScopes
    /// Every XAddr, split on whitespace, in the order given.
    public var xaddrs: [String]
    public var metadataVersion: Int?

    public init(endpointReference: String?, types: [String] = [], scopes: DiscoveryScopes = DiscoveryScopes(),
                xaddrs: [String] = [], metadataVersion: Int? = nil) {
        self.endpointReference = endpointReference; self.types = types; self.scopes = scopes
        self.xaddrs = xaddrs; self.metadataVersion = metadataVersion
    }

    /// Reads the children of a ProbeMatch / Hello / Bye element, by local name.
    public init(element e: XMLElement) {
        endpointReference = (e.first("EndpointReference")?.firstText("Address") ?? e.child("Address")?.text)?.nonEmpty
        types = (e.firstText("Types") ?? "").split(whereSeparator: \.isXMLSpace).map(String.init)
        scopes = DiscoveryScopes.parse(e.firstText("Scopes") ?? "")
        xaddrs = (e.firstText("XAddrs") ?? "").split(whereSeparator: \.isXMLSpace).map(String.init)
        metadataVersion = e.firstText("MetadataVersion").flatMap { Int($0) }
    }
}

extension DiscoveryEntry {
    /// True when the entry is an ONVIF device rather than another WS-Discovery device (a Windows
    /// PC or a printer answers untyped probes and says Hello too): a `NetworkVideoTransmitter`
    /// type, an `onvif://` scope or an `/onvif` XAddr path; a bare `Device` type counts only as
    /// the answer to our typed `tds:Device` probe.
    public func looksLikeONVIF(answering form: ProbeForm? = nil) -> Bool {
        let locals = types.map { $0.split(separator: ":").last.map(String.init) ?? $0 }
        if locals.contains("NetworkVideoTransmitter") { return true }
        if scopes.all.contains(where: { $0.lowercased().hasPrefix("onvif://") }) { return true }
        if xaddrs.contains(where: { $0.lowercased().contains("/onvif") }) { return true }
        return form == .device && locals.contains("Device")
    }
}

/// Something wrong with a datagram. A datagram with any problem counts as malformed once;
/// what could still be read from it is used.
public enum DiscoveryProblem: Sendable, Hashable {
    /// Not XML at all.
    case notXML
    /// The XML ends early.
    case truncated
    /// No SOAP `Envelope` around the message.
    case missingEnvelope
    /// A ProbeMatch without its `ProbeMatches` wrapper (or the reverse), or a Hello/Bye without its element.
    case missingWrapper
    /// A scope had raw spaces (repaired).
    case unescapedSpacesInScopes
    /// No `EndpointReference/Address`.
    case missingEndpointReference
    /// A ProbeMatch without XAddrs.
    case missingXAddrs
    /// `RelatesTo` is none of our probes' MessageIDs (the text, or nil when absent).
    case unexpectedRelatesTo(String?)
    /// Not a Probe, ProbeMatches, Hello or Bye.
    case unknownMessage

    public var message: Localized {
        switch self {
        case .notXML: Localized(vi: "không phải XML", en: "not XML")
        case .truncated: Localized(vi: "XML bị cắt cụt", en: "truncated XML")
        case .missingEnvelope: Localized(vi: "thiếu SOAP Envelope", en: "no SOAP Envelope")
        case .missingWrapper: Localized(vi: "thiếu phần tử bao (ProbeMatches/ProbeMatch/Hello/Bye)", en: "missing wrapper element (ProbeMatches/ProbeMatch/Hello/Bye)")
        case .unescapedSpacesInScopes: Localized(vi: "Scopes có dấu cách chưa mã hoá", en: "unescaped spaces in Scopes")
        case .missingEndpointReference: Localized(vi: "thiếu EndpointReference", en: "no EndpointReference")
        case .missingXAddrs: Localized(vi: "thiếu XAddrs", en: "no XAddrs")
        case .unexpectedRelatesTo(let r):
            Localized(vi: "RelatesTo không khớp probe nào (\(r ?? "không có"))", en: "RelatesTo matches none of our probes (\(r ?? "absent"))")
        case .unknownMessage: Localized(vi: "không phải thông điệp WS-Discovery", en: "not a WS-Discovery message")
        }
    }
}

extension Character {
    var isXMLSpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
