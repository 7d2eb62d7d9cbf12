/// A one-line text field's state: text, cursor and what it accepts. Editing is a pure
/// function of a key, so `update` can test it without a terminal.
public struct TextField: Sendable, Equatable {
    public var text: String
    /// Cursor position in characters (0…text.count).
    public var cursor: Int
    /// Shown as `•` per character (passwords). The text itself never reaches the screen.
    public var masked: Bool
    public var accepts: Charset
    public var maxLength: Int

    /// Which characters a field takes.
    public enum Charset: Sendable, Equatable {
        case any
        case digits
        /// `HH:MM`: digits and a colon.
        case time
        /// Host names and addresses: no spaces.
        case host

        func allows(_ c: Character) -> Bool {
            switch self {
            case .any: return c.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
            case .digits: return c.isASCII && c.isNumber
            case .time: return c == ":" || (c.isASCII && c.isNumber)
            case .host: return !c.isWhitespace && c.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F }
            }
        }
    }

    public init(_ text: String = "", masked: Bool = false, accepts: Charset = .any, maxLength: Int = 256) {
        self.text = text; self.cursor = text.count; self.masked = masked
        self.accepts = accepts; self.maxLength = maxLength
    }

    /// Applies an editing key. Returns false when the key is not an editing key (the caller
    /// may then treat it as navigation).
    ///
    /// Terminals hand over one code point at a time, and a code point may join the character
    /// before it (a combining mark of decomposed Vietnamese, a zero-width joiner, a variation
    /// selector) or after it (a prepended mark such as U+0600): the cursor moves by the
    /// characters the text actually gained or lost, and always stays within the text.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        cursor = max(0, min(cursor, text.count))
        switch key {
        case let .char(c):
            guard accepts.allows(c) else { return true }      // swallowed: a field never leaks keys
            guard text.count < maxLength else { return true }
            let before = text.count
            let i = text.index(text.startIndex, offsetBy: cursor)
            text.insert(c, at: i)
            cursor = min(text.count, cursor + text.count - before)
        case .backspace:
            guard cursor > 0 else { return true }
            let i = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: i)
            cursor = min(text.count, cursor - 1)
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
            cursor = min(text.count, cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"): clear()
        default: return false
        }
        return true
    }

    public mutating func clear() { text = ""; cursor = 0 }

    public mutating func set(_ value: String) { text = value; cursor = value.count }

    /// What the field shows: the text, or one `•` per character when masked.
    public var displayText: String { masked ? String(repeating: "•", count: text.count) : text }

    /// Draws the field in `width` cells at (`x`, `y`), scrolled so the cursor is visible,
    /// and places the terminal cursor there when focused. An empty field shows `placeholder`.
    public func draw(into buf: inout CellBuffer, x: Int, y: Int, width: Int, focused: Bool, theme: Theme, placeholder: String = "") {
        guard width > 0 else { return }
        let style = focused ? theme[.input_focus] : theme[.input]
        buf.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        if text.isEmpty, !placeholder.isEmpty {
            buf.write(placeholder, x: x + 1, y: y, style: style.adding(.dim), limit: x + width)
            if focused { buf.cursor = .init(x: x + 1, y: y) }
            return
        }
        let chars = Array(displayText)
        let room = max(1, width - 2)
        // Scroll left so the cursor stays inside the field.
        var start = 0
        var used = 0
        for i in stride(from: min(cursor, chars.count) - 1, through: 0, by: -1) {
            used += TextWidth.of(chars[i])
            if used > room { start = i + 1; break }
        }
        var col = x + 1
        var cursorCol = col
        for i in start..<chars.count {
            if i == cursor { cursorCol = col }
            let next = buf.write(String(chars[i]), x: col, y: y, style: style, limit: x + width - 1)
            if next == col { break }
            col = next
        }
        if cursor >= chars.count { cursorCol = col }
        if focused { buf.cursor = .init(x: min(cursorCol, x + width - 1), y: y) }
    }
}
