/// How pictures reach the terminal (`--graphics auto|cells|sixel|kitty|none`).
public enum GraphicsMode: String, Sendable, CaseIterable {
    case auto, cells, sixel, kitty, none

    /// TERM values (or their prefixes) of terminals that draw sixels.
    static let sixelTerminals = ["mlterm", "foot", "contour", "yaft"]

    /// What `auto` means for this environment: kitty when the terminal is kitty (KITTY_WINDOW_ID,
    /// TERM=xterm-kitty, TERM_PROGRAM=WezTerm/ghostty), sixel when TERM names a sixel terminal
    /// (mlterm, foot, contour, yaft, "sixel") or `answeredSixel` (the terminal's DA1 answer
    /// listed 4), cells otherwise — and always cells inside tmux/screen (TMUX, STY, TERM=tmux*/
    /// screen*), whose passthrough is off by default. `none` stays none.
    public static func resolve(_ requested: GraphicsMode, environment: [String: String], answeredSixel: Bool = false) -> GraphicsMode {
        guard requested == .auto else { return requested }
        let term = (environment["TERM"] ?? "").lowercased()
        let program = (environment["TERM_PROGRAM"] ?? "").lowercased()
        if environment["TMUX"] != nil || environment["STY"] != nil || term.hasPrefix("tmux") || term.hasPrefix("screen") {
            return .cells
        }
        if environment["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" || program == "wezterm" || program == "ghostty" {
            return .kitty
        }
        if term.contains("sixel") || sixelTerminals.contains(where: { term.hasPrefix($0) }) || answeredSixel {
            return .sixel
        }
        return .cells
    }

    /// True when a terminal's primary device attributes answer (`ESC [ ? 62 ; 4 ; 22 c`) lists
    /// 4, sixel graphics.
    public static func answerListsSixel(_ answer: String) -> Bool {
        guard let start = answer.range(of: "[?"), let end = answer[start.upperBound...].firstIndex(of: "c") else { return false }
        return answer[start.upperBound..<end].split(separator: ";").contains("4")
    }
}
