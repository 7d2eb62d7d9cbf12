import Common
import Foundation

/// Times as technicians type them on the command line, turned into absolute instants (stored
/// and sent as UTC):
/// - ISO 8601 with a zone: `2024-01-15T08:30:00Z`, `2024-01-15T08:30+07:00`, `…+0700`;
/// - local time (in `timeZone`, by default this computer's): `2024-01-15T08:30`, `2024-01-15 08:30:15`,
///   `2024-01-15` (midnight);
/// - `now`, `today` (local midnight), `yesterday`, and relative `-90m`, `-2h`, `-7d` (before now).
public enum UserTime {
    /// - Throws: `UserTimeError` when the text is none of the forms above or names an impossible date.
    public static func parse(_ raw: String, timeZone: TimeZone = .current, now: Date = Date()) throws -> Date {
        let text = raw.trimmingCharacters(in: .whitespaces)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        switch text.lowercased() {
        case "now": return now
        case "today": return calendar.startOfDay(for: now)
        case "yesterday": return calendar.date(byAdding: .day, value: -1, to: calendar.startOfDay(for: now)) ?? now
        default: break
        }
        if let relative = relativeSeconds(text) { return now.addingTimeInterval(-relative) }
        guard let p = Parts(text) else { throw UserTimeError.unreadable(text) }
        guard (1...12).contains(p.month), (1...31).contains(p.day), (0...23).contains(p.hour), (0...59).contains(p.minute),
              (0...60).contains(p.second), p.day <= daysInMonth(p.year, p.month) else {
            throw UserTimeError.impossible(text)
        }
        if let offset = p.offsetSeconds {
            let utc = UTC.date(UTC.Fields(year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second))
            return utc.addingTimeInterval(Double(-offset) + p.fraction)
        }
        let components = DateComponents(year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second)
        guard let local = calendar.date(from: components) else { throw UserTimeError.impossible(text) }
        return local.addingTimeInterval(p.fraction)
    }

    /// The earliest start a range may have: no recorder holds footage from before 2000 (clocks
    /// that were never set say 1970), so an earlier start is a typing mistake, not a request.
    public static let earliest = UTC.date(UTC.Fields(year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0))
    /// The longest range one search or download may cover.
    public static let longestRangeDays = 366

    /// Refuses a range that starts before ``earliest`` or is longer than ``longestRangeDays``
    /// (`--from=-99999999999d` must not start a download of decades).
    public static func checkRange(_ range: DateInterval) throws {
        if range.start < earliest { throw UserTimeError.tooEarly(UTC.iso(range.start)) }
        if range.duration > Double(longestRangeDays) * 86_400 {
            throw UserTimeError.tooLong(days: Int((range.duration / 86_400).rounded(.up)), limit: longestRangeDays)
        }
    }

    /// `-90m`, `-2h`, `-7d`, `-30s` → seconds (positive); nil for anything else.
    static func relativeSeconds(_ s: String) -> Double? {
        guard s.hasPrefix("-"), s.count >= 3, let unit = s.last, let n = Double(s.dropFirst().dropLast()),
              n >= 0, n <= 1e12 else { return nil }  // not `inf`, `nan` or 10^400: a Date must stay finite
        // (a finite but absurd amount, say -99999999999d, is read, and refused by the range check
        // with its own sentence: "before 2000")
        switch unit {
        case "s": return n
        case "m": return n * 60
        case "h": return n * 3600
        case "d": return n * 86_400
        default: return nil
        }
    }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        UTC.daysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - UTC.daysFromCivil(y, m, 1)
    }

    /// `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH[:MM]]`, strictly.
    struct Parts {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offsetSeconds: Int?

        init?(_ text: String) {
            let b = Array(text.utf8)
            var i = 0
            func number(_ width: Int) -> Int? {
                guard i + width <= b.count else { return nil }
                var v = 0
                for k in i..<(i + width) {
                    guard b[k] >= 48, b[k] <= 57 else { return nil }
                    v = v * 10 + Int(b[k] - 48)
                }
                i += width
                return v
            }
            func take(_ c: Character) -> Bool {
                guard i < b.count, b[i] == c.asciiValue else { return false }
                i += 1
                return true
            }
            guard let y = number(4), take("-"), let mo = number(2), take("-"), let d = number(2) else { return nil }
            year = y; month = mo; day = d
            if take("T") || take("t") || take(" ") {
                guard let h = number(2), take(":"), let mi = number(2) else { return nil }
                hour = h; minute = mi
                if take(":") {
                    guard let s = number(2) else { return nil }
                    second = s
                    if take(".") || take(",") {
                        let start = i
                        while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
                        guard i > start, let f = Double("0." + String(decoding: b[start..<i], as: UTF8.self)) else { return nil }
                        fraction = f
                    }
                }
                if take("Z") || take("z") {
                    offsetSeconds = 0
                } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                    i += 1
                    guard let oh = number(2), oh <= 14 else { return nil }
                    var om = 0
                    if take(":") {
                        guard let m = number(2) else { return nil }
                        om = m
                    } else if i < b.count {
                        guard let m = number(2) else { return nil }
                        om = m
                    }
                    guard om < 60 else { return nil }
                    offsetSeconds = sign * (oh * 3600 + om * 60)
                }
            }
            guard i == b.count else { return nil }
        }
    }
}

/// A time typed on the command line that cannot be read.
public enum UserTimeError: UserFacingError, Equatable {
    case unreadable(String)
    case impossible(String)
    /// A range that starts before 2000.
    case tooEarly(String)
    /// A range longer than the limit, in days.
    case tooLong(days: Int, limit: Int)

    public var message: Localized {
        let forms = "2024-01-15T08:30:00+07:00, 2024-01-15T01:30:00Z, 2024-01-15 08:30, 2024-01-15, now, today, yesterday, -2h, -7d"
        switch self {
        case .unreadable(let t):
            return Localized(vi: "Không đọc được thời gian “\(t)”: hãy viết ví dụ \(forms) (không có múi giờ là giờ địa phương).",
                             en: "Cannot read the time “\(t)”: write it like \(forms) (without a zone it is local time).")
        case .impossible(let t):
            return Localized(vi: "Thời gian “\(t)” không tồn tại (tháng, ngày, giờ hoặc phút sai): hãy kiểm tra lại.",
                             en: "The time “\(t)” does not exist (wrong month, day, hour or minute): check it.")
        case .tooEarly(let t):
            return Localized(vi: "Khoảng thời gian bắt đầu lúc \(t), trước năm 2000: hãy kiểm tra --from (ví dụ --from=-7d).",
                             en: "The range starts at \(t), before 2000: check --from (for example --from=-7d).")
        case .tooLong(let days, let limit):
            return Localized(vi: "Khoảng thời gian dài \(days) ngày, quá \(limit) ngày: hãy chọn khoảng ngắn hơn bằng --from và --to.",
                             en: "The range is \(days) days long, more than \(limit): choose a shorter one with --from and --to.")
        }
    }
}
