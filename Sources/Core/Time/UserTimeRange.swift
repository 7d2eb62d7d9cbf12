import Common
import Foundation

extension UserTime {
    /// The range of `--from` / `--to` as the CLI reads them (`recordings`, `download`): each a
    /// ``parse(_:timeZone:now:)`` text or nil; without `--to` the range ends `now`, without
    /// `--from` it starts `defaultDays` days before its end (`processing_config.default_days`,
    /// whatever a database holds: taken as at most ``defaultDaysLimit``, so that the start stays
    /// an instant that can be written down — such a range is refused "before 2000" — instead of
    /// trapping when the error shows it).
    ///
    /// - Parameter now: the current time, in whole seconds (ONVIF times are whole seconds).
    /// - Throws: `UserTimeError` (unreadable, impossible, before 2000, too long) or
    ///   `RecordingsRequestError.emptyRange` when the start is not before the end.
    public static func range(from: String?, to: String?, defaultDays: Int, timeZone: TimeZone = .current,
                             now: Date) throws -> DateInterval {
        let end = try to.map { try parse($0, timeZone: timeZone, now: now) } ?? now
        let days = min(max(1, defaultDays), defaultDaysLimit)
        let start = try from.map { try parse($0, timeZone: timeZone, now: now) } ?? end.addingTimeInterval(-Double(days) * 86_400)
        guard start < end else { throw RecordingsRequestError.emptyRange(from: start, to: end) }
        let range = DateInterval(start: start, end: end)
        try checkRange(range)
        return range
    }

    /// The most days a missing `--from` reaches back (about 270 years).
    public static let defaultDaysLimit = 100_000
}
