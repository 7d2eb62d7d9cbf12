import Foundation

/// Seconds on a monotonic clock (not affected by wall-clock changes), for timeouts and keepalives.
enum MonotonicClock {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
