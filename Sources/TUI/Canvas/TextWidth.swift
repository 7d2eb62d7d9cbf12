import CShims

/// How many terminal cells text takes: 0, 1 or 2 per grapheme (`Character`).
///
/// A Swift `Character` already groups a base letter with its combining marks, so Vietnamese
/// in NFC (`ệ`) and NFD (`e` + U+0323 + U+0302) are both one cell; CJK ideographs are two.
/// Widths come from the C library's `wcwidth`, which needs a UTF-8 `LC_CTYPE`: the first use
/// forces one (falling back to `C.UTF-8`, as SSH sessions often arrive without `LANG`).
public enum TextWidth {
    /// True once a UTF-8 locale is active (set on first use).
    public static let utf8LocaleActive: Bool = vtrack_force_utf8_locale() == 1

    /// Cells of one grapheme: 0 (zero-width, e.g. a lone combining mark or a control
    /// character), 1, or 2 (wide: CJK, most emoji).
    @inline(__always)
    public static func of(_ c: Character) -> Int {
        let utf8 = c.utf8
        if utf8.count == 1 {
            let b = utf8.first!
            return (b >= 0x20 && b < 0x7F) ? 1 : 0
        }
        return slowWidth(c)
    }

    private static func slowWidth(_ c: Character) -> Int {
        _ = utf8LocaleActive
        var first = true
        var width = 0
        for scalar in c.unicodeScalars {
            let v = scalar.value
            if v == 0xFE0F { return 2 }            // emoji presentation selector
            let w = Int(vtrack_wcwidth(v))
            if first {
                first = false
                if v == 0x0D { return 0 }          // "\r\n" is one Character
                if w < 0 {
                    // Control characters take no cell; unassigned/private code points one.
                    width = (v < 0x20 || (v >= 0x7F && v < 0xA0)) ? 0 : 1
                } else {
                    width = w
                }
            } else if w == 2 {
                width = 2
            }
        }
        return min(width, 2)
    }

    /// Cells of a whole string.
    public static func of(_ s: String) -> Int {
        var n = 0
        for c in s { n += of(c) }
        return n
    }

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
