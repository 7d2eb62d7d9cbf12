import Common
import Core
import Foundation

/// Times typed by the user (`--from`/`--to` of the CLI, the app's date fields): `UserTime`.
/// Input: 1 byte selects the time zone, then the text.
public enum TimeFuzz {
    static let zones = ["UTC", "Asia/Ho_Chi_Minh", "America/St_Johns", "Pacific/Kiritimati", "Europe/Berlin"]
        .compactMap { TimeZone(identifier: $0) }
    static let now = Date(timeIntervalSince1970: 1_733_000_000)

    public static func run(_ data: Data) {
        var input = FuzzInput(data)
        let zone = zones[Int(input.byte()) % zones.count]
        let text = String(decoding: input.rest(), as: UTF8.self)
        guard let date = try? UserTime.parse(text, timeZone: zone, now: now) else { return }
        _ = UTC.fields(date)  // what the CLI and the app do next: show it, send it in whole seconds
        _ = UTC.iso(date)
    }
}
