import ArgumentParser
import ONVIF
import Simulator

/// `vtrack-sim` flags of the WS-Discovery responder (field quirks C2, D3–D6).
struct DiscoveryFlags: ParsableArguments {
    /// A probe form on the command line.
    enum Form: String, ExpressibleByArgument, CaseIterable {
        case nvt, device, untyped

        var probeForm: ProbeForm {
            switch self {
            case .nvt: .networkVideoTransmitter
            case .device: .device
            case .untyped: .untyped
            }
        }
    }

    @Flag(help: "Answer WS-Discovery probes (UDP 3702) for this device.")
    var discovery = false

    @Option(name: .customLong("discovery-only-form"), help: "Answer only one probe form: nvt (dn:NetworkVideoTransmitter), device (tds:Device) or untyped.")
    var onlyForm: Form?

    @Flag(name: .customLong("discovery-answer-twice"), help: "Send every ProbeMatches twice.")
    var answerTwice = false

    @Flag(name: .customLong("discovery-three-xaddrs"), help: "Advertise three XAddrs: link-local, an https twin, then the real one.")
    var threeXAddrs = false

    @Flag(name: .customLong("discovery-hello-bye"), help: "Send Hello at start and Bye at exit.")
    var helloAndBye = false

    @Option(name: .customLong("discovery-interface"), help: ArgumentHelp("Serve only the interface with this IPv4 address.", valueName: "address"))
    var interfaceAddress: String?

    @Option(name: .customLong("discovery-port"), help: "UDP port of the responder (0 picks one; implies unicast only).")
    var port = 3702

    @Flag(name: .customLong("discovery-unicast-only"), help: "Do not join the multicast group; answer unicast probes only.")
    var unicastOnly = false

    @Option(name: .customLong("discovery-loss"), help: "Fraction of answers to drop on purpose, 0 to 1.")
    var loss = 0.0

    @Option(name: .customLong("discovery-endpoint"), help: ArgumentHelp("Endpoint reference to announce (default: derived from the serial number).", valueName: "urn"))
    var endpoint: String?

    @Option(name: .customLong("discovery-devices"), help: "Answer as this many devices (benchmarks), each with its own endpoint and XAddr port.")
    var devices = 1

    func validate() throws {
        guard (0...1).contains(loss) else { throw ValidationError("--discovery-loss must be between 0 and 1.") }
        guard (1...10_000).contains(devices) else { throw ValidationError("--discovery-devices must be between 1 and 10000.") }
        guard (0...65535).contains(port) else { throw ValidationError("--discovery-port must be between 0 and 65535.") }
        if let a = interfaceAddress, IPv4Address(a) == nil { throw ValidationError("--discovery-interface needs an IPv4 address such as 192.168.1.20.") }
    }

    /// Copies the flags into the simulator's configuration.
    func apply(to config: inout SimulatorConfig) {
        config.discovery = discovery
        var sw = config.discoverySwitches
        sw.onlyForm = onlyForm?.probeForm
        sw.answerTwice = answerTwice
        sw.threeXAddrs = threeXAddrs
        sw.helloAndBye = helloAndBye
        sw.interfaceAddress = interfaceAddress
        sw.port = port
        sw.multicast = !unicastOnly && port != 0
        sw.lossRate = loss
        sw.devices = devices
        if let e = endpoint { sw.endpointReference = e }
        config.discoverySwitches = sw
    }
}
