import Common
import Core

/// The PTZ controls of the preview's camera: what the camera can do (asked once when the
/// preview opens), where it points, its presets, the speed, the move a held key makes, and the
/// preset-name prompt when open. Only what is drawn and what hold-to-move needs: Core's
/// `PTZService` holds the rest.
public struct PTZState: Sendable, Equatable {
    /// Whether the camera can be steered.
    public enum Phase: Sendable, Equatable {
        /// Its PTZ abilities are being asked for.
        case asking
        case ready(PTZCapabilities)
        /// No PTZ (or it could not be reached), with the sentence that says so.
        case unavailable(Localized)
    }

    public var cameraID: String
    public var phase: Phase
    /// The last status read (position, moving); nil until one arrives.
    public var status: PTZStatus?
    /// GetStatus answers (false once it failed: no more asking).
    public var statusWorks = true
    /// A GetStatus is on its way.
    public var statusPending = false
    /// Ticks until the next GetStatus.
    public var ticksToStatus = 0
    /// Ticks during which the status is still read quickly after a move, a preset or home.
    public var settleTicks = 0
    public var presets: [PTZPreset] = []
    /// 1…`maxSpeed`: the velocity of a move is `speed / maxSpeed`.
    public var speed = PTZState.defaultSpeed
    public var hold = HoldToMove()
    /// The name of a new preset being typed (`s`), when the prompt is open.
    public var naming: TextField?
    /// A move, a preset or home was asked of the camera since the preview opened (closing it
    /// then sends a Stop).
    public var touched = false
    /// The last failure of a PTZ request (logged once, not once per renewal).
    public var problem: Localized?

    public static let maxSpeed = 5
    public static let defaultSpeed = 3
    /// Status reads while moving, and when idle, in ticks.
    public static let movingStatusTicks = 3
    public static let idleStatusTicks = 10
    /// How long the status is read quickly after a request (a preset takes a while), in ticks.
    public static let settleAfterRequest = 30

    public init(cameraID: String, phase: Phase = .asking) {
        self.cameraID = cameraID; self.phase = phase
    }

    /// The abilities, once known.
    public var capabilities: PTZCapabilities? {
        if case let .ready(c) = phase { return c }
        return nil
    }

    /// Something moves, or may: a key is held, the camera says it moves, or a request was made
    /// moments ago.
    public var isMoving: Bool { hold.isMoving || status?.moving == true }

    /// The camera is, or was just, asked to move (the picture and status refresh faster).
    public var isActive: Bool { isMoving || settleTicks > 0 }

    /// The velocity of one direction at the current speed.
    public func velocity(pan: Double = 0, tilt: Double = 0, zoom: Double = 0) -> PTZVelocity {
        let v = Double(speed) / Double(Self.maxSpeed)
        return PTZVelocity(pan: pan * v, tilt: tilt * v, zoom: zoom * v)
    }
}
