import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Trying again, with growing pauses, until something works or time is up: how the store waits
/// for another process where SQLite answers "busy" at once instead of waiting in its busy handler.
enum Retry {
    /// Calls `attempt` until it returns a value or `seconds` have passed; between tries it sleeps
    /// 1 ms, then twice as long each time, at most `maxPause` microseconds. The time is checked
    /// after each try that returned nil, so there is always at least one try.
    /// - Returns: the first value `attempt` returned; nil when time ran out.
    /// - Throws: what `attempt` throws (that ends the tries at once).
    static func until<T>(seconds: TimeInterval, maxPause: useconds_t, _ attempt: () throws -> T?) rethrows -> T? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        var pause: useconds_t = 1_000
        while true {
            if let value = try attempt() { return value }
            if Date() >= deadline { return nil }
            usleep(pause)
            pause = min(pause * 2, maxPause)
        }
    }
}
