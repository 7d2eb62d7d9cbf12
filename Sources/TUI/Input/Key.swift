/// A key press, as the app sees it (backends translate terminal input into these).
public enum Key: Sendable, Hashable {
    /// A printable character (letters, digits, punctuation, Vietnamese letters, space).
    case char(Character)
    /// Ctrl plus a letter (`ctrl("t")` is Ctrl-T). Ctrl-C is `ctrl("c")`.
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// Function key F1…F12.
    case function(Int)

    public static let space = Key.char(" ")

    /// The key's name as shown in the help bar, the `?` overlay and the README.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case let .char(c): return String(c)
        case let .ctrl(c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case let .function(n): return "F\(n)"
        }
    }

    /// A printable character that a text field would insert, if this key is one.
    public var printable: Character? {
        if case let .char(c) = self { return c }
        return nil
    }
}
