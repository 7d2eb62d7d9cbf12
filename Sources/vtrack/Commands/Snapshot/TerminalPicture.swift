import Common
import Foundation
import Pictures
import TUI

/// Draws a picture on standard output for `vtrack snapshot --show`: cells (chafa's symbols with
/// ANSI colours: 24-bit, xterm-256 or the 16 colours; ASCII shades with NO_COLOR), or sixel /
/// kitty graphics when the terminal has them.
enum TerminalPicture {
    /// The text that draws `picture` `columns` cells wide (rows from its aspect: a cell is about
    /// twice as tall as wide), ending with a newline; empty for `.none`.
    static func text(_ picture: Picture, mode: GraphicsMode, depth: ColorDepth, columns: Int) -> String {
        guard picture.width > 0, picture.height > 0, columns > 0 else { return "" }
        let rows = max(1, Int((Double(columns) * Double(picture.height) / Double(picture.width) / 2).rounded()))
        switch mode {
        case .none, .auto: return ""
        case .sixel: return PixelRenderer.sixel(picture, columns: columns, rows: rows) + "\n"
        case .kitty: return PixelRenderer.kitty(picture, columns: columns, rows: rows) + "\n"
        case .cells: return cells(CellRenderer.render(picture, columns: columns, rows: rows, depth: depth), depth: depth)
        }
    }

    /// ANSI text of a cell image, each row reset at its end.
    static func cells(_ image: CellImage, depth: ColorDepth) -> String {
        var out = ""
        for y in 0..<image.rows {
            var last: (PictureCell?)
            for x in 0..<image.columns {
                let cell = image[x, y]
                if last == nil || last!.fg != cell.fg || last!.bg != cell.bg {
                    out += "\u{1B}[0m" + sgr(fg: cell.fg, bg: cell.bg, depth: depth)
                }
                out += cell.text.isEmpty ? " " : cell.text
                last = cell
            }
            out += "\u{1B}[0m\n"
        }
        return out
    }

    private static func sgr(fg: RGB?, bg: RGB?, depth: ColorDepth) -> String {
        var codes: [String] = []
        if let fg { codes.append(color(fg, depth: depth, background: false)) }
        if let bg { codes.append(color(bg, depth: depth, background: true)) }
        codes.removeAll { $0.isEmpty }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func color(_ c: RGB, depth: ColorDepth, background: Bool) -> String {
        switch depth {
        case .none: return ""
        case .trueColor: return "\(background ? 48 : 38);2;\(c.r);\(c.g);\(c.b)"
        case .indexed256:
            let i = Palette.index(for: .rgb(c.r, c.g, c.b), colors: 256)
            return i < 0 ? "" : "\(background ? 48 : 38);5;\(i)"
        case .indexed16:
            let i = Palette.index(for: .rgb(c.r, c.g, c.b), colors: 16)
            guard i >= 0 else { return "" }
            let base = background ? (i < 8 ? 40 : 100) : (i < 8 ? 30 : 90)
            return String(base + i % 8)
        }
    }

    /// The terminal's width in columns (80 when standard output is not a terminal).
    static func terminalColumns() -> Int {
        var w = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0 { return Int(w.ws_col) }
        return 80
    }
}
