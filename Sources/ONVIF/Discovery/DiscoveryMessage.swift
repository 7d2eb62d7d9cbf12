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

extension Character {
    var isXMLSpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
