import Dispatch
import Synchronization

/// Runs a runner's PTZ requests that move cameras one at a time, in the order asked, on a
/// queue of their own (status reads and downloads never wait behind them, nor they behind
/// them). A move or stop still waiting is replaced by a newer move or stop for the same camera:
/// on a slow device the newest wish wins instead of a queue of stale ones.
final class PTZLane: Sendable {
    private struct Job {
        var camera: String
        /// A ContinuousMove or a Stop (replaceable), not a preset, home or save.
        var continuous: Bool
        var run: @Sendable () -> Void
    }

    private let queue = DispatchQueue(label: "vtrack.engine.ptz")
    private let waiting = Mutex<[Job]>([])

    /// Queues `run` for `camera`; `continuous` marks a move or stop that a newer one replaces.
    func submit(camera: String, continuous: Bool, _ run: @escaping @Sendable () -> Void) {
        let job = Job(camera: camera, continuous: continuous, run: run)
        let scheduled = waiting.withLock { w -> Bool in
            if continuous, let last = w.last, last.continuous, last.camera == camera {
                w[w.count - 1] = job
                return false
            }
            w.append(job)
            return true
        }
        // one drain per queued job (a replacement rides on the drain of the job it replaced)
        if scheduled { queue.async { [self] in next() } }
    }

    private func next() {
        let job = waiting.withLock { w -> Job? in w.isEmpty ? nil : w.removeFirst() }
        job?.run()
    }
}
