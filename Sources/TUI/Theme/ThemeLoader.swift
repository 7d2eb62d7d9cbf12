import Foundation

/// Finds and reads a theme by name or path.
///
/// A name is looked up in `$XDG_CONFIG_HOME/vtrack/themes/NAME.theme` (default
/// `~/.config/vtrack/themes/`), then among the built-in themes (the files in `Themes/`).
/// A value containing `/` or ending in `.theme` is read as a path. With no choice, the
/// `default` theme is used. When `NO_COLOR` is set, a theme that uses colours gives way to
/// `monochrome` (dropping only the colours would leave the cursor row, focused field and
/// chosen days invisible: those are marked by colour alone in colour themes).
public enum ThemeLoader {
    /// Names of the themes built into the binary.
    public static var builtinNames: [String] { BuiltinThemes.texts.map(\.name) }

    /// A built-in theme by name.
    public static func builtin(_ name: String) -> Theme? {
        guard let t = BuiltinThemes.texts.first(where: { $0.name == name }) else { return nil }
        return try? Theme.parse(t.text, name: name)
    }

    /// The built-in text of a theme (what `Themes/<name>.theme` holds).
    public static func builtinText(_ name: String) -> String? {
        BuiltinThemes.texts.first(where: { $0.name == name })?.text
    }

    public static func load(_ choice: String?, environment env: [String: String] = ProcessInfo.processInfo.environment) throws(ThemeError) -> Theme {
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        let theme: Theme
        if let choice, !choice.isEmpty {
            theme = try find(choice, env)
        } else {
            theme = builtin(noColor ? "monochrome" : "default")!
        }
        return noColor ? theme.fitting(colors: 0) : theme
    }

    private static func find(_ choice: String, _ env: [String: String]) throws(ThemeError) -> Theme {
        if choice.contains("/") || choice.hasSuffix(".theme") {
            return try read(path: choice)
        }
        let configHome = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (env["HOME"].map { $0 + "/.config" } ?? "")
        if !configHome.isEmpty {
            let path = configHome + "/vtrack/themes/" + choice + ".theme"
            if FileManager.default.fileExists(atPath: path) { return try read(path: path) }
        }
        if let t = builtin(choice) { return t }
        throw ThemeError.notFound(name: choice, known: builtinNames)
    }

    private static func read(path: String) throws(ThemeError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ThemeError.unreadable(path: path)
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try Theme.parse(text, name: name)
    }
}
