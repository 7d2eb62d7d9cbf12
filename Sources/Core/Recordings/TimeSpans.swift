import Foundation

/// Arithmetic on lists of time intervals (sorted, disjoint lists in, sorted, disjoint lists out).
public enum TimeSpans {
    /// Sorts and merges overlapping or touching intervals; drops empty ones.
    public static func merge(_ spans: [DateInterval]) -> [DateInterval] {
        var out: [DateInterval] = []
        for s in spans.filter({ $0.duration > 0 }).sorted(by: { $0.start < $1.start }) {
            if let last = out.last, s.start <= last.end {
                out[out.count - 1] = DateInterval(start: last.start, end: max(last.end, s.end))
            } else {
                out.append(s)
            }
        }
        return out
    }

    /// The parts of `spans` inside `bounds`.
    public static func clamp(_ spans: [DateInterval], to bounds: DateInterval) -> [DateInterval] {
        merge(spans.compactMap { s in
            let lo = max(s.start, bounds.start), hi = min(s.end, bounds.end)
            return lo < hi ? DateInterval(start: lo, end: hi) : nil
        })
    }

    /// `bounds` minus `spans`: the gaps.
    public static func complement(_ spans: [DateInterval], in bounds: DateInterval) -> [DateInterval] {
        var out: [DateInterval] = []
        var cursor = bounds.start
        for s in clamp(spans, to: bounds) {
            if s.start > cursor { out.append(DateInterval(start: cursor, end: s.start)) }
            cursor = max(cursor, s.end)
        }
        if cursor < bounds.end { out.append(DateInterval(start: cursor, end: bounds.end)) }
        return out
    }

    /// Total seconds.
    public static func seconds(_ spans: [DateInterval]) -> Double {
        spans.reduce(0) { $0 + $1.duration }
    }
}
