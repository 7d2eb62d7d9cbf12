import Foundation
import Common

/// Calendar arithmetic on local day numbers (days since 1970-01-01 in local time), so the
/// picker never depends on a Calendar object or the machine's time zone at render time.
public enum LocalDay {
    /// The local day containing an instant.
    public static func of(_ date: Date, utcOffset: Int) -> Int {
        let t = Int(date.timeIntervalSince1970.rounded(.down)) + utcOffset
        return t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
    }

    /// The instant a local day starts, plus `seconds` into it.
    public static func instant(_ day: Int, seconds: Int = 0, utcOffset: Int) -> Date {
        Date(timeIntervalSince1970: Double(day * 86_400 + seconds - utcOffset))
    }

    public static func fields(_ day: Int) -> (year: Int, month: Int, day: Int) {
        let f = UTC.fields(Date(timeIntervalSince1970: Double(day) * 86_400))
        return (f.year, f.month, f.day)
    }

    public static func day(year: Int, month: Int, day: Int) -> Int { UTC.daysFromCivil(year, month, day) }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    public static func weekday(_ day: Int) -> Int { ((day + 3) % 7 + 7) % 7 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        let next = month == 12 ? UTC.daysFromCivil(year + 1, 1, 1) : UTC.daysFromCivil(year, month + 1, 1)
        return next - UTC.daysFromCivil(year, month, 1)
    }

    public static func firstOfMonth(_ day: Int) -> Int {
        let f = fields(day)
        return UTC.daysFromCivil(f.year, f.month, 1)
    }

    /// The same day of the month `n` months later (clamped to the month's length).
    public static func addMonths(_ day: Int, _ n: Int) -> Int {
        let f = fields(day)
        var m = f.month - 1 + n
        var y = f.year + (m >= 0 ? m / 12 : (m - 11) / 12)
        m = ((m % 12) + 12) % 12 + 1
        if y < 1971 { y = 1971 }
        return UTC.daysFromCivil(y, m, min(f.day, daysInMonth(year: y, month: m)))
    }

    /// `2026-11-25`.
    public static func iso(_ day: Int) -> String {
        let f = fields(day)
        return String(format: "%04d-%02d-%02d", f.year, f.month, f.day)
    }

    /// Parses `HH:MM` into seconds after midnight (`24:00` allowed as the day's end).
    public static func parseTime(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2 else { return nil }
        guard (0...23).contains(h) && (0...59).contains(m) || (h == 24 && m == 0) else { return nil }
        return h * 3600 + m * 60
    }
}
