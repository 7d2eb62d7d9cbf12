import Foundation

/// What the simulator knows about one PTZ channel, for tests and benchmarks: where it points,
/// whether it moves now, and the last moves and stops it was sent.
public struct SimPTZReport: Sendable, Equatable {
    public var channel: Int
    public var position: SimPTZPosition
    /// True while the camera moves (a ContinuousMove not yet stopped or timed out).
    public var moving: Bool
    /// The last ContinuousMove: when (the PTZ clock), the velocity, the Timeout asked for (nil when none).
    public var lastContinuousMove: SimPTZRequest?
    /// The last Stop received.
    public var lastStop: SimPTZRequest?
    public var presets: [SimPTZPreset]
    public var home: SimPTZPosition
}
