import Core

/// Hold-to-move for a PTZ camera from a terminal, which sends key presses and the keyboard's
/// auto-repeats but never a key-up.
///
/// A press starts a ContinuousMove with a short Timeout (the camera stops by itself if nothing
/// follows); repeats of the same key renew it, at most once per `renewEvery` (no flood of
/// requests while a key is held); when the repeats stop (nothing for `releaseAfter`, or
/// `firstRepeatWait` after a first press, the time a keyboard waits before it repeats) a Stop is
/// sent. Another direction or speed moves at once. A pure value driven by keys and ticks with
/// a time (seconds of a monotonic clock), so `update` stays pure and tests use a fake clock.
public struct HoldToMove: Sendable, Equatable {
    /// The timings, in seconds.
    public struct Timing: Sendable, Equatable {
        /// The Timeout of every ContinuousMove.
        public var timeout: Double
        /// The least time between two requests for the same move (4 a second at most).
        public var renewEvery: Double
        /// No repeat for this long after the last one: the key was let go.
        public var releaseAfter: Double
        /// After a first press, how long to wait for the keyboard's auto-repeat to begin.
        public var firstRepeatWait: Double

        public init(timeout: Double = 0.4, renewEvery: Double = 0.25, releaseAfter: Double = 0.25, firstRepeatWait: Double = 0.5) {
            self.timeout = timeout; self.renewEvery = renewEvery
            self.releaseAfter = releaseAfter; self.firstRepeatWait = firstRepeatWait
        }
    }

    /// What to send to the camera.
    public enum Request: Sendable, Equatable {
        /// ContinuousMove at this velocity for at most `timeout` seconds.
        case move(PTZVelocity, timeout: Double)
        case stop
    }

    public var timing: Timing
    /// The velocity of the move under way (nil: not moving).
    public private(set) var velocity: PTZVelocity?
    /// When the last key of this move arrived, and the last request was made.
    private var lastKeyAt = 0.0
    private var lastSentAt = 0.0
    /// A repeat of the first press arrived (the key is held).
    private var repeating = false

    public init(timing: Timing = Timing()) { self.timing = timing }

    /// A move is under way (sent, and no Stop yet).
    public var isMoving: Bool { velocity != nil }

    /// A direction key at `now` (a press or one of its auto-repeats).
    public mutating func press(_ v: PTZVelocity, at now: Double) -> Request? {
        guard !v.isZero else { return release() }
        if let current = velocity, current == v {
            lastKeyAt = now
            repeating = true
            guard now - lastSentAt >= timing.renewEvery else { return nil }
            lastSentAt = now
            return .move(v, timeout: timing.timeout)
        }
        velocity = v
        lastKeyAt = now
        lastSentAt = now
        repeating = false
        return .move(v, timeout: timing.timeout)
    }

    /// Time passes (the app's tick): a Stop once the key was let go.
    public mutating func tick(at now: Double) -> Request? {
        guard velocity != nil else { return nil }
        let wait = repeating ? timing.releaseAfter : timing.firstRepeatWait
        guard now - lastKeyAt >= wait else { return nil }
        return release()
    }

    /// Stop now (another key, the preview closes): a Stop when a move is under way.
    public mutating func release() -> Request? {
        guard velocity != nil else { return nil }
        velocity = nil
        repeating = false
        return .stop
    }
}
