import Dispatch
import Foundation
import Common
import ONVIF
import Synchronization

// PTZ (issue 14): the contract the fronts build against. A camera is named by a `PictureTarget`
// (device, login, camera as probed: the profile that carries its PTZ configuration — the main
// one, else the sub — is the PTZ profile).

/// What a camera's PTZ can do (GetNodes / GetConfigurations).
public struct PTZCapabilities: Sendable, Equatable {
    public var panTilt: Bool
    public var zoom: Bool
    public var continuousMove: Bool
    public var relativeMove: Bool
    public var absoluteMove: Bool
    public var home: Bool
    public var maxPresets: Int
    /// Generic space ranges (usually -1…1 for pan/tilt, 0…1 for zoom); nil when not offered.
    public var panRange: ClosedRange<Double>?
    public var tiltRange: ClosedRange<Double>?
    public var zoomRange: ClosedRange<Double>?

    public init(panTilt: Bool = false, zoom: Bool = false, continuousMove: Bool = false, relativeMove: Bool = false,
                absoluteMove: Bool = false, home: Bool = false, maxPresets: Int = 0,
                panRange: ClosedRange<Double>? = nil, tiltRange: ClosedRange<Double>? = nil, zoomRange: ClosedRange<Double>? = nil) {
        self.panTilt = panTilt; self.zoom = zoom; self.continuousMove = continuousMove; self.relativeMove = relativeMove
        self.absoluteMove = absoluteMove; self.home = home; self.maxPresets = maxPresets
        self.panRange = panRange; self.tiltRange = tiltRange; self.zoomRange = zoomRange
    }
}

/// Where the camera points and whether it moves (GetStatus). Positions in the generic spaces.
public struct PTZStatus: Sendable, Equatable {
    public var pan: Double?
    public var tilt: Double?
    public var zoom: Double?
    public var moving: Bool
    /// The device's UTC time of the status, when it says.
    public var time: Date?
    public init(pan: Double? = nil, tilt: Double? = nil, zoom: Double? = nil, moving: Bool = false, time: Date? = nil) {
        self.pan = pan; self.tilt = tilt; self.zoom = zoom; self.moving = moving; self.time = time
    }
}

/// A saved position.
public struct PTZPreset: Sendable, Equatable, Hashable {
    public var token: String
    public var name: String
    public init(token: String, name: String) { self.token = token; self.name = name }
}

/// A speed in the generic velocity spaces, each -1…1 (zoom: + in, - out).
public struct PTZVelocity: Sendable, Equatable {
    public var pan: Double
    public var tilt: Double
    public var zoom: Double
    public init(pan: Double = 0, tilt: Double = 0, zoom: Double = 0) { self.pan = pan; self.tilt = tilt; self.zoom = zoom }
    public var isZero: Bool { pan == 0 && tilt == 0 && zoom == 0 }
}

/// Steers PTZ cameras (ONVIF PTZ ver20). Every move carries a Timeout, so a camera stops by
/// itself if VTrack goes away; the service also remembers which cameras it set moving and
/// `stopAll()` stops them (the fronts call it on close, quit and signals). Calls block (run them
/// on a background queue); each throws one sentence: `PTZError` for what PTZ cannot do, the
/// device's own error (`ONVIFError`: login, network, a fault) otherwise.
///
/// What it learns per camera (the PTZ profile, the node's abilities) and one ONVIF client per
/// device (its login and clock offset) are kept for the service's life, so a move after the first
/// is one request.
///
/// ```swift
/// let ptz = PTZService()
/// try ptz.move(target, velocity: PTZVelocity(pan: 0.5), timeout: 0.4)   // renewed while a key repeats
/// try ptz.stop(target)
/// ptz.stopAll()                                                          // on quit and on signals
/// ```
public final class PTZService: Sendable {
    /// The longest Timeout a move is sent with, seconds.
    public static let maxMoveSeconds = 60.0
    /// The shortest Timeout a move is sent with, seconds.
    public static let minMoveSeconds = 0.1

    public let clientOptions: ClientOptions
    /// Seconds `stopAll()` gives each Stop.
    public let stopTimeout: Double

    /// What was learnt about one camera.
    struct Known: Sendable {
        var profileToken: String
        var capabilities: PTZCapabilities
    }

    private let clients = Mutex<[String: ONVIFClient]>([:])
    private let known = Mutex<[String: Known]>([:])
    private let movingTargets = Mutex<[String: PictureTarget]>([:])

