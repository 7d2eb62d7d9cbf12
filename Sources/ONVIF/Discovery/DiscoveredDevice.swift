/// One device found by WS-Discovery: every answer with the same endpoint reference merged
/// into one value (across probe forms, repeated probes and interfaces).
public struct DiscoveredDevice: Sendable, Equatable, Codable {
    /// `EndpointReference/Address` (`urn:uuid:…`): the device's identity. Devices are never
    /// told apart by serial number or IP (several Tapo C200 share a serial).
    public var endpointReference: String
    /// Decoded `name` scope.
    public var name: String?
    /// Decoded `hardware` scope (model).
    public var hardware: String?
    /// Decoded `location` scopes.
    public var location: String?
    /// ONVIF profiles from the scopes, as letters (`S`, `G`, `T`).
    public var profiles: [String]
    /// The XAddr to use (see `XAddrPreference`), nil when the device gave none.
    public var xaddr: String?
    /// Every XAddr the device advertised (repaired: zone ids, loopback hosts), preferred one first.
    public var xaddrs: [String]
    /// The addresses its answers came from.
    public var addresses: [IPv4Address]
    /// The local interfaces its answers arrived on (`unicast` for `--host` probes).
    public var interfaces: [String]
    /// True when no answer came from inside the subnet of the interface it arrived on (quirk D3:
    /// such devices are kept, but may not be reachable without a route).
    public var differentSubnet: Bool
    /// Type names as advertised (`dn:NetworkVideoTransmitter`, `tds:Device`).
    public var types: [String]
    /// Every scope URI (after repair).
    public var scopes: [String]
    public var metadataVersion: Int?
    /// Which of our probe forms it answered (empty when known only from Hello).
    public var answeredForms: [ProbeForm]

    public init(endpointReference: String, name: String? = nil, hardware: String? = nil, location: String? = nil,
                profiles: [String] = [], xaddr: String? = nil, xaddrs: [String] = [], addresses: [IPv4Address] = [],
                interfaces: [String] = [], differentSubnet: Bool = false, types: [String] = [], scopes: [String] = [],
                metadataVersion: Int? = nil, answeredForms: [ProbeForm] = []) {
        self.endpointReference = endpointReference; self.name = name; self.hardware = hardware; self.location = location
        self.profiles = profiles; self.xaddr = xaddr; self.xaddrs = xaddrs; self.addresses = addresses
        self.interfaces = interfaces; self.differentSubnet = differentSubnet; self.types = types; self.scopes = scopes
        self.metadataVersion = metadataVersion; self.answeredForms = answeredForms
    }

    /// A short title for lists: the name, else the hardware, else the preferred address.
    public var title: String {
        name ?? hardware ?? addresses.first?.description ?? endpointReference
    }
}
