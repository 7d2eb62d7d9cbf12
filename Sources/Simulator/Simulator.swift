import Foundation
import ONVIF
import Synchronization

/// The ONVIF NVR simulator: a real HTTP server on `config.host` answering Device, Media and
/// Media2 like an NVR built from `NVRModel`, with every fault switch of `SimulatorConfig`.
/// Tests start it in-process on 127.0.0.1 with port 0; `vtrack-sim` and `vtrack demo` run it too.
///
/// ```swift
/// var config = SimulatorConfig(); config.channels = 16
/// let sim = Simulator(config: config)
/// try sim.start()
/// defer { sim.stop() }
/// print(sim.deviceServiceURL)
/// ```
///
/// Subsystems: SOAP services are `SimSOAPService` values registered in `init` (one file per
/// service under `Services/`), routed by path and operation by `SOAPRouter`; the snapshot URIs
/// (`GET /onvif/snapshot/…`) are answered by `SimSnapshotService` (`Snapshot/`).
public final class Simulator: Sendable {
    public let config: SimulatorConfig
    public let model: NVRModel
    /// Profile G: one recording per channel with seeded gaps (empty without Profile G).
    public let recordings: SimRecordings
    let searchSessions: SimSearchSessions
    /// PTZ (PTZ/): the motors, presets and request log of the channels in `config.ptzChannels`.
    public let ptz: SimPTZ

    let router = SOAPRouter()
    /// `GET /onvif/snapshot/…` (Snapshot/): the pictures GetSnapshotUri points at.
    let snapshots: SimSnapshotService
    private let snapshotFaultNow: Mutex<SnapshotFault?>
    private let counters = Mutex(SimulatorStats())
    private let clockSkew: Mutex<TimeInterval>
    private let http = Mutex<SimHTTPServer?>(nil)
    private let rtspPortValue: Mutex<Int>
    private let discovery = Mutex<DiscoveryResponder?>(nil)
    private let rtsp = Mutex<RTSPServer?>(nil)

    public init(config: SimulatorConfig) {
        self.config = config
        self.model = NVRModel(config: config)
        self.clockSkew = Mutex(config.clockSkew)
        let channelCount = model.channels.count
        let ptzChannels = config.ptzChannels.filter { $0 >= 1 && $0 <= channelCount }
        self.ptz = SimPTZ(channels: ptzChannels, switches: config.ptz, clock: config.ptzClock)
        self.snapshots = SimSnapshotService(model: model, ptz: ptz)
        self.snapshotFaultNow = Mutex(config.snapshotFault)
        // until the RTSP server exists, URIs carry the configured port (or the RTSP default)
        self.rtspPortValue = Mutex(config.rtspPort == 0 ? 554 : config.rtspPort)

        // SOAP services (add new ones here: one file per service in Services/)
        router.register(SimDeviceService.make())
        if !config.media2Only { router.register(SimMediaService.make()) }
        if !config.media1Only { router.register(SimMedia2Service.make()) }

        // PTZ (Sources/Simulator/PTZ): on the chosen channels, unless the device plays one without the service
        if !ptz.channels.isEmpty && !config.ptz.noService { router.register(SimPTZService.make(ptz)) }

        // Profile G (Sources/Simulator/ProfileG)
        self.recordings = SimRecordings(config: config, model: model)
        self.searchSessions = SimSearchSessions(switches: config.recordings)
        if config.profileG {
            router.register(SimRecordingService.make(library: recordings))
            router.register(SimSearchService.make(library: recordings, sessions: searchSessions))
            router.register(SimReplayService.make(library: recordings))
        }
    }

    /// Starts the servers. Throws when the port is taken.
    /// - Throws: `SimulatorError` (a port cannot be opened, the bundled clips are missing).
    public func start() throws {
        let server: SimHTTPServer
        do {
            server = try SimHTTPServer(host: config.host, port: config.port) { [weak self] request in
                guard let self else { return SimHTTPResponse(status: 503) }
                return self.respond(request)
            }
        } catch {
            throw SimulatorError.cannotListen(what: "HTTP", host: config.host, port: config.port, detail: "\(error)")
        }
        http.withLock { $0 = server }
        // RTSP server (RTSP/): live and replay streams; GetStreamUri carries its real port
        let rtspServer = RTSPServer(config: config, model: model, footage: recordings)
        do {
            try rtspServer.start()
        } catch {
            server.stop()
            http.withLock { $0 = nil }
            if error is SimulatorError { throw error }
            throw SimulatorError.cannotListen(what: "RTSP", host: config.host, port: config.rtspPort, detail: "\(error)")
        }
        rtsp.withLock { $0 = rtspServer }
        setRTSPPort(rtspServer.port)
        // WS-Discovery responder (Discovery/), advertising this HTTP server
        if config.discovery {
            let responder = DiscoveryResponder(config: config, httpPort: server.port)
            do {
                try responder.start()
            } catch {
                server.stop()
                http.withLock { $0 = nil }
                throw error
            }
            discovery.withLock { $0 = responder }
        }
    }

