/// How many colours a terminal draws picture cells with.
public enum ColorDepth: String, Sendable, CaseIterable {
    /// 24-bit colour (COLORTERM=truecolor/24bit).
    case trueColor = "truecolor"
    /// xterm's 256 colours.
    case indexed256 = "256"
    /// The 16 ANSI colours.
    case indexed16 = "16"
    /// No colour (NO_COLOR, monochrome theme): ASCII shades.
    case none

    /// From the environment: none with NO_COLOR set (any value), truecolor with
    /// COLORTERM=truecolor|24bit, else 256 when TERM contains 256color (or `terminalColors` ≥ 256),
    /// else 16.
    public static func detect(environment: [String: String], terminalColors: Int? = nil) -> ColorDepth {
        if environment["NO_COLOR"] != nil { return .none }
        if let c = environment["COLORTERM"]?.lowercased(), c == "truecolor" || c == "24bit" { return .trueColor }
        if (environment["TERM"] ?? "").contains("256color") || (terminalColors ?? 0) >= 256 { return .indexed256 }
        return .indexed16
    }
}
