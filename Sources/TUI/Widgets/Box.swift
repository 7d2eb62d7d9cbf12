/// A bordered pane drawn with Unicode box characters from the cell buffer (never ncurses'
/// ACS characters, which come out as `lqqk` under some TERM values).
public enum Box {
    /// Draws the border and title; returns the inner rectangle.
    @discardableResult
    public static func draw(_ buf: inout CellBuffer, _ rect: Rect, title: String = "", focused: Bool = false,
                            theme: Theme, fill: Style? = nil) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let style = focused ? theme[.border_focus] : theme[.border]
        if let fill { buf.fill(rect, style: fill) }
        let border = fill.map { Style(fg: style.fg, bg: $0.bg, attrs: style.attrs) } ?? style
        let top = rect.y, bottom = rect.maxY - 1, left = rect.x, right = rect.maxX - 1
        let h = String(repeating: "─", count: rect.width - 2)
        buf.write("┌" + h + "┐", x: left, y: top, style: border)
        buf.write("└" + h + "┘", x: left, y: bottom, style: border)
        for y in (top + 1)..<bottom {
            buf.write("│", x: left, y: y, style: border)
            buf.write("│", x: right, y: y, style: border)
        }
        if !title.isEmpty, rect.width > 6 {
            var titleStyle = theme[.title]
            if let fill, titleStyle.bg == .default { titleStyle.bg = fill.bg }
            let t = TextWidth.truncate(title, to: rect.width - 6)
            let x = buf.write("─ ", x: left + 1, y: top, style: border)
            let x2 = buf.write(t, x: x, y: top, style: titleStyle)
            buf.write(" ", x: x2, y: top, style: border)
        }
        return rect.inset(1)
    }

    /// A horizontal rule across a box's inner width, joined to its sides.
    public static func rule(_ buf: inout CellBuffer, y: Int, from x: Int, width: Int, theme: Theme, focused: Bool = false) {
        let style = focused ? theme[.border_focus] : theme[.border]
        buf.write("├" + String(repeating: "─", count: max(0, width - 2)) + "┤", x: x, y: y, style: style)
    }
}

/// Braille spinner frames for work in progress.
public enum Spinner {
    static let frames: [String] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    public static func frame(_ n: Int) -> String { frames[((n % frames.count) + frames.count) % frames.count] }
}

/// A horizontal progress bar with eighth-cell resolution.
public enum ProgressBar {
    static let partials: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    public static func draw(_ buf: inout CellBuffer, x: Int, y: Int, width: Int, fraction: Double, theme: Theme) {
        guard width > 0 else { return }
        let f = min(1, max(0, fraction.isFinite ? fraction : 0))
        let eighths = Int((f * Double(width * 8)).rounded(.down))
        let full = eighths / 8
        let part = eighths % 8
        var col = x
        if full > 0 { col = buf.write(String(repeating: "█", count: full), x: col, y: y, style: theme[.progress_done]) }
        if part > 0 && full < width { col = buf.write(partials[part], x: col, y: y, style: theme[.progress_done]) }
        let rest = x + width - col
        if rest > 0 { buf.write(String(repeating: "░", count: rest), x: col, y: y, style: theme[.progress_todo]) }
    }
}

/// A centred dialog with a filled background; returns its inner rectangle.
public enum ModalBox {
    public static func draw(_ buf: inout CellBuffer, in area: Rect, width: Int, height: Int, title: String, theme: Theme) -> Rect {
        let rect = area.centered(width: width, height: height)
        var fill = theme[.modal]
        if fill.bg == .default && fill.fg == .default && fill.attrs.isEmpty { fill = theme[.text] }
        return Box.draw(&buf, rect, title: title, focused: true, theme: theme, fill: fill)
    }
}
