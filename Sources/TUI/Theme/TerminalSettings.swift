import Common
import Foundation

/// The terminal app's own settings file, `$XDG_CONFIG_HOME/vtrack/tui.conf`
/// (default `~/.config/vtrack/tui.conf`): plain `key = value` lines, `#` comments.
///
///     theme = light        # a built-in name, a name in ~/.config/vtrack/themes/, or a path
///     lang = vi
///
/// Command-line options (`--theme`, `--lang`) win over the file.
public struct TerminalSettings: Sendable, Equatable {
    public var theme: String?
    public var lang: Language?

    public init(theme: String? = nil, lang: Language? = nil) { self.theme = theme; self.lang = lang }

    /// The file's path for an environment.
    public static func path(environment env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? "") + "/.config")
        return base + "/vtrack/tui.conf"
    }

    /// Reads the file; a missing file gives no settings, unknown keys are ignored.
    public static func load(environment env: [String: String] = ProcessInfo.processInfo.environment) -> TerminalSettings {
        guard let data = FileManager.default.contents(atPath: path(environment: env)) else { return TerminalSettings() }
        return parse(String(decoding: data, as: UTF8.self))
    }

    public static func parse(_ text: String) -> TerminalSettings {
        var s = TerminalSettings()
        for raw in text.split(separator: "\n") {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else { continue }
            switch parts[0].lowercased() {
            case "theme": s.theme = parts[1]
            case "lang", "language": s.lang = Language(rawValue: parts[1].lowercased())
            default: continue
            }
        }
        return s
    }
}
