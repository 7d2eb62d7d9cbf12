/// Bounded exponential back-off between reconnects: `initial`, then ×`factor` each time, never
/// more than `maximum` seconds; after `attempts` failures in a row without progress the camera
/// gives up (its state becomes `failed` with the last error's sentence).
public struct Backoff: Sendable, Equatable {
    /// Seconds before the first retry.
    public var initial: Double
    public var factor: Double
    /// Longest wait, seconds.
    public var maximum: Double
    /// Failures in a row (without any new footage in between) before giving up.
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
}
