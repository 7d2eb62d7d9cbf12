import Foundation

/// One PTZ request the simulator received (the request log, for benchmarks).
public struct SimPTZRequest: Sendable, Equatable {
    /// The operation: `ContinuousMove`, `Stop`, `GetStatus`…
    public var operation: String
    public var channel: Int
    /// The PTZ clock's time when it arrived.
    public var time: Date
    /// Real time when it arrived (the monotonic-enough wall clock, for latency figures).
    public var received: Date
    /// ContinuousMove's velocity.
    public var velocity: SimPTZVelocity?
    /// ContinuousMove's Timeout, seconds.
    public var timeout: Double?
}