    public convenience init(clientOptions: ClientOptions = ClientOptions()) {
        self.init(clientOptions: clientOptions, stopTimeout: 2)
    }

    /// - Parameter stopTimeout: seconds each Stop of `stopAll()` may take (at least 0.2).
    public init(clientOptions: ClientOptions, stopTimeout: Double) {
        self.clientOptions = clientOptions
        self.stopTimeout = max(0.2, stopTimeout)
    }

    /// True when a probe marked the camera as having PTZ (`"ptz"` in its capabilities). A camera
    /// probed before VTrack knew PTZ lacks the mark: `capabilities(_:)` asks the device itself.
    public static func marked(_ camera: Camera) -> Bool { camera.capabilities.contains("ptz") }

    /// The cameras this service set moving and has not seen stopped (their keys).
    public var moving: Set<String> { movingTargets.withLock { Set($0.keys) } }

    /// True while the service believes the camera moves (it set it moving; no Stop or IDLE since).
    public func isMoving(_ target: PictureTarget) -> Bool { movingTargets.withLock { $0[target.key] != nil } }

    // MARK: The contract

    /// The camera's PTZ abilities; throws "this camera has no PTZ" (one sentence) when it has none.
    public func capabilities(_ target: PictureTarget) throws -> PTZCapabilities { try learn(target).capabilities }

    public func status(_ target: PictureTarget) throws -> PTZStatus {
        let k = try learn(target)
        let s: PTZDeviceStatus
        do {
            s = try client(target).ptzStatus(profileToken: k.profileToken)
        } catch ONVIFError.serviceNotSupported(let what) where what != ONVIFService.ptz.displayName {
            throw PTZError.noStatus
        } catch {
            throw Self.mapped(error)
        }
        if s.idle { settled(target) }
        return PTZStatus(pan: s.pan, tilt: s.tilt, zoom: s.zoom, moving: s.moving, time: s.time)
    }

    /// ContinuousMove at `velocity` for at most `timeout` seconds (the device stops by itself then).
    /// The Timeout sent is `timeout` within `minMoveSeconds…maxMoveSeconds`; speeds are brought
    /// into -1…1. A zero velocity is a Stop. Pan and tilt go only to a camera that pans, zoom only
    /// to one that zooms (a request for only what it cannot do throws `PTZError.cannot`).
    public func move(_ target: PictureTarget, velocity: PTZVelocity, timeout: Double) throws {
        if velocity.isZero { return try stop(target) }
        let k = try learn(target)
        let caps = k.capabilities
        guard caps.continuousMove else { throw PTZError.cannot(.continuousMove) }
        let wantsPanTilt = velocity.pan != 0 || velocity.tilt != 0
        if wantsPanTilt && !caps.panTilt && velocity.zoom == 0 { throw PTZError.cannot(.panTilt) }
        if velocity.zoom != 0 && !caps.zoom && !wantsPanTilt { throw PTZError.cannot(.zoom) }
        let v = PTZVector(pan: caps.panTilt ? Self.unit(velocity.pan) : nil, tilt: caps.panTilt ? Self.unit(velocity.tilt) : nil,
                          zoom: caps.zoom ? Self.unit(velocity.zoom) : nil)
        let seconds = min(Self.maxMoveSeconds, max(Self.minMoveSeconds, timeout.isFinite ? timeout : Self.minMoveSeconds))
        // remembered before the request leaves: a stopAll() racing with it still stops the camera
        started(target)
        try Self.perform { try client(target).ptzContinuousMove(profileToken: k.profileToken, velocity: v, timeout: seconds) }
    }

    /// RelativeMove by a translation in the generic spaces (where offered).
    public func moveBy(_ target: PictureTarget, pan: Double, tilt: Double, zoom: Double) throws {
        let k = try learn(target)
        guard k.capabilities.relativeMove else { throw PTZError.cannot(.relativeMove) }
        let caps = k.capabilities
        if zoom != 0 && !caps.zoom && pan == 0 && tilt == 0 { throw PTZError.cannot(.zoom) }
        let v = PTZVector(pan: caps.panTilt ? pan : nil, tilt: caps.panTilt ? tilt : nil, zoom: caps.zoom && zoom != 0 ? zoom : nil)
        started(target)
        try Self.perform { try client(target).ptzRelativeMove(profileToken: k.profileToken, translation: v) }
    }

