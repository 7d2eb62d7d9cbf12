import Foundation
import Synchronization

/// How many replay sessions may play at once on one device (field quirk F5: many NVRs serve
/// one playback at a time and answer more with `453 Not Enough Bandwidth`). Cameras take a slot
/// for each RTSP session; a 453 lowers the limit (never below 1) so later sessions queue instead.
/// Shared by every job on the same device.
final class ReplaySessionSlots: Sendable {
    private struct State {
        var limit: Int
        var active = 0
        var lowered = 0
    }

    private let state: Mutex<State>
    private let changed = DispatchSemaphore(value: 0)
    private let waiters = Mutex(0)

    init(limit: Int) {
        state = Mutex(State(limit: max(1, limit)))
    }

    /// The current limit.
    var limit: Int { state.withLock { $0.limit } }
    /// Sessions holding a slot.
    var active: Int { state.withLock { $0.active } }
    /// Times a 453 lowered the limit.
    var timesLowered: Int { state.withLock { $0.lowered } }

    /// Takes a slot, waiting (in steps of `poll` seconds) while none is free. Returns false when
    /// `shouldStop` says to give up waiting.
    func acquire(poll: Double = 0.2, shouldStop: () -> Bool) -> Bool {
        while true {
            if shouldStop() { return false }
            let got = state.withLock { s -> Bool in
                guard s.active < s.limit else { return false }
                s.active += 1
                return true
            }
            if got { return true }
            waiters.withLock { $0 += 1 }
            _ = changed.wait(timeout: .now() + poll)
            waiters.withLock { $0 -= 1 }
        }
    }

    /// Gives a slot back.
    func release() {
        state.withLock { $0.active = max(0, $0.active - 1) }
        wake()
    }

    /// The device refused a session with 453 while `active` (including the refused one) were
    /// playing: the limit becomes the number of others that play, at least 1.
    func refused() {
        state.withLock { s in
            let others = max(1, s.active - 1)
            if others < s.limit {
                s.limit = others
                s.lowered += 1
            }
        }
    }

    private func wake() {
        let n = waiters.withLock { $0 }
        for _ in 0..<n { changed.signal() }
    }
}
