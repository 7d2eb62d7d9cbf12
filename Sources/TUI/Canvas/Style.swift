/// A terminal colour: the terminal's own default, or a 24-bit colour that backends map to
/// the nearest colour the terminal has (xterm-256, 16 or 8).
public enum Color: Sendable, Hashable {
    /// The terminal's default foreground or background (transparent).
    case `default`
    case rgb(UInt8, UInt8, UInt8)

    /// Parses `#RRGGBB` (or `RRGGBB`); `default` or an empty string gives `.default`.
    public init?(hex text: String) {
        var s = Substring(text.lowercased())
        if s.isEmpty || s == "default" || s == "none" { self = .default; return }
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard s.count == 6, let v = UInt32(s, radix: 16) else { return nil }
        self = .rgb(UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
    }

    /// `#rrggbb`, or `default`.
    public var hex: String {
        switch self {
        case .default: return "default"
        case let .rgb(r, g, b):
            func h(_ x: UInt8) -> String { let s = String(x, radix: 16); return s.count == 1 ? "0" + s : s }
            return "#" + h(r) + h(g) + h(b)
        }
    }
}

/// Text attributes every terminal has; the monochrome theme uses only these.
public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1)
    public static let dim = Attributes(rawValue: 2)
    public static let underline = Attributes(rawValue: 4)
    public static let reverse = Attributes(rawValue: 8)

    /// Attribute names as written in theme files.
    public static let names: [(String, Attributes)] = [("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse)]
}

/// How one cell looks: foreground, background and attributes.
public struct Style: Sendable, Hashable {
    public var fg: Color
    public var bg: Color
    public var attrs: Attributes

    public init(fg: Color = .default, bg: Color = .default, attrs: Attributes = []) {
        self.fg = fg; self.bg = bg; self.attrs = attrs
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// This style with extra attributes.
    public func adding(_ a: Attributes) -> Style {
        var s = self; s.attrs.formUnion(a); return s
    }

    /// This style's colours dropped (attributes kept): what `NO_COLOR` asks for.
    public var withoutColors: Style { Style(fg: .default, bg: .default, attrs: attrs) }
}
