import Foundation
import TUI

/// Theme files (`Themes/*.theme`, `~/.config/vtrack/themes`) and `tui.conf`.
public enum ThemeFuzz {
    public static func run(_ data: Data) {
        let text = data.text
        if let theme = try? Theme.parse(text, name: "fuzz") { _ = theme.withoutColors }
        _ = TerminalSettings.parse(text)
    }
}
