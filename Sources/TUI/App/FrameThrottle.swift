/// Coalesces redraws caused by engine events (progress, discovery): however many events
/// arrive, at most one frame per `interval`. Keys redraw at once and do not go through it.
///
/// The UI loop asks `request(now:)` after each event; a non-nil answer is the delay after
/// which to draw (one draw is then pending and further requests answer nil until `drew(at:)`).
public struct FrameThrottle: Sendable, Equatable {
    /// Shortest time between two throttled frames, nanoseconds (100 ms: 10 frames a second).
    public let interval: UInt64
    public private(set) var lastDraw: UInt64?
    public private(set) var pending = false

    public init(interval: UInt64 = 100_000_000) { self.interval = interval }

    /// A frame is wanted at `now` (monotonic nanoseconds): the delay before drawing it, or nil
    /// when a frame is already scheduled (this event will be in it).
    public mutating func request(now: UInt64) -> UInt64? {
        guard !pending else { return nil }
        pending = true
        guard let last = lastDraw else { return 0 }
        let earliest = last + interval
        return earliest > now ? earliest - now : 0
    }

    /// A frame was drawn at `now` (by the throttle or by a key).
    public mutating func drew(at now: UInt64) {
        pending = false
        lastDraw = now
    }
}
