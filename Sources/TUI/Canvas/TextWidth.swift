import Common

/// How many terminal cells text takes: 0, 1 or 2 per grapheme (`Character`), by the rule of
/// `Common.DisplayWidth` (shared with the CLI's tables); cutting, fitting and wrapping to widths.
public enum TextWidth {
    /// True once a UTF-8 locale is active (set on first use).
    public static var utf8LocaleActive: Bool { DisplayWidth.utf8LocaleActive }

    /// Cells of one grapheme: 0 (zero-width, e.g. a lone combining mark or a control
    /// character), 1, or 2 (wide: CJK, most emoji).
    @inline(__always)
    public static func of(_ c: Character) -> Int { DisplayWidth.of(c) }

    /// Cells of a whole string.
    public static func of(_ s: String) -> Int { DisplayWidth.of(s) }

    /// The longest prefix of `s` that fits in `width` cells; when text is cut and `ellipsis`
    /// is set, the last cell becomes `…`.
    public static func truncate(_ s: String, to width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        let limit = ellipsis ? width - 1 : width
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > limit { break }
            out.append(c)
            used += w
        }
        return ellipsis ? out + "…" : out
    }

    /// `s` cut or padded with spaces to exactly `width` cells.
    public static func fit(_ s: String, _ width: Int, align: Alignment = .left) -> String {
        let t = truncate(s, to: width)
        let pad = max(0, width - of(t))
        switch align {
        case .left: return t + String(repeating: " ", count: pad)
        case .right: return String(repeating: " ", count: pad) + t
        case .center:
            let l = pad / 2
            return String(repeating: " ", count: l) + t + String(repeating: " ", count: pad - l)
        }
    }

    /// Splits text into lines of at most `width` cells, breaking at spaces when possible.
    public static func wrap(_ s: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var w = String(word)
                var ww = of(w)
                if lineWidth > 0 && lineWidth + 1 + ww <= width {
                    line += " " + w; lineWidth += 1 + ww
                    continue
                }
                if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
                while ww > width {                  // a word longer than the line: hard cut
                    let head = truncate(w, to: width, ellipsis: false)
                    lines.append(head)
                    w = String(w.dropFirst(head.count))
                    ww = of(w)
                }
                line = w; lineWidth = ww
            }
            lines.append(line)
        }
        return lines
    }
}

/// Horizontal alignment of text in a column.
public enum Alignment: Sendable {
    case left, right, center
}
