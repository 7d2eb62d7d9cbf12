import Foundation

/// When one simulated channel has footage: from `start` until now, except for gaps that are a pure
/// function of the seed, the channel and the UTC day — so the same seed always gives the same
/// gaps at the same wall-clock times, whenever the simulator runs.
///
/// Gaps of each UTC day:
/// - nightly off-hours, roughly 01:00–05:00 UTC (each edge moves up to ±30 min, per day and channel);
/// - 0 to 2 outages between 07:00 and 22:00 UTC, 2 to 45 minutes long.
///
/// With `schedule == .motion` (what many NVRs do to save disk) a day holds only short event
/// clips instead: 0 to 3 clips an hour between 07:00 and 22:00 UTC and at most one an hour at
/// night, each 1 to 5 minutes long — about an hour of footage a day.
///
/// Every gap edge is a whole second.
public struct RecordingTimeline: Sendable, Equatable {
    /// When a channel records.
    public enum Schedule: String, Sendable, Equatable, CaseIterable {
        /// Around the clock, except nightly off-hours and a few outages.
        case continuous
        /// Short clips on (simulated) motion only.
        case motion
    }

    /// 1-based channel number (part of the seed).
    public let channel: Int
    public let seed: UInt64
    /// The first recorded instant (a whole second).
    public let start: Date
    public let schedule: Schedule

    public init(channel: Int, seed: UInt64, start: Date, schedule: Schedule = .continuous) {
        self.channel = channel
        self.seed = seed
        self.start = Date(timeIntervalSince1970: start.timeIntervalSince1970.rounded(.down))
        self.schedule = schedule
    }

    /// The intervals with footage inside `range`, clipped to it, to `start` and to `now`; sorted,
    /// disjoint and never empty.
    public func footage(in range: DateInterval, now: Date = Date()) -> [DateInterval] {
        let lo = max(range.start.timeIntervalSince1970, start.timeIntervalSince1970)
        let hi = min(range.end.timeIntervalSince1970, now.timeIntervalSince1970)
        guard lo < hi else { return [] }
        var out: [DateInterval] = []
        var cursor = lo
        for gap in gaps(from: lo, to: hi) {
            let gs = Double(gap.lowerBound), ge = Double(gap.upperBound)
            if ge <= cursor { continue }
            if gs >= hi { break }
            if gs > cursor { out.append(DateInterval(start: Date(timeIntervalSince1970: cursor), end: Date(timeIntervalSince1970: gs))) }
            cursor = max(cursor, ge)
        }
        if cursor < hi { out.append(DateInterval(start: Date(timeIntervalSince1970: cursor), end: Date(timeIntervalSince1970: hi))) }
        return out
    }

    /// Whether there is footage at `time`.
    public func hasFootage(at time: Date, now: Date = Date()) -> Bool {
        let t = time.timeIntervalSince1970
        guard t >= start.timeIntervalSince1970, t < now.timeIntervalSince1970 else { return false }
        return !gaps(from: t, to: t + 1).contains { Double($0.lowerBound) <= t && t < Double($0.upperBound) }
    }

    /// Merged gaps (Unix seconds) that touch `[from, to)`, sorted.
    func gaps(from: Double, to: Double) -> [Range<Int>] {
        let firstDay = Int((from / 86_400).rounded(.down)) - 1
        let lastDay = Int((to / 86_400).rounded(.down))
        var all: [Range<Int>] = []
        if firstDay <= lastDay {
            for day in firstDay...lastDay { all += gaps(day: day) }
        }
        all.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for g in all {
            if let last = merged.last, g.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, g.upperBound)
            } else {
                merged.append(g)
            }
        }
        return merged.filter { Double($0.upperBound) > from && Double($0.lowerBound) < to }
    }

    /// The gaps generated for one UTC day (days since 1970-01-01), unmerged.
    func gaps(day: Int) -> [Range<Int>] {
        var rng = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: channel) &* 0x9E37_79B9_7F4A_7C15)
                                 ^ (UInt64(bitPattern: Int64(day)) &* 0xD1B5_4A32_D192_ED03))
        let midnight = day * 86_400
        if schedule == .motion { return motionGaps(midnight: midnight, rng: &rng) }
        let nightStart = midnight + 3600 + rng.int(in: -1800...1800)
        let nightEnd = midnight + 5 * 3600 + rng.int(in: -1800...1800)
        var out = [nightStart..<nightEnd]
        let outages = [0, 0, 1, 1, 2][rng.int(in: 0...4)]
        for _ in 0..<outages {
            let at = midnight + rng.int(in: (7 * 3600)...(22 * 3600))
            out.append(at..<(at + rng.int(in: 120...2700)))
        }
        return out
    }
}

extension RecordingTimeline {
    /// The complement of one day's event clips: the whole day is a gap except the clips.
    func motionGaps(midnight: Int, rng: inout SplitMix64) -> [Range<Int>] {
        var clips: [Range<Int>] = []
        for hour in 0..<24 {
            let daytime = hour >= 7 && hour < 22
            let count = daytime ? rng.int(in: 0...3) : (rng.int(in: 0...3) == 0 ? 1 : 0)
            for _ in 0..<count {
                let at = midnight + hour * 3600 + rng.int(in: 0...3299)
                clips.append(at..<(at + rng.int(in: 60...300)))
            }
        }
        clips.sort { $0.lowerBound < $1.lowerBound }
        var gaps: [Range<Int>] = []
        var cursor = midnight
        for c in clips {
            if c.lowerBound > cursor { gaps.append(cursor..<c.lowerBound) }
            cursor = max(cursor, c.upperBound)
        }
        if cursor < midnight + 86_400 { gaps.append(cursor..<(midnight + 86_400)) }
        return gaps
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same numbers everywhere.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range` (slightly biased by the modulo; fine for a simulator).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % width)
    }
}
