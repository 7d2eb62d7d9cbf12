/// How a sweep probes.
public struct DiscoveryOptions: Sendable {
    /// How long to collect answers, in seconds (default 3, field quirk D6: listen ≥ 3 s).
    public var timeout: Double = 3
    /// Probe by multicast on the interfaces (off for unicast-only sweeps).
    public var multicast = true
    /// Interface names to probe on; empty means every usable one.
    public var interfaces: [String] = []
    /// Hosts to probe by unicast (`host` or `host:port`), for networks that block multicast.
    public var hosts: [String] = []
    /// Port of unicast probes when a host gives none (3702; tests use the simulator's free port).
    public var unicastPort: UInt16 = WSDiscoveryURI.port
    /// Probe forms to send (all three by default: quirk D4).
    public var forms: [ProbeForm] = ProbeForm.allCases
    /// Times each probe is sent (UDP is lossy), and the gap between the rounds in seconds.
    public var repeats = 2
    public var repeatGap = 0.15
    /// Multicast TTL (1...4).
    public var ttl = 1

    public init(timeout: Double = 3, multicast: Bool = true, interfaces: [String] = [], hosts: [String] = [],
                unicastPort: UInt16 = WSDiscoveryURI.port) {
        self.timeout = timeout; self.multicast = multicast; self.interfaces = interfaces
        self.hosts = hosts; self.unicastPort = unicastPort
    }
}