    /// AbsoluteMove to a position (where offered). An axis left nil stays where it is.
    public func moveTo(_ target: PictureTarget, pan: Double?, tilt: Double?, zoom: Double?) throws {
        let k = try learn(target)
        let caps = k.capabilities
        guard caps.absoluteMove else { throw PTZError.cannot(.absoluteMove) }
        if zoom != nil && !caps.zoom && pan == nil && tilt == nil { throw PTZError.cannot(.zoom) }
        var v = PTZVector(zoom: caps.zoom ? zoom : nil)
        if caps.panTilt && (pan != nil || tilt != nil) {
            // a PanTilt element needs both: the one not given stays where the camera is
            var here: PTZStatus?
            if pan == nil || tilt == nil { here = try? status(target) }
            v.pan = pan ?? here?.pan ?? 0
            v.tilt = tilt ?? here?.tilt ?? 0
        }
        started(target)
        try Self.perform { try client(target).ptzAbsoluteMove(profileToken: k.profileToken, position: v) }
    }

    /// Stop pan/tilt and zoom.
    public func stop(_ target: PictureTarget) throws {
        let token = try profileToken(target)
        try Self.perform { try client(target).ptzStop(profileToken: token) }
        settled(target)
    }

    public func presets(_ target: PictureTarget) throws -> [PTZPreset] {
        let k = try learn(target)
        let list = try Self.perform { try client(target).ptzPresets(profileToken: k.profileToken) }
        return list.map { PTZPreset(token: $0.token, name: $0.name) }
    }

    /// Goes to a preset, named by its token (or, when no token matches, by its name).
    public func gotoPreset(_ target: PictureTarget, token: String) throws {
        let k = try learn(target)
        started(target)
        do {
            try Self.perform { try client(target).ptzGotoPreset(profileToken: k.profileToken, presetToken: token) }
        } catch PTZError.presetNotFound {
            // a name instead of a token
            guard let p = try presets(target).first(where: { $0.name == token || $0.name.lowercased() == token.lowercased() }), p.token != token else {
                settled(target)
                throw PTZError.presetNotFound(token)
            }
            try Self.perform { try client(target).ptzGotoPreset(profileToken: k.profileToken, presetToken: p.token) }
        }
    }

    /// Saves the current position as a new preset named `name`.
    public func setPreset(_ target: PictureTarget, name: String) throws -> PTZPreset {
        let shown = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !shown.isEmpty else { throw PTZError.emptyPresetName }
        let k = try learn(target)
        do {
            let token = try Self.perform { try client(target).ptzSetPreset(profileToken: k.profileToken, name: shown) }
            return PTZPreset(token: token, name: shown)
        } catch PTZError.presetsFull {
            throw PTZError.presetsFull(max: k.capabilities.maxPresets)
        } catch PTZError.presetNameTaken {
            throw PTZError.presetNameTaken(shown)
        }
    }

    public func removePreset(_ target: PictureTarget, token: String) throws {
        let k = try learn(target)
        do {
            try Self.perform { try client(target).ptzRemovePreset(profileToken: k.profileToken, presetToken: token) }
        } catch PTZError.presetNotFound {
            throw PTZError.presetNotFound(token)
        }
    }

    public func gotoHome(_ target: PictureTarget) throws {
        let k = try learn(target)
        guard k.capabilities.home else { throw PTZError.cannot(.home) }
        started(target)
        try Self.perform { try client(target).ptzGotoHome(profileToken: k.profileToken) }
    }

    public func setHome(_ target: PictureTarget) throws {
        let k = try learn(target)
        guard k.capabilities.home else { throw PTZError.cannot(.home) }
        try Self.perform { try client(target).ptzSetHome(profileToken: k.profileToken) }
    }

