import Foundation

/// Growing waits between tries, the one retry policy of the code base: `initial` seconds, then
/// ×`factor` each time, never more than `maximum`; `attempts` bounds how many failures in a row
/// a caller accepts before giving up. Waits end at once when their `CancelSignal` fires, so a
/// pause or cancel never has to sit out a back-off.
///
/// Used by the downloads (reconnects after a dropped link or a busy device, planning retries) and
/// by the store (opening a database another program holds locked, WAL checkpoints).
public struct Backoff: Sendable, Equatable {
    /// Seconds before the first retry.
    public var initial: Double
    public var factor: Double
    /// Longest wait, seconds.
    public var maximum: Double
    /// Failures in a row a caller accepts before giving up.
    public var attempts: Int

    public init(initial: Double = 0.5, factor: Double = 2, maximum: Double = 30, attempts: Int = 8) {
        self.initial = max(0, initial)
        self.factor = max(1, factor)
        self.maximum = max(self.initial, maximum)
        self.attempts = max(1, attempts)
    }

    /// The wait before retry number `n` (1-based).
    public func delay(_ n: Int) -> Double {
        var d = initial
        var i = 1
        while i < n && d < maximum {
            d *= factor
            i += 1
        }
        return min(d, maximum)
    }

    /// Waits `delay(n)` unless `cancel` fires first. True when the whole wait passed, false when
    /// it was cut short (or the signal had already fired).
    public func wait(before n: Int, cancel: CancelSignal?) -> Bool {
        !CancelSignal.wait(seconds: delay(n), on: cancel)
    }

    /// Calls `attempt` until it returns a value, `seconds` have passed or `cancel` fires, waiting
    /// `delay(1)`, `delay(2)`… in between (`attempts` is not used: time bounds the tries). The time
    /// is checked after each try that returned nil, so there is always at least one try.
    /// - Returns: the first value `attempt` returned; nil when time ran out or it was cancelled.
    /// - Throws: what `attempt` throws (that ends the tries at once).
    public func retry<T>(for seconds: Double, cancel: CancelSignal? = nil, _ attempt: () throws -> T?) rethrows -> T? {
        let deadline = ProcessInfo.processInfo.systemUptime + seconds
        var n = 0
        while true {
            if let value = try attempt() { return value }
            n += 1
            if ProcessInfo.processInfo.systemUptime >= deadline { return nil }
            guard wait(before: n, cancel: cancel) else { return nil }
        }
    }
}
