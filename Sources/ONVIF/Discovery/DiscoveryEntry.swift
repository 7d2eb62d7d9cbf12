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
