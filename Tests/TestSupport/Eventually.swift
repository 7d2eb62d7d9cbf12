import Foundation

/// Polls `condition` every 10 ms until it holds, for at most `timeout` seconds; true as soon as
/// it holds. For effects another thread or process brings about just after the fact we look at
/// (a counter, a job state, a file): the timeout is a generous bound, not a measurement.
public func eventually(timeout: Double = 30, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}
