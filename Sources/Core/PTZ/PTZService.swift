import Foundation
import Common
import ONVIF

// PTZ (issue 14): the contract the fronts build against. Bodies marked "TODO(ptz)" are
// placeholders until the engine lands. A camera is named by a `PictureTarget` (device, login,
// camera as probed: its main profile token is the PTZ profile).

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
/// on a background queue); each throws one sentence (`PTZError`).
public final class PTZService: Sendable {
    public init(clientOptions: ClientOptions = ClientOptions()) {
        // TODO(ptz)
    }

    /// The camera's PTZ abilities; throws "this camera has no PTZ" (one sentence) when it has none.
    public func capabilities(_ target: PictureTarget) throws -> PTZCapabilities { throw Self.notYet } // TODO(ptz)
    public func status(_ target: PictureTarget) throws -> PTZStatus { throw Self.notYet } // TODO(ptz)
    /// ContinuousMove at `velocity` for at most `timeout` seconds (the device stops by itself then).
    public func move(_ target: PictureTarget, velocity: PTZVelocity, timeout: Double) throws { throw Self.notYet } // TODO(ptz)
    /// RelativeMove by a translation in the generic spaces (where offered).
    public func moveBy(_ target: PictureTarget, pan: Double, tilt: Double, zoom: Double) throws { throw Self.notYet } // TODO(ptz)
    /// AbsoluteMove to a position (where offered).
    public func moveTo(_ target: PictureTarget, pan: Double?, tilt: Double?, zoom: Double?) throws { throw Self.notYet } // TODO(ptz)
    /// Stop pan/tilt and zoom.
    public func stop(_ target: PictureTarget) throws { throw Self.notYet } // TODO(ptz)
    public func presets(_ target: PictureTarget) throws -> [PTZPreset] { throw Self.notYet } // TODO(ptz)
    public func gotoPreset(_ target: PictureTarget, token: String) throws { throw Self.notYet } // TODO(ptz)
    /// Saves the current position as a new preset named `name`.
    public func setPreset(_ target: PictureTarget, name: String) throws -> PTZPreset { throw Self.notYet } // TODO(ptz)
    public func removePreset(_ target: PictureTarget, token: String) throws { throw Self.notYet } // TODO(ptz)
    public func gotoHome(_ target: PictureTarget) throws { throw Self.notYet } // TODO(ptz)
    public func setHome(_ target: PictureTarget) throws { throw Self.notYet } // TODO(ptz)
    /// Stops every camera this service set moving and has not seen stopped (best effort, each
    /// with a short timeout). Safe from any thread.
    public func stopAll() {} // TODO(ptz)

    private static var notYet: PlainError { PlainError(vi: "Chưa hỗ trợ PTZ.", en: "PTZ is not built yet.") }
}
