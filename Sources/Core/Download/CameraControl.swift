import Foundation
import Streaming
import Synchronization

/// The pause and cancel switch of one running camera: set from any thread, seen by the camera's
/// thread between pictures (the running RTSP session is cancelled at once, and a back-off wait
/// wakes up).
final class CameraControl: Sendable {
    enum Request: Sendable, Equatable { case pause, cancel }

    private let state = Mutex<(request: Request?, session: RTSPSession?)>((nil, nil))
    private let wakeup = DispatchSemaphore(value: 0)

    /// What was asked, nil while the camera should run.
    var request: Request? { state.withLock { $0.request } }
    var stopRequested: Bool { request != nil }

    /// Asks the camera to stop (cancel wins over pause).
    func ask(_ r: Request) {
        let session = state.withLock { s -> RTSPSession? in
            if s.request != .cancel { s.request = r }
            return s.session
        }
        session?.cancel()
        wakeup.signal()
    }

    /// Clears the request (before running again).
    func reset() {
        state.withLock { $0.request = nil }
        while wakeup.wait(timeout: .now()) == .success {}
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

    /// Waits `seconds` unless a request comes first; returns false when interrupted.
    func sleep(_ seconds: Double) -> Bool {
        if stopRequested { return false }
        _ = wakeup.wait(timeout: .now() + seconds)
        return !stopRequested
    }
}
