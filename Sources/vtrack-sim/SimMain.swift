import ArgumentParser
import Dispatch
import Foundation
import Glibc
import ONVIF
import Simulator

@main
struct SimMain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vtrack-sim",
        abstract: "An ONVIF NVR simulator.",
        discussion: "Prints one line `ready http://HOST:PORT/onvif/device_service` when it answers, then runs until SIGINT or SIGTERM.")

    // MARK: Device and network
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "HTTP (ONVIF) port; 0 picks a free port.") var port = 0
    @Option(help: "Number of channels (video sources), each with a main and a sub profile.") var channels = 4

    // MARK: Authentication
    @Option(help: "ONVIF user name.") var user = "admin"
    @Option(help: "ONVIF password (visible to other users of this machine in the process list; fine for a simulator).") var password = "admin123"
    @Option(help: "Login the device demands: wsse (WS-Security UsernameToken), digest (HTTP Digest), basic (HTTP Basic), both (WS-Security or HTTP Digest), none.")
    var auth: String = "wsse"
    @Option(name: .customLong("clock-skew"), help: "Device clock minus real time, seconds (negative: behind).") var clockSkew: Double = 0
    @Option(name: .customLong("lock-after"), help: "Lock the account after this many failed logins.") var lockAfter: Int?
    @Option(name: .customLong("digest-algorithm"), help: "Algorithm of the HTTP and RTSP Digest challenges: MD5, MD5-sess, SHA-256, SHA-256-sess.")
    var digestAlgorithm: String = "MD5"

    // MARK: Addressing and services
    @Option(help: "HOST:PORT to advertise in service addresses and URIs instead of the real one (NAT).") var advertise: String?
    @Flag(name: .customLong("media1-only"), help: "Offer only Media (ver10); H.265 subs become H.264.") var media1Only = false
    @Flag(name: .customLong("media2-only"), help: "Offer only Media2 (ver20).") var media2Only = false
    @Flag(name: .customLong("no-get-services"), help: "Answer GetServices with ActionNotSupported (clients must use GetCapabilities).") var noGetServices = false

    // MARK: SOAP fault switches
    @Flag(name: .customLong("empty-on-auth-failure"), help: "Answer a wrong login with HTTP 200 and an empty body.") var emptyOnAuthFailure = false
    @Flag(name: .customLong("html-401"), help: "Answer refused logins with an HTML 401 page.") var html401 = false
    @Flag(name: .customLong("soap11-only"), help: "Answer SOAP 1.2 with an empty 200; only SOAP 1.1 works.") var soap11Only = false
    @Flag(name: .customLong("reject-action-parameter"), help: "Refuse SOAP 1.2 requests with action= in the Content-Type (Illustra).") var rejectActionParameter = false
    @Flag(name: .customLong("require-action-parameter"), help: "Refuse SOAP 1.2 requests without action= in the Content-Type (Pelco).") var requireActionParameter = false
    @Option(name: .customLong("local-time-as-utc"), help: "Report local wall time, this many hours east of UTC, labelled as UTC (logins still checked against UTC).") var localTimeAsUTC: Int?
    @Flag(name: .customLong("malformed-xml"), help: "Cut every answer off in the middle.") var malformedXML = false
    @Flag(name: .customLong("undeclared-prefixes"), help: "Use namespace prefixes without declaring them, and pad URIs with whitespace.") var undeclaredPrefixes = false
    @Option(help: "Wait this many seconds before every answer.") var stall: Double = 0
    @Flag(name: .customLong("authenticated-datetime"), help: "GetSystemDateAndTime demands a login too.") var authenticatedDateTime = false
    @Flag(name: .customLong("profile-without-encoder"), help: "Channel 1's sub profile has no video encoder.") var profileWithoutEncoder = false
    @Flag(name: .customLong("wsse-created-zulu-only"), help: "Accept a WS-Security Created time only in the …Z form, not +00:00 (some Hikvision firmware).") var wsseCreatedZuluOnly = false
    @Option(name: .customLong("stream-uri-fault-channel"), help: "GetStreamUri fails with 'Unknown Error' for this channel.") var streamURIFaultChannel: Int?

    @Flag(name: .customLong("print-model"), help: "Print the channels and profiles these flags give, as JSON, and exit.")
    var printModel = false

    // MARK: Snapshots (see SnapshotFlags.swift)
    @OptionGroup(title: "Snapshots")
    var snapshotFlags: SnapshotFlags

    // MARK: PTZ (see PTZFlags.swift)
    @OptionGroup(title: "PTZ")
    var ptzFlags: PTZFlags

    // MARK: RTSP (see RTSPFlags.swift)
    @OptionGroup(title: "RTSP")
    var rtspFlags: RTSPFlags

    // MARK: Profile G (see ProfileGFlags.swift)
    @OptionGroup(title: "Profile G")
    var profileGFlags: ProfileGFlags

    // MARK: WS-Discovery (see DiscoveryFlags.swift)
    @OptionGroup(title: "WS-Discovery")
    var discoveryFlags: DiscoveryFlags

    func validate() throws {
        guard SimulatorConfig.AuthMode(rawValue: auth) != nil else {
            throw ValidationError("--auth must be one of: \(SimulatorConfig.AuthMode.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard SimDigestAlgorithm(name: digestAlgorithm) != nil else {
            throw ValidationError("--digest-algorithm must be one of: \(SimDigestAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if media1Only && media2Only { throw ValidationError("--media1-only and --media2-only exclude each other.") }
        if rejectActionParameter && requireActionParameter {
            throw ValidationError("--reject-action-parameter and --require-action-parameter exclude each other.")
        }
        if let h = localTimeAsUTC, !(-12...14).contains(h) { throw ValidationError("--local-time-as-utc must be between -12 and 14 hours.") }
        if channels < 1 || channels > 256 { throw ValidationError("--channels must be between 1 and 256.") }
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535.") }
    }

    var config: SimulatorConfig {
        var c = SimulatorConfig()
        c.host = host
        c.port = port
        c.channels = channels
        c.user = user
        c.password = password
        c.auth = SimulatorConfig.AuthMode(rawValue: auth) ?? .wsse
        c.clockSkew = clockSkew
        c.lockAfterFailures = lockAfter
        c.digestAlgorithm = SimDigestAlgorithm(name: digestAlgorithm) ?? .md5
        c.advertise = advertise
        c.media1Only = media1Only
        c.media2Only = media2Only
        c.noGetServices = noGetServices
        c.faults.emptyOn401 = emptyOnAuthFailure
        c.faults.html401 = html401
        c.faults.soap11Only = soap11Only
        c.faults.rejectActionParameter = rejectActionParameter
        c.faults.requireActionParameter = requireActionParameter
        c.faults.localTimeLabelledUTC = localTimeAsUTC
        c.faults.malformedXML = malformedXML
        c.faults.undeclaredPrefixes = undeclaredPrefixes
        c.faults.stallSeconds = stall
        c.faults.authenticatedDateTime = authenticatedDateTime
        c.faults.profileWithoutEncoder = profileWithoutEncoder
        c.faults.wsseCreatedZuluOnly = wsseCreatedZuluOnly
        c.faults.streamURIFaultChannel = streamURIFaultChannel
        profileGFlags.apply(to: &c)
        discoveryFlags.apply(to: &c)
        rtspFlags.apply(to: &c)
        snapshotFlags.apply(to: &c)
        ptzFlags.apply(to: &c)
        return c
    }

    func run() throws {
        let config = self.config
        if printModel {
            print(try ModelDump.json(config))
            return
        }
        // blocked before any thread starts (every thread inherits it): a SIGTERM that comes while
        // the simulator is still starting (Hello already out) waits for `waitForSignal`, never lost
        let stopSignals = SimMain.blockStopSignals()
        let sim = Simulator(config: config)
        do {
            try sim.start()
        } catch {
            FileHandle.standardError.write(Data("vtrack-sim: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if let r = sim.discoveryResponder {
            FileHandle.standardError.write(Data("vtrack-sim: WS-Discovery on UDP \(r.port ?? 0) as \(r.adverts.count) device(s)\n".utf8))
        }
        if !sim.ptz.channels.isEmpty {
            let list = sim.ptz.channels.sorted().map(String.init).joined(separator: ",")
            let service = config.ptz.noService ? " (no PTZ service: --ptz-no-service)" : " (/onvif/ptz_service)"
            FileHandle.standardError.write(Data("vtrack-sim: PTZ on channel(s) \(list)\(service)\n".utf8))
        }
        FileHandle.standardError.write(Data("vtrack-sim: RTSP on port \(sim.rtspPort) (/live/chNN/main|sub, /replay/<recording token>)\n".utf8))
        // --rtsp-hold-after: each hold is a line on standard output; SIGUSR1 releases it
        var release: DispatchSourceSignal?
        if let hold = sim.rtspServer?.hold, !config.rtsp.faults.holdAfterBytes.isEmpty {
            hold.onHold { n, bytes in FileHandle.standardOutput.write(Data("held \(n) \(bytes)\n".utf8)) }
            signal(SIGUSR1, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: SIGUSR1, queue: DispatchQueue(label: "vtrack-sim.release"))
            source.setEventHandler { hold.release() }
            source.resume()
            release = source
        }
        // the one line on standard output, unbuffered so a parent reading the pipe sees it at once
        FileHandle.standardOutput.write(Data("ready \(sim.deviceServiceURL)\n".utf8))
        withExtendedLifetime(release) {
            SimMain.waitForSignal(stopSignals) { sim.stop() } // stop() sends Bye first
        }
    }

    /// Blocks SIGINT and SIGTERM in the calling thread and in every thread it starts later.
    static func blockStopSignals() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &set, nil)
        return set
    }

    /// Waits for one of the blocked signals (one already pending included), runs `cleanup`, exits.
    static func waitForSignal(_ signals: sigset_t, _ cleanup: () -> Void) -> Never {
        var set = signals
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 {}
        cleanup()
        Glibc.exit(0)
    }
}