    /// The answer to one whole HTTP request: a snapshot (`GET /onvif/snapshot/…`) or a SOAP
    /// operation, each behind its login check. What the HTTP server runs for every request.
    func respond(_ request: SimHTTPRequest) -> SimHTTPResponse {
        if SimSnapshotService.handles(request) {
            return snapshots.respond(request, env: environment(), authenticator: router.authenticator, stats: counters)
        }
        return router.handle(request, environment: { self.environment() }, stats: counters)
    }

    /// The WS-Discovery responder while running with `config.discovery` (its port, statistics).
    public var discoveryResponder: DiscoveryResponder? { discovery.withLock { $0 } }

    /// Stops the servers; safe to call twice.
    public func stop() {
        discovery.withLock { r -> DiscoveryResponder? in defer { r = nil }; return r }?.stop() // Bye goes first
        let server = http.withLock { s -> SimHTTPServer? in
            defer { s = nil }
            return s
        }
        server?.stop()
        rtsp.withLock { r -> RTSPServer? in defer { r = nil }; return r }?.stop()
    }

    /// The RTSP server while running (its port, statistics).
    public var rtspServer: RTSPServer? { rtsp.withLock { $0 } }

    /// The HTTP (ONVIF SOAP) port actually bound; 0 before `start()`.
    public var httpPort: Int { http.withLock { $0?.port ?? 0 } }

    /// The RTSP port that stream URIs carry.
    public var rtspPort: Int {
        get { rtspPortValue.withLock { $0 } }
    }

    /// Sets the RTSP port stream URIs carry (the RTSP server calls this once it is bound).
    public func setRTSPPort(_ port: Int) { rtspPortValue.withLock { $0 = port } }

    /// The host to put in URLs that reach this simulator (loopback when bound to every interface).
    public var reachableHost: String {
        let h = config.host == "0.0.0.0" || config.host.isEmpty ? "127.0.0.1" : (config.host == "::" ? "::1" : config.host)
        return h.contains(":") ? "[\(h)]" : h
    }

    /// `http://HOST:PORT/onvif/device_service` — where a client should connect.
    public var deviceServiceURL: String { "http://\(reachableHost):\(httpPort)\(SimDeviceService.path)" }

    /// What the simulator has seen so far.
    public var stats: SimulatorStats { counters.withLock { $0 } }

    /// Forgets failed logins and unlocks the account.
    public func unlockAccount() {
        counters.withLock { s in
            s.failedLogins = 0
            s.locked = false
        }
    }

    /// Expires every HTTP Digest nonce (as devices do after a while): clients must answer the
    /// `stale=true` challenge without counting it as a failed login.
    public func expireDigestNonces() { router.authenticator.expireNonces() }

    /// Search sessions (FindRecordings, FindEvents) not yet ended or expired.
    public var openSearchSessions: Int { searchSessions.openCount }

    /// Forgets every search session now, as a rebooted device would.
    public func expireSearchSessions() { searchSessions.expireAll() }

    /// Changes the device clock's offset from real time while running (a drifting clock).
    public func setClockSkew(_ seconds: TimeInterval) { clockSkew.withLock { $0 = seconds } }

    /// The snapshot fault in force (`config.snapshotFault` until changed).
    public var snapshotFault: SnapshotFault? { snapshotFaultNow.withLock { $0 } }

    /// Changes the snapshot fault while running (a device that starts or stops failing); it
    /// applies to the next request, GetSnapshotUri's wrong host included.
    public func setSnapshotFault(_ fault: SnapshotFault?) { snapshotFaultNow.withLock { $0 = fault } }

    /// The simulated device's clock now.
    public var deviceTime: Date { Date().addingTimeInterval(clockSkew.withLock { $0 }) }

    /// `host:port` and RTSP host that answers advertise: the real ones, or `--advertise HOST:PORT`.
    var advertised: (httpAuthority: String, rtspHost: String) {
        guard let adv = config.advertise else {
            return ("\(reachableHost):\(httpPort)", reachableHost)
        }
        if adv.hasPrefix("["), let close = adv.firstIndex(of: "]") {
            let host = String(adv[...close])
            let rest = adv[adv.index(after: close)...]
            return (rest.isEmpty ? host : host + rest, host)
        }
        let host = adv.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return (adv, host)
    }

    private func environment() -> SOAPRouter.SOAPEnvironment {
        let adv = advertised
        var config = self.config
        config.snapshotFault = snapshotFault
        return SOAPRouter.SOAPEnvironment(config: config, model: model, deviceTime: deviceTime, httpAuthority: adv.httpAuthority,
                                          rtspHost: adv.rtspHost, rtspPort: rtspPort)
    }
}
