import Foundation

/// Sets of time intervals as sorted, disjoint `DateInterval`s: what coverage, gaps and the parts
/// still to download are made of.
public enum IntervalSet {
    /// Sorted, with overlapping or touching intervals merged and empty ones dropped.
    public static func normalize(_ xs: [DateInterval]) -> [DateInterval] {
        var out: [DateInterval] = []
        for x in xs.sorted(by: { $0.start < $1.start }) where x.duration > 0 {
            if let last = out.last, x.start <= last.end {
                out[out.count - 1] = DateInterval(start: last.start, end: max(last.end, x.end))
            } else {
                out.append(x)
            }
        }
        return out
    }

    /// The parts of `xs` inside `range`.
    public static func clamp(_ xs: [DateInterval], to range: DateInterval) -> [DateInterval] {
        normalize(xs.compactMap { x in
            let s = max(x.start, range.start), e = min(x.end, range.end)
            return s < e ? DateInterval(start: s, end: e) : nil
        })
    }

    /// `a` without `b`. Left-over pieces shorter than `minimum` seconds are dropped.
    public static func subtract(_ a: [DateInterval], _ b: [DateInterval], minimum: Double = 0) -> [DateInterval] {
        let cut = normalize(b)
        var out: [DateInterval] = []
        for x in normalize(a) {
            var cursor = x.start
            for c in cut where c.end > cursor && c.start < x.end {
                if c.start > cursor { out.append(DateInterval(start: cursor, end: c.start)) }
                cursor = max(cursor, c.end)
            }
            if cursor < x.end { out.append(DateInterval(start: cursor, end: x.end)) }
        }
        return out.filter { $0.duration > minimum }
    }

    /// Total seconds.
    public static func measure(_ xs: [DateInterval]) -> Double {
        xs.reduce(0) { $0 + $1.duration }
    }

    /// Seconds of `xs` before `time`.
    public static func measure(_ xs: [DateInterval], before time: Date) -> Double {
        xs.reduce(0) { sum, x in
            time <= x.start ? sum : sum + min(time, x.end).timeIntervalSince(x.start)
        }
    }

    /// The parts of `range` not in `covered`: the gaps.
    public static func gaps(in range: DateInterval, covered: [DateInterval]) -> [DateInterval] {
        subtract([range], covered)
    }
}
