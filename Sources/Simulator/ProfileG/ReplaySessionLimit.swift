import Synchronization

/// Counts the simulator's concurrent replay sessions against `ProfileGSwitches.replayLimit`, like
/// a Hikvision NVR that serves one playback at a time (field quirk F5): the RTSP server takes a
/// slot at PLAY of a replay (answering `453 Not Enough Bandwidth` when none is free) and gives it
/// back at TEARDOWN, session timeout or connection loss.
public final class ReplaySessionLimit: Sendable {
    /// nil: unlimited.
    public let limit: Int?
    private let counts = Mutex((active: 0, refused: 0, peak: 0))

    public init(limit: Int?) {
        self.limit = limit.map { max(0, $0) }
    }

    /// Takes a slot; false (answer 453) when every slot is taken.
    public func acquire() -> Bool {
        counts.withLock { c in
            if let limit, c.active >= limit {
                c.refused += 1
                return false
            }
            c.active += 1
            c.peak = max(c.peak, c.active)
            return true
        }
    }

    /// Gives a slot back.
    public func release() {
        counts.withLock { c in c.active = max(0, c.active - 1) }
    }

    /// Replay sessions playing now.
    public var active: Int { counts.withLock { $0.active } }
    /// Replays refused with 453 so far.
    public var refused: Int { counts.withLock { $0.refused } }
    /// The most replay sessions that ever played at once.
    public var peak: Int { counts.withLock { $0.peak } }
}