    /// Stops every camera this service set moving and has not seen stopped (best effort, each
    /// with a short timeout). Safe from any thread.
    public func stopAll() {
        let targets = movingTargets.withLock { Array($0.values) }
        guard !targets.isEmpty else { return }
        let group = DispatchGroup()
        for target in targets {
            DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
                do {
                    try client(target).ptzStop(profileToken: try profileToken(target), requestTimeout: stopTimeout)
                    settled(target)
                } catch {
                    // best effort: the move's own Timeout stops it anyway
                }
            }
        }
        // the connection itself may hang: never wait much longer than one Stop
        _ = group.wait(timeout: .now() + stopTimeout + min(2, max(0, clientOptions.connectTimeout)))
    }

    // MARK: Inside

    private func started(_ target: PictureTarget) { movingTargets.withLock { $0[target.key] = target } }
    private func settled(_ target: PictureTarget) { _ = movingTargets.withLock { $0.removeValue(forKey: target.key) } }

    /// One client per device and login (it keeps the login scheme and the clock offset).
    func client(_ target: PictureTarget) throws -> ONVIFClient {
        let key = "\(target.host)|\(target.port ?? 80)|\(target.username)|\(target.password ?? "")"
        if let c = clients.withLock({ $0[key] }) { return c }
        let credentials = target.username.isEmpty ? nil : Credentials(user: target.username, password: target.password ?? "")
        let c = ONVIFClient(address: try PictureTaker.device(target), credentials: credentials, options: clientOptions)
        return clients.withLock { d in
            if let other = d[key] { return other }
            d[key] = c
            return c
        }
    }

    /// The PTZ profile: learnt, else the main stream's (enough for a Stop).
    private func profileToken(_ target: PictureTarget) throws -> String {
        if let k = known.withLock({ $0[target.key] }) { return k.profileToken }
        guard let token = Self.candidates(target.camera).first else { throw PTZError.noPTZ }
        return token
    }

    /// The main stream's profile token, then the sub stream's.
    static func candidates(_ camera: Camera) -> [String] {
        var out: [String] = []
        for t in [camera.mainStream?.profileToken, camera.subStream?.profileToken] {
            if let t, !t.isEmpty, !out.contains(t) { out.append(t) }
        }
        return out
    }

    /// Finds the camera's PTZ profile, configuration and node, once.
    func learn(_ target: PictureTarget) throws -> Known {
        if let k = known.withLock({ $0[target.key] }) { return k }
        let client = try client(target)
        do {
            let map = try client.services()
            guard map.offers(.ptz) else { throw PTZError.noPTZ }
            var found: (token: String, configuration: PTZConfigurationInfo)?
            for token in Self.candidates(target.camera) {
                do {
                    if let c = try client.ptzConfiguration(profileToken: token) { found = (token, c); break }
                } catch let e as ONVIFError where e.isConnectionFailure || e.isAuthenticationFailure {
                    throw e
                } catch {
                    continue // an odd profile: try the next
                }
            }
            guard let found else { throw PTZError.noPTZ }
            let nodes = try client.ptzNodes()
            let configurations = (try? client.ptzConfigurations()) ?? []
            let configuration = configurations.first { $0.token == found.configuration.token } ?? found.configuration
            guard let node = nodes.first(where: { $0.token == configuration.nodeToken }) ?? (nodes.count == 1 ? nodes.first : nil) else {
                throw PTZError.noPTZ
            }
            let caps = PTZCapabilities(
                panTilt: node.panTilt, zoom: node.zoom, continuousMove: node.continuousPanTilt || node.continuousZoom,
                relativeMove: node.relativePanTilt || node.relativeZoom, absoluteMove: node.absolutePanTilt || node.absoluteZoom,
                home: node.homeSupported, maxPresets: node.maxPresets,
                panRange: node.panTilt ? (configuration.panLimits ?? node.panRange) : nil,
                tiltRange: node.panTilt ? (configuration.tiltLimits ?? node.tiltRange) : nil,
                zoomRange: node.zoom ? (configuration.zoomLimits ?? node.zoomRange) : nil)
            guard caps.panTilt || caps.zoom else { throw PTZError.noPTZ }
            let k = Known(profileToken: found.token, capabilities: caps)
            known.withLock { $0[target.key] = k }
            return k
        } catch {
            throw Self.mapped(error)
        }
    }

    /// Runs a PTZ request, its device error turned into a PTZ sentence where there is one.
    static func perform<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw mapped(error) }
    }

    /// The PTZ meaning of a device error: no PTZ service or profile → `noPTZ`; preset faults →
    /// their `PTZError`; anything else unchanged.
    static func mapped(_ error: any Error) -> any Error {
        guard let e = error as? ONVIFError else { return error }
        switch e {
        case .serviceNotSupported(let what) where what == ONVIFService.ptz.displayName:
            return PTZError.noPTZ
        case .deviceFault(_, let code, _):
            switch code {
            case "NoPTZProfile", "NoProfile": return PTZError.noPTZ
            case "NoToken", "NoPreset": return PTZError.presetNotFound("")
            case "TooManyPresets", "MaxPresets": return PTZError.presetsFull(max: 0)
            case "PresetExist": return PTZError.presetNameTaken("")
            default: return e
            }
        default:
            return e
        }
    }

    /// A speed brought into -1…1 (NaN is 0).
    static func unit(_ v: Double) -> Double { v.isFinite ? min(1, max(-1, v)) : 0 }
}
