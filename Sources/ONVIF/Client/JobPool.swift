import Foundation

/// Runs blocking jobs (network calls) on up to `width` threads; a job may add more jobs, and
/// `run` returns when every job, added ones included, has finished. Lets a probe ask for stream
/// URIs as soon as a profile list arrives instead of waiting for every list.
///
/// Threads, not the Dispatch pool: the pool is sized for CPU work and would serialise I/O on a
/// 2-core machine. All state is guarded by `condition`'s lock, which is what makes the
/// `@unchecked Sendable` true.
final class JobPool: @unchecked Sendable {
    typealias Job = @Sendable () -> Void

    private let condition = NSCondition()
    private var queue: [Job] = []
    private var head = 0
    private var running = 0
    private let width: Int

    init(width: Int) {
        self.width = max(1, width)
    }

    /// Adds a job; callable from inside a running job.
    func add(_ job: @escaping Job) {
        condition.lock()
        queue.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs every job until none is left or running; the calling thread is one of the workers.
    func run() {
        let group = DispatchGroup()
        for _ in 0..<(width - 1) {
            group.enter()
            Thread.detachNewThread {
                self.work()
                group.leave()
            }
        }
        work()
        group.wait()
    }

    private func work() {
        condition.lock()
        while true {
            if head < queue.count {
                let job = queue[head]
                head += 1
                running += 1
                condition.unlock()
                job()
                condition.lock()
                running -= 1
                if head >= queue.count && running == 0 { condition.broadcast() }
            } else if running == 0 {
                condition.broadcast()
                condition.unlock()
                return
            } else {
                condition.wait()
            }
        }
    }
}
