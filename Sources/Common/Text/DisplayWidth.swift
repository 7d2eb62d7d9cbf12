import CShims

/// How many terminal cells text takes: 0, 1 or 2 per grapheme (`Character`). The one rule of
/// every front: the terminal app's canvas (`TUI.TextWidth`) and the CLI's tables (`TextTable`).
///
/// A Swift `Character` already groups a base letter with its combining marks, so Vietnamese
/// in NFC (`ệ`) and NFD (`e` + U+0323 + U+0302) are both one cell; CJK ideographs are two.
/// Widths come from the C library's `wcwidth`, which needs a UTF-8 `LC_CTYPE`: the first use
/// forces one (falling back to `C.UTF-8`, as SSH sessions often arrive without `LANG`).
public enum DisplayWidth {
    /// True once a UTF-8 locale is active (set on first use).
    public static let utf8LocaleActive: Bool = vtrack_force_utf8_locale() == 1

    /// Cells of one grapheme: 0 (zero-width, e.g. a lone combining mark or a control
    /// character), 1, or 2 (wide: CJK, most emoji).
    @inlinable
    public static func of(_ c: Character) -> Int {
        let utf8 = c.utf8
        if utf8.count == 1 {
            let b = utf8.first!
            return (b >= 0x20 && b < 0x7F) ? 1 : 0
        }
        return slowWidth(c)
    }

    @usableFromInline
    static func slowWidth(_ c: Character) -> Int {
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
}
