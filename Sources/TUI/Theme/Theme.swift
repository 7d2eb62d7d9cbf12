import Common

/// A set of styles by meaning, read from a plain text file a technician can edit.
///
/// File format (one key per line, `#` starts a comment):
///
///     key = [FG] [on BG] [bold] [dim] [underline] [reverse]
///
/// Colours are `#RRGGBB` or `default` (the terminal's own colour). An empty value means the
/// terminal's default look. Keys missing from a file take the `text` style.
public struct Theme: Sendable, Equatable {
    /// The theme's name (file name without `.theme`).
    public var name: String
    private var styles: [Style]

    /// A theme where every key has the terminal's default look.
    public init(name: String) {
        self.name = name
        self.styles = Array(repeating: .plain, count: ThemeKey.allCases.count)
    }

    public subscript(key: ThemeKey) -> Style {
        get { styles[Self.index[key]!] }
        set { styles[Self.index[key]!] = newValue }
    }

    private static let index: [ThemeKey: Int] = {
        var d: [ThemeKey: Int] = [:]
        for (i, k) in ThemeKey.allCases.enumerated() { d[k] = i }
        return d
    }()

    /// The same theme with every colour dropped, attributes kept (`NO_COLOR`).
    public var withoutColors: Theme {
        var t = self
        t.styles = styles.map(\.withoutColors)
        return t
    }

    /// This theme on a terminal with `colors` colours: itself, or `monochrome` when the
    /// terminal has none and this theme needs them (`NO_COLOR`, `TERM=vt100`).
    public func fitting(colors: Int) -> Theme {
        colors > 0 || isMonochrome ? self : ThemeLoader.builtin("monochrome")!
    }

    /// True when no key uses a colour.
    public var isMonochrome: Bool { styles.allSatisfy { $0.fg == .default && $0.bg == .default } }

    /// Reads a theme file's text. Unknown keys and unreadable values are errors that name the line.
    public static func parse(_ text: String, name: String) throws(ThemeError) -> Theme {
        var theme = Theme(name: name)
        var seen: [ThemeKey: Style] = [:]
        for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if let hash = line.indices.first(where: { line[$0] == "#" && isCommentStart(line, $0) }) { line = line[..<hash] }
            line = line.trimmingSpaces
            if line.isEmpty { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw ThemeError.badLine(name: name, line: n + 1, text: String(line))
            }
            let keyText = String(line[..<eq].trimmingSpaces)
            guard let key = ThemeKey(rawValue: keyText) else {
                throw ThemeError.unknownKey(name: name, line: n + 1, key: keyText)
            }
            seen[key] = try parseStyle(String(line[line.index(after: eq)...]), name: name, line: n + 1)
        }
        let base = seen[.text] ?? .plain
        for key in ThemeKey.allCases { theme[key] = seen[key] ?? base }
        return theme
    }

    /// A `#` starts a comment at the start of a line, or after a space when a space (or the
    /// end of the line) follows; `#RRGGBB` is a colour.
    private static func isCommentStart(_ line: Substring, _ i: Substring.Index) -> Bool {
        if line[..<i].allSatisfy({ $0 == " " || $0 == "\t" }) { return true }
        let before = line[line.index(before: i)]
        guard before == " " || before == "\t" else { return false }
        let next = line.index(after: i)
        return next == line.endIndex || line[next] == " " || line[next] == "\t"
    }

    /// Parses `[FG] [on BG] [attributes…]`.
    static func parseStyle(_ value: String, name: String, line: Int) throws(ThemeError) -> Style {
        var style = Style()
        var words = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { String($0).lowercased() }[...]
        var sawFG = false
        while let w = words.first {
            words = words.dropFirst()
            if w == "on" {
                guard let bgText = words.first, let bg = Color(hex: bgText) else {
                    throw ThemeError.badValue(name: name, line: line, word: words.first ?? "on")
                }
                style.bg = bg
                words = words.dropFirst()
            } else if let a = Attributes.names.first(where: { $0.0 == w }) {
                style.attrs.insert(a.1)
            } else if !sawFG, let fg = Color(hex: w) {
                style.fg = fg
                sawFG = true
            } else {
                throw ThemeError.badValue(name: name, line: line, word: w)
            }
        }
        return style
    }

    /// The theme as file text (the inverse of `parse`).
    public func fileText(header: String = "") -> String {
        var out = header
        for key in ThemeKey.allCases {
            let s = self[key]
            var parts: [String] = []
            if s.fg != .default || s.bg != .default { parts.append(s.fg.hex) }
            if s.bg != .default { parts.append("on " + s.bg.hex) }
            for (n, a) in Attributes.names where s.attrs.contains(a) { parts.append(n) }
            out += key.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0) + "= " + parts.joined(separator: " ") + "\n"
        }
        return out
    }
}

/// A theme file that cannot be read, named with its line so the technician can fix it.
public enum ThemeError: UserFacingError, Equatable {
    case badLine(name: String, line: Int, text: String)
    case unknownKey(name: String, line: Int, key: String)
    case badValue(name: String, line: Int, word: String)
    case notFound(name: String, known: [String])
    case unreadable(path: String)

    public var message: Localized {
        switch self {
        case let .badLine(name, line, text):
            return Localized(vi: "Giao diện \(name), dòng \(line): “\(text)” không có dạng `khoá = giá trị`; hãy sửa dòng đó.",
                             en: "Theme \(name), line \(line): “\(text)” is not of the form `key = value`; fix that line.")
        case let .unknownKey(name, line, key):
            return Localized(vi: "Giao diện \(name), dòng \(line): không có khoá “\(key)”; các khoá hợp lệ được liệt kê trong Themes/default.theme.",
                             en: "Theme \(name), line \(line): there is no key “\(key)”; the valid keys are listed in Themes/default.theme.")
        case let .badValue(name, line, word):
            return Localized(vi: "Giao diện \(name), dòng \(line): không hiểu “\(word)”; hãy dùng #RRGGBB, default, on, bold, dim, underline hoặc reverse.",
                             en: "Theme \(name), line \(line): cannot read “\(word)”; use #RRGGBB, default, on, bold, dim, underline or reverse.")
        case let .notFound(name, known):
            return Localized(vi: "Không tìm thấy giao diện “\(name)”; hãy chọn một trong: \(known.joined(separator: ", ")), hoặc đường dẫn tới tệp .theme.",
                             en: "There is no theme “\(name)”; choose one of: \(known.joined(separator: ", ")), or a path to a .theme file.")
        case let .unreadable(path):
            return Localized(vi: "Không đọc được tệp giao diện \(path); hãy kiểm tra đường dẫn và quyền đọc.",
                             en: "Cannot read the theme file \(path); check the path and that it is readable.")
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}
