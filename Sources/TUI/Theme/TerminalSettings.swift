import Common
import Foundation
import Pictures

/// The terminal app's own settings file, `$XDG_CONFIG_HOME/vtrack/tui.conf`
/// (default `~/.config/vtrack/tui.conf`): plain `key = value` lines, `#` comments.
///
///     theme = light        # a built-in name, a name in ~/.config/vtrack/themes/, or a path
///     lang = vi
///     graphics = auto      # how pictures are drawn: auto, cells, sixel, kitty or none
///     preview_refresh = 1  # seconds between two pictures of the full-screen preview (0.2–60)
///
/// Command-line options (`--theme`, `--lang`, `--graphics`) win over the file.
public struct TerminalSettings: Sendable, Equatable {
    public var theme: String?
    public var lang: Language?
    public var graphics: GraphicsMode?
    /// Seconds between two refreshes of the picture preview.
    public var previewRefresh: Double?

    /// The range `preview_refresh` is kept in.
    public static let previewRefreshRange = 0.2...60.0

    public init(theme: String? = nil, lang: Language? = nil, graphics: GraphicsMode? = nil, previewRefresh: Double? = nil) {
        self.theme = theme; self.lang = lang; self.graphics = graphics; self.previewRefresh = previewRefresh
    }

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
            case "graphics": s.graphics = GraphicsMode(rawValue: parts[1].lowercased())
            case "preview_refresh":
                if let v = Double(parts[1].replacingOccurrences(of: "s", with: "")), v.isFinite {
                    s.previewRefresh = min(max(v, previewRefreshRange.lowerBound), previewRefreshRange.upperBound)
                }
            default: continue
            }
        }
        return s
    }
}
