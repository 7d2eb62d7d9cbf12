import ONVIF

/// The WS-Discovery responder's switches in `SimulatorConfig` (used when `discovery` is on).
public struct DiscoverySwitches: Sendable, Equatable {
    /// Answer only this probe form (quirk D4); nil answers all three.
    public var onlyForm: ProbeForm?
    /// Send every answer twice (quirk D5).
    public var answerTwice = false
    /// Advertise three XAddrs: link-local, an https twin, then the real one (quirk C2).
    public var threeXAddrs = false
    /// Send Hello when starting and Bye when stopping.
    public var helloAndBye = false
    /// Serve only the interface with this IPv4 address (nil: every usable interface).
    public var interfaceAddress: String?
    /// UDP port (3702; 0 picks a free port for unicast-only tests).
    public var port = 3702
    /// Join the multicast group (off: answer unicast probes only, e.g. on 127.0.0.1 in tests).
    public var multicast = true
    /// Endpoint reference; nil derives a stable one from the serial number.
    public var endpointReference: String?
    /// Location scope (city).
    public var location: String? = "Hanoi"
    /// Fraction of answers dropped on purpose, 0...1 (quirk D6: lossy UDP).
    public var lossRate = 0.0
    /// How many simulated devices answer (each with its own endpoint reference and XAddr port);
    /// more than one is for tests and benchmarks.
    public var devices = 1

    public init() {}
}
