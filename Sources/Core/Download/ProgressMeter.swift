import Foundation

/// Recent speed from samples of (time, bytes, media seconds): bytes per second and media seconds
/// per second over the last `window` seconds.
struct ProgressMeter {
    private var samples: [(t: Double, bytes: Int64, media: Double)] = []
    let window: Double

    init(window: Double = 3) { self.window = window }

    mutating func add(time: Double, bytes: Int64, media: Double) {
        samples.append((time, bytes, media))
        while samples.count > 2, let first = samples.first, time - first.t > window { samples.removeFirst() }
    }

    mutating func reset() { samples.removeAll() }

    /// (bytes/s, media s/s); zeros until two samples exist.
    var rates: (bytes: Double, media: Double) {
        guard let a = samples.first, let b = samples.last, b.t - a.t > 0.05 else { return (0, 0) }
        let dt = b.t - a.t
        return (Double(b.bytes - a.bytes) / dt, max(0, b.media - a.media) / dt)
    }
}
