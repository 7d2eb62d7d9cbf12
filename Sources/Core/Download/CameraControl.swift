import Common
import Foundation
import Streaming
import Synchronization

/// The pause and cancel switch of one running camera: set from any thread, seen by the camera's
/// thread between pictures (the running RTSP session is cancelled at once, and a back-off wait
/// ends at once: it waits on this run's `CancelSignal`).
final class CameraControl: Sendable {
    enum Request: Sendable, Equatable { case pause, cancel }

    private struct State {
        var request: Request?
        var session: RTSPSession?
        /// Fired by the first request of this run; a fresh one for each run.
        var stop = CancelSignal()
    }

    private let state = Mutex(State())

    /// What was asked, nil while the camera should run.
    var request: Request? { state.withLock { $0.request } }
    var stopRequested: Bool { request != nil }

    /// Asks the camera to stop (cancel wins over pause).
    func ask(_ r: Request) {
        let (session, stop) = state.withLock { s -> (RTSPSession?, CancelSignal) in
            if s.request != .cancel { s.request = r }
            return (s.session, s.stop)
        }
        session?.cancel()
        stop.cancel()
    }

    /// Clears the request (before running again).
    func reset() {
        state.withLock { s in
            s.request = nil
            if s.stop.isCancelled { s.stop = CancelSignal() }
        }
    }

    /// The session to cancel on a request; when a request is already pending the session is
    /// cancelled at once.
    func attach(_ session: RTSPSession?) {
        let cancelNow = state.withLock { s -> Bool in
            s.session = session
            return s.request != nil
        }
        if cancelNow { session?.cancel() }
    }

    /// Waits out the back-off before retry `attempt` unless a request comes first; returns false
    /// when interrupted.
    func wait(_ backoff: Backoff, before attempt: Int) -> Bool {
        let stop = state.withLock { $0.stop }
        return backoff.wait(before: attempt, cancel: stop) && !stopRequested
    }
}
