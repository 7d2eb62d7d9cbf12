import CNcursesw
import CShims
import Glibc
import Pictures
import TUI

/// The only code that draws with ncurses: starts and ends full-screen mode, maps styles to
/// colour pairs and attributes, and sends changed cells. Used only on the UI queue.
struct NcursesScreen {
    /// Colours the terminal has (0 when it has none, or colours are turned off).
    private(set) var colors: Int = 0
    /// Colour pairs, allocated as cells need them and recycled once off screen.
    private(set) var pairs = ColorPairTable(capacity: 1)
    /// The pair of every cell on screen (row-major), for the table's counts.
    private var onScreen: [Int32] = []
    private var width = 0
    private var cursorShown: Bool?

    /// Enters full-screen mode: raw keys, no echo, keypad, non-blocking reads, 25 ms ESC delay.
    /// Nil when the terminal type ($TERM) cannot be used; nothing was changed then.
    static func start(useColors: Bool) -> NcursesScreen? {
        vtrack_save_terminal_modes()
        guard vtrack_open_screen() else { return nil }
        vtrack_install_crash_handlers()
        raw()
        noecho()
        nonl()
        let win = vtrack_stdscr()
        keypad(win, true)
        nodelay(win, true)
        set_escdelay(25)
        var screen = NcursesScreen()
        if useColors && has_colors() {
            start_color()
            use_default_colors()
            screen.colors = Int(vtrack_colors())
            // extended pairs (init_extended_pair): 65 536 under xterm-256color and tmux-256color
            screen.pairs = ColorPairTable(capacity: Int(vtrack_color_pairs()))
        }
        screen.setCursor(visible: false)
        return screen
    }

    /// Leaves full-screen mode and gives the terminal back as it was.
    static func stop() {
        curs_set(1)
        endwin()
    }

    /// The terminal's size now (from the kernel, so it is right after SIGWINCH).
    static func querySize() -> (width: Int, height: Int) {
        var rows: Int32 = 0, cols: Int32 = 0
        if vtrack_winsize(1, &rows, &cols) == 0, rows > 0, cols > 0 { return (Int(cols), Int(rows)) }
        return (Int(vtrack_cols()), Int(vtrack_lines()))
    }

    /// Tells ncurses about a new size and forces a full repaint.
    static func resize(width: Int, height: Int) {
        resizeterm(Int32(height), Int32(width))
        clearok(vtrack_stdscr(), true)
    }

    /// The screen was cleared or resized: every cell is sent again, no pair is on screen.
    mutating func screenCleared(width: Int, height: Int) {
        self.width = width
        onScreen = Array(repeating: 0, count: max(0, width * height))
        pairs.screenCleared()
    }

    /// Sends the changed cells, places the cursor, and refreshes the terminal.
    mutating func apply(_ changes: [CellChange], cursor: CellBuffer.Position?) {
        for change in changes {
            let cell = change.cell
            let i = change.y * width + change.x
            let (attrs, pair) = attributes(cell.style, at: i)
            if cell.isWide, i + 1 < onScreen.count, onScreen[i + 1] > 0 {
                // the glyph covers the next cell too: its pair is no longer on screen
                _ = pairs.use(fg: -1, bg: -1, replacing: onScreen[i + 1])
                onScreen[i + 1] = 0
            }
            _ = cell.text.withCString { vtrack_mvaddwch_utf8(Int32(change.y), Int32(change.x), $0, attrs, pair) }
        }
        if let cursor {
            setCursor(visible: true)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursor(visible: false)
        }
        refresh()
    }

    /// Writes pixel-graphics pictures (sixel or kitty) after the cells are on the terminal:
    /// clears what moved or went away, then draws what is new, each at its cell position. The
    /// cursor is saved and restored around it, so ncurses' idea of it stays right.
    mutating func paint(_ plan: PixelPlan, mode: GraphicsMode, cellWidth: Int, cellHeight: Int) {
        guard mode == .sixel || mode == .kitty, !plan.isEmpty else { return }
        var out = ""
        if mode == .kitty, plan.clearAll || !plan.clear.isEmpty {
            out += "\u{1B}_Ga=d,d=a\u{1B}\\"          // delete every placed image
        }
        if mode == .sixel, !plan.clear.isEmpty {
            // a sixel picture is part of the terminal's cells: have ncurses repaint the text there
            let win = vtrack_stdscr()
            for r in plan.clear { wredrawln(win, Int32(r.y), Int32(r.height)) }
            refresh()
        }
        for p in plan.draw {
            let data = p.picture.pixels(mode, columns: p.rect.width, rows: p.rect.height, cellWidth: cellWidth, cellHeight: cellHeight)
            guard !data.isEmpty else { continue }
            out += "\u{1B}7\u{1B}[\(p.rect.y + 1);\(p.rect.x + 1)H" + data + "\u{1B}8"
        }
        guard !out.isEmpty else { return }
        var bytes = Array(out.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress! + done, $0.count - done) }
            if n > 0 { done += n } else if n < 0, errno == EINTR || errno == EAGAIN { continue } else { break }
        }
        bytes.removeAll()
    }

    private mutating func setCursor(visible: Bool) {
        guard cursorShown != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorShown = visible
    }

    private mutating func attributes(_ style: Style, at index: Int) -> (attr_t, Int32) {
        var a = vtrack_a_normal()
        if style.attrs.contains(.bold) { a |= vtrack_a_bold() }
        if style.attrs.contains(.dim) { a |= vtrack_a_dim() }
        if style.attrs.contains(.underline) { a |= vtrack_a_underline() }
        if style.attrs.contains(.reverse) { a |= vtrack_a_reverse() }
        return (a, pair(style.fg, style.bg, at: index))
    }

    /// The colour pair for a foreground/background drawn at cell `index` (0 = default colours):
    /// defined on first use, recycled when no cell on screen uses it any more.
    private mutating func pair(_ fg: Color, _ bg: Color, at index: Int) -> Int32 {
        let onScreenIndex = onScreen.indices.contains(index) ? index : nil
        let old = onScreenIndex.map { onScreen[$0] }
        let f = colors > 0 ? Palette.index(for: fg, colors: colors) : -1
        let b = colors > 0 ? Palette.index(for: bg, colors: colors) : -1
        let grant = pairs.use(fg: f, bg: b, replacing: old)
        if grant.define { init_extended_pair(grant.pair, Int32(f), Int32(b)) }
        if let i = onScreenIndex { onScreen[i] = grant.pair }
        return grant.pair
    }
}
