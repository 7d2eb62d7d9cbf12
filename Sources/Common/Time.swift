import Foundation

/// UTC time formatting and parsing without locale or formatter objects (Sendable, fast).
public enum UTC {
    /// Broken-down UTC fields of a Unix time.
    public struct Fields: Sendable, Equatable {
        public var year, month, day, hour, minute, second: Int
        public var nanosecond: Int = 0
        public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0) {
            self.year = year; self.month = month; self.day = day
            self.hour = hour; self.minute = minute; self.second = second; self.nanosecond = nanosecond
        }
    }

    public static func fields(_ date: Date) -> Fields {
        let t = date.timeIntervalSince1970
        let secs = Int(t.rounded(.down))
        let ns = Int(((t - Double(secs)) * 1e9).rounded(.down))
        var days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let rem = secs - days * 86_400
        // civil-from-days (Howard Hinnant)
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return Fields(year: y, month: m, day: d, hour: rem / 3600, minute: (rem % 3600) / 60, second: rem % 60, nanosecond: ns)
    }

    /// Days since 1970-01-01 of a civil date (proleptic Gregorian).
    public static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = m > 2 ? m - 3 : m + 9
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The Date of UTC fields. Out-of-range fields are carried over (61 minutes = 1 h 1 min).
    /// Fields come from devices and users: any Int, even `Int.max`, gives a Date (far away)
    /// instead of an overflow trap — years and months are clamped to ±10^6 years, and the
    /// carry-over sum is computed in floating point.
    public static func date(_ f: Fields) -> Date {
        let limit = 1_000_000
        // normalise month first so day counting works for month 0 or 13
        var y = min(max(f.year, -limit), limit), m = min(max(f.month, -12 * limit), 12 * limit)
        if m < 1 || m > 12 {
            let m0 = m - 1
            y += m0 >= 0 ? m0 / 12 : (m0 - 11) / 12
            m = ((m0 % 12) + 12) % 12 + 1
        }
        let days = Double(daysFromCivil(y, m, 1)) + (Double(f.day) - 1)
        let secs = days * 86_400 + Double(f.hour) * 3600 + Double(f.minute) * 60 + Double(f.second) + Double(f.nanosecond) / 1e9
        // within ±10^6 years, so whoever turns the Date back into whole seconds (Int) cannot trap
        let bound = Double(limit) * 366 * 86_400
        return Date(timeIntervalSince1970: min(max(secs, -bound), bound))
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// `2026-11-25T14:17:16Z` (with `.123` milliseconds when `millis`).
    public static func iso(_ date: Date, millis: Bool = false) -> String {
        let f = fields(date)
        var s = "\(pad(f.year, 4))-\(pad(f.month, 2))-\(pad(f.day, 2))T\(pad(f.hour, 2)):\(pad(f.minute, 2)):\(pad(f.second, 2))"
        if millis { s += "." + pad(f.nanosecond / 1_000_000, 3) }
        return s + "Z"
    }

    /// `20261125T141716Z` — the compact form used in file names and RTSP `Range: clock=`.
    public static func compact(_ date: Date, millis: Bool = false) -> String {
        let f = fields(date)
        var s = "\(pad(f.year, 4))\(pad(f.month, 2))\(pad(f.day, 2))T\(pad(f.hour, 2))\(pad(f.minute, 2))\(pad(f.second, 2))"
        if millis { s += "." + pad(f.nanosecond / 1_000_000, 3) }
        return s + "Z"
    }

    /// Lenient xs:dateTime parser: `2026-11-25T14:17:16Z`, `...16.5Z`, `+07:00` offsets,
    /// `-` or space instead of `T` (Hikvision), compact `20261125T141716Z`, no zone (taken as UTC),
    /// and out-of-range fields (`00:61:16`, month 0) clamped/carried instead of rejected.
    public static func parse(_ text: String) -> Date? {
        let s = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        var i = 0
        func digits(_ maxCount: Int) -> Int? {
            var v = 0, n = 0
            while i < s.count, n < maxCount, s[i] >= 48, s[i] <= 57 { v = v * 10 + Int(s[i] - 48); i += 1; n += 1 }
            return n == 0 ? nil : v
        }
        func skip(_ chars: String) { if i < s.count, chars.utf8.contains(s[i]) { i += 1 } }
        guard let year = digits(4) else { return nil }
        skip("-")
        guard let month = digits(2) else { return nil }
        skip("-")
        guard let day = digits(2) else { return nil }
        var hour = 0, minute = 0, second = 0, nanos = 0
        if i < s.count, "T- t_".utf8.contains(s[i]) {
            i += 1
            hour = digits(2) ?? 0; skip(":")
            minute = digits(2) ?? 0; skip(":")
            second = digits(2) ?? 0
            if i < s.count, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ",") {
                i += 1
                var frac = 0, n = 0
                while i < s.count, s[i] >= 48, s[i] <= 57 { if n < 9 { frac = frac * 10 + Int(s[i] - 48); n += 1 }; i += 1 }
                while n < 9 { frac *= 10; n += 1 }
                nanos = frac
            }
        }
        var offset = 0
        if i < s.count {
            if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
                i += 1
            } else if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
                let sign = s[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                let oh = digits(2) ?? 0; skip(":")
                let om = digits(2) ?? 0
                offset = sign * (oh * 3600 + om * 60)
            }
        }
        let f = Fields(year: year, month: max(month, 1), day: max(day, 1), hour: hour, minute: minute, second: second, nanosecond: nanos)
        return date(f).addingTimeInterval(Double(-offset))
    }
}
