import CLISupport
import Common
import Core
import Foundation

/// The CLI's time, range and number arguments as `recordings` and `download` read them:
/// `--from`/`--to` (`UserTime.range`, with a `default_days` from the database), `--timeout`
/// and `--duration` (`NumberOption`), whole-number options (`--parallel`, `--max-file-size-mb`)
/// and `--cameras`. Input: 1 byte selects the time zone, then lines: from, to, default_days,
/// a seconds option, a whole-number option, cameras; a missing line, or a line of one byte 0x01,
/// is an option not given.
public enum CLIFuzz {
    static let now = Date(timeIntervalSince1970: 1_795_577_400)

    public static func run(_ data: Data) {
        var input = FuzzInput(data)
        let zone = TimeFuzz.zones[Int(input.byte()) % TimeFuzz.zones.count]
        let lines = String(decoding: input.rest(), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(_ i: Int) -> String? { i < lines.count && lines[i] != "\u{1}" ? lines[i] : nil }

        // --from / --to: what ArgumentParser hands over is the text itself (TimeArgument)
        let days = line(2).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 30
        if let range = try? UserTime.range(from: line(0), to: line(1), defaultDays: days, timeZone: zone, now: now) {
            // what the commands do next: show the range, send it in whole seconds, name files by it
            _ = UTC.iso(range.start) + UTC.iso(range.end) + UTC.compact(range.end, millis: true)
            _ = UTC.fields(range.start)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            _ = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: range.start)
        }

        // --timeout / --duration: ArgumentParser reads a Double with Double(String)
        if let text = line(3), let value = Double(text) {
            for range in [NumberOption.timeoutSeconds, NumberOption.durationSeconds, 0.1...120] {
                if NumberOption.refusal(seconds: value, option: "--timeout", in: range) == nil {
                    _ = Int((value * 1000).rounded(.up))  // milliseconds for libcurl and poll()
                } else {
                    _ = NumberOption.refusal(seconds: value, option: "--timeout", in: range)?.text()
                }
            }
        }
        // --parallel, --max-file-size-mb, --replay-sessions, --repeats: Int(String)
        if let text = line(4), let value = Int(text) {
            for range in [1...64, 1...1_000_000, 1...5] { _ = NumberOption.refusal(count: value, option: "--parallel", in: range) }
        }
        // --cameras
        if let names = CameraListOption.names(line(5)) { _ = names.joined(separator: ",") }
    }
}
