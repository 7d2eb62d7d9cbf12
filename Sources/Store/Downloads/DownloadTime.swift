import Common
import Foundation

/// How the download tables store times: UTC text `YYYY-MM-DD HH:MM:SS[.sss]+00:00`, which SQLite's
/// date functions and Python's `datetime.fromisoformat` both read, with milliseconds only when
/// the time has them (frame times do; requested ranges usually do not).
enum DownloadTime {
    static func text(_ date: Date) -> String {
        let ms = (date.timeIntervalSince1970 * 1000).rounded() / 1000
        let d = Date(timeIntervalSince1970: ms)
        let fractional = ms.truncatingRemainder(dividingBy: 1) != 0
        let iso = UTC.iso(d, millis: fractional) // 2026-11-25T14:17:16.250Z
        return iso.dropLast().replacingOccurrences(of: "T", with: " ") + "+00:00"
    }

    static func date(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        return UTC.parse(text)
    }

    /// Intervals as JSON `[["start","end"], …]`.
    static func intervalsJSON(_ intervals: [DateInterval]) -> String {
        let pairs = intervals.map { [text($0.start), text($0.end)] }
        guard let data = try? JSONEncoder().encode(pairs) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    static func intervals(_ json: String?) -> [DateInterval] {
        guard let json, let data = json.data(using: .utf8),
              let pairs = try? JSONDecoder().decode([[String]].self, from: data) else { return [] }
        return pairs.compactMap { p in
            guard p.count == 2, let s = date(p[0]), let e = date(p[1]), s <= e else { return nil }
            return DateInterval(start: s, end: e)
        }
    }
}
