import ArgumentParser
import CLISupport
import Common
import Core
import Foundation

/// A time typed on the command line (`--from`, `--to`): ISO 8601 with a zone, local time, `now`,
/// `today`, `yesterday`, or `-2h` / `-7d` (see `UserTime`). Read when the command runs, so a bad
/// value gets VTrack's own one-sentence error. Shared by `recordings` and `download`.
struct TimeArgument: ExpressibleByArgument, Sendable {
    let text: String

    init?(argument: String) { text = argument }
}

/// `--from` / `--to` resolved into a UTC range: the defaults are `defaultDays` days ending now.
enum TimeRangeArguments {
    /// - Parameter now: the current time, in whole seconds (ONVIF times are whole seconds).
    static func resolve(from: TimeArgument?, to: TimeArgument?, defaultDays: Int,
                        now: Date = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))) throws -> DateInterval {
        try UserTime.range(from: from?.text, to: to?.text, defaultDays: defaultDays, now: now)
    }

    /// `--cameras A,B` as names; nil when not given. An option given with no name in it
    /// (`--cameras ""`, `--cameras ,`) is bad usage, never "the saved selection".
    static func cameraNames(_ option: String?) -> [String]? {
        guard let names = CameraListOption.names(option) else { return nil }
        if names.isEmpty {
            Usage.refuse(Localized(vi: "--cameras đang trống: hãy ghi tên camera (A,B), hoặc bỏ --cameras để dùng các camera đã chọn của nguồn.",
                                   en: "--cameras is empty: name the cameras (A,B), or leave --cameras out to use the source's selected cameras."))
        }
        return names
    }

    /// `2024-01-15 08:30:00` in this computer's time zone.
    static func local(_ d: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
