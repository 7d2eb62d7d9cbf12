import Glibc

/// Polls `condition` every 10 ms for up to 10 s; true as soon as it holds. For counters that
/// another thread updates just after the fact we look at (not a timing assertion).
func eventually(_ condition: () -> Bool) -> Bool {
    for _ in 0..<1000 {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}
