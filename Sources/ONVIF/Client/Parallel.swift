import Foundation
import Synchronization

/// Runs blocking work (network calls) on up to `width` threads and returns the results in input
/// order. Threads, not the Dispatch pool: the pool is sized for CPU work and would serialise I/O
/// on a 2-core machine.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], width: Int, _ body: @escaping @Sendable (T) throws -> R) -> [Result<R, any Error>] {
    if items.isEmpty { return [] }
    let next = Mutex(0)
    let results = Mutex<[Result<R, any Error>?]>(Array(repeating: nil, count: items.count))
    let work: @Sendable () -> Void = {
        while true {
            let i: Int = next.withLock { n in defer { n += 1 }; return n }
            if i >= items.count { return }
            let r = Result { try body(items[i]) }
            results.withLock { $0[i] = r }
        }
    }
    let threads = min(max(1, width), items.count)
    let group = DispatchGroup()
    for _ in 1..<threads {
        group.enter()
        Thread.detachNewThread {
            work()
            group.leave()
        }
    }
    work()
    group.wait()
    return results.withLock { $0.map { $0! } }
}
