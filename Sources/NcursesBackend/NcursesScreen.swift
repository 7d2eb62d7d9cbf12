import CNcursesw
import CShims
import TUI

/// The only code that draws with ncurses: starts and ends full-screen mode, maps styles to
/// colour pairs and attributes, and sends changed cells. Used only on the UI queue.
struct NcursesScreen {
    /// Colours the terminal has (0 when it has none, or colours are turned off).
    private(set) var colors: Int = 0
    private var pairs: [Int: Int16] = [:]
    private var nextPair: Int = 1
    private var maxPairs: Int = 0
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
            screen.maxPairs = Int(min(vtrack_color_pairs(), 32_767))
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

    /// Sends the changed cells, places the cursor, and refreshes the terminal.
    mutating func apply(_ changes: [CellChange], cursor: CellBuffer.Position?) {
        for change in changes {
            let cell = change.cell
            let (attrs, pair) = attributes(cell.style)
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

    private mutating func setCursor(visible: Bool) {
        guard cursorShown != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorShown = visible
    }

    private mutating func attributes(_ style: Style) -> (attr_t, Int16) {
        var a = vtrack_a_normal()
        if style.attrs.contains(.bold) { a |= vtrack_a_bold() }
        if style.attrs.contains(.dim) { a |= vtrack_a_dim() }
        if style.attrs.contains(.underline) { a |= vtrack_a_underline() }
        if style.attrs.contains(.reverse) { a |= vtrack_a_reverse() }
        return (a, pair(style.fg, style.bg))
    }

    /// The colour pair for a foreground/background, allocated on first use (0 = default).
    private mutating func pair(_ fg: Color, _ bg: Color) -> Int16 {
        guard colors > 0, fg != .default || bg != .default else { return 0 }
        let f = Palette.index(for: fg, colors: colors), b = Palette.index(for: bg, colors: colors)
        let key = (f + 1) << 16 | (b + 1)
        if let p = pairs[key] { return p }
        guard nextPair < maxPairs else { return 0 }
        let p = Int16(nextPair)
        nextPair += 1
        init_pair(p, Int16(f), Int16(b))
        pairs[key] = p
        return p
    }
}
