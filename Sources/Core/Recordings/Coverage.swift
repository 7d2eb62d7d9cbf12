import Common
import Foundation

/// What footage a camera has inside a requested time range: the intervals with footage, the gaps
/// between them, and how many hours that is. Built by ``CoverageRules``.
public struct Coverage: Sendable, Equatable {
    /// Where the intervals come from.
    public enum Basis: String, Sendable, Codable {
        /// `tns1:RecordingHistory/Track/State` events of the video track (gaps are exact).
        case trackEvents = "track_events"
        /// Only the recording's first and last times (GetRecordingSummary / RecordingInformation):
        /// gaps inside are not known.
        case recordingRange = "recording_range"
        /// Nothing is known (vendor playback without ONVIF search): the whole range is to be tried.
        case unknown
        /// The camera has no recording.
        case none
    }

    /// The range looked at: the requested one, ending no later than the time of the search.
    public var range: DateInterval
    /// Sorted, disjoint intervals with footage, inside `range`.
    public var intervals: [DateInterval]
    public var basis: Basis

    public init(range: DateInterval, intervals: [DateInterval], basis: Basis) {
        self.range = range
        self.intervals = TimeSpans.clamp(intervals, to: range)
        self.basis = basis
    }

    /// A camera without recordings.
    public static func none(_ range: DateInterval) -> Coverage { Coverage(range: range, intervals: [], basis: .none) }

    /// The same coverage with every time moved by `seconds` (from the device's clock to ours and back).
    public func shifted(by seconds: Double) -> Coverage {
        Coverage(range: range.shifted(by: seconds), intervals: intervals.map { $0.shifted(by: seconds) }, basis: basis)
    }

    /// The parts of `range` without footage.
    public var gaps: [DateInterval] { TimeSpans.complement(intervals, in: range) }

    /// Seconds of footage.
    public var seconds: Double { TimeSpans.seconds(intervals) }

    /// Hours of footage.
    public var hours: Double { seconds / 3600 }

    /// Coverage of each calendar day of `range` in `timeZone` (for a calendar view): the day, the
    /// intervals with footage that day, and the covered fraction of the whole day.
    public func days(in timeZone: TimeZone = .current) -> [DayCoverage] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var out: [DayCoverage] = []
        var dayStart = calendar.startOfDay(for: range.start)
        while dayStart < range.end {
            guard let next = calendar.date(byAdding: .day, value: 1, to: dayStart), next > dayStart else { break }
            let day = DateInterval(start: dayStart, end: next)
            let pieces = TimeSpans.clamp(intervals, to: day)
            let c = calendar.dateComponents([.year, .month, .day], from: dayStart)
            let label = String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
            let covered = TimeSpans.seconds(pieces)
            out.append(DayCoverage(day: label, interval: day, intervals: pieces, coveredSeconds: covered,
                                   fraction: day.duration > 0 ? covered / day.duration : 0))
            dayStart = next
        }
        return out
    }
}

/// One calendar day of a ``Coverage``.
public struct DayCoverage: Sendable, Equatable {
    /// `YYYY-MM-DD` in the time zone asked for.
    public var day: String
    /// The whole day (23, 24 or 25 hours).
    public var interval: DateInterval
    /// Footage that day.
    public var intervals: [DateInterval]
    public var coveredSeconds: Double
    /// Covered part of the whole day, 0…1.
    public var fraction: Double
}

extension DateInterval {
    /// The same interval moved by `seconds`.
    public func shifted(by seconds: Double) -> DateInterval {
        seconds == 0 ? self : DateInterval(start: start.addingTimeInterval(seconds), duration: duration)
    }
}
