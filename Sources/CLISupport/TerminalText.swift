/// Text from a device, a database or a user, made safe to print on a terminal line.
public enum TerminalText {
    /// Bidirectional controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C), which would
    /// reorder the rest of the line, and control characters are written as `\u{202e}`, so a
    /// name can neither disguise itself nor break a table.
    public static func shown(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            let v = u.value
            let bidi = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
            if bidi || u.properties.generalCategory == .control {
                out += "\\u{\(String(v, radix: 16))}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
