/// An in-memory grid of cells: every frame is drawn here, then a backend sends only the
/// cells that changed since the previous frame (see `CellBuffer.changes(from:)`).
/// Tests read it as text with no terminal at all.
public struct CellBuffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (a focused text field), or nil to hide it.
    public var cursor: Position?
    /// Pictures to draw with pixel graphics over blank cells (sixel/kitty mode), in drawing order.
    public var placements: [PicturePlacement] = []

    /// A cell position.
    public struct Position: Sendable, Equatable {
        public var x, y: Int
        public init(x: Int, y: Int) { self.x = x; self.y = y }
    }

    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: Cell(" ", style: style), count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Blanks every cell with `style` and hides the cursor; resizes when asked.
    public mutating func clear(_ style: Style = .plain, width w: Int? = nil, height h: Int? = nil) {
        if let w, let h, w != width || h != height {
            width = max(0, w); height = max(0, h)
            cells = Array(repeating: Cell(" ", style: style), count: width * height)
        } else {
            let blank = Cell(" ", style: style)
            for i in cells.indices { cells[i] = blank }
        }
        cursor = nil
        placements = []
    }

    /// Fills a rectangle (clipped to the buffer) with one character.
    public mutating func fill(_ rect: Rect, _ char: Character = " ", style: Style) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let s = String(char)
        for y in y0..<y1 {
            for x in x0..<x1 { put(x, y, s, wide: false, style: style) }
        }
    }

    /// Restyles a rectangle without changing its text (e.g. a selection highlight).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { cells[y * width + x].style = transform(cells[y * width + x].style) }
        }
    }

    /// Writes text from (`x`, `y`) and returns the column after the last cell written.
    /// Nothing is written at or beyond column `limit` (default: the buffer's right edge); a
    /// wide glyph that does not fit becomes a space. Control characters become spaces;
    /// zero-width marks join the previous glyph.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(limit ?? width, width)
        var col = x
        var lastIndex: Int? = nil
        for ch in text {
            if col >= end { break }
            let w = TextWidth.of(ch)
            if w == 0 {
                if ch.isASCII || ch == "\r\n" {             // control character
                    if col >= 0 { put(col, y, " ", wide: false, style: style); lastIndex = y * width + col }
                    col += 1
                } else if let i = lastIndex {               // combining mark: join the previous glyph
                    cells[i].text.append(ch)
                }
                continue
            }
            if col < 0 { col += w; continue }
            if w == 2 && col + 1 >= end {
                put(col, y, " ", wide: false, style: style)
                col += 1
                break
            }
            put(col, y, String(ch), wide: w == 2, style: style)
            lastIndex = y * width + col
            col += w
        }
        return col
    }

    /// Writes text cut or padded to exactly `width` cells.
    public mutating func write(_ text: String, x: Int, y: Int, width w: Int, style: Style, align: Alignment = .left) {
        guard w > 0 else { return }
        write(TextWidth.fit(text, w, align: align), x: x, y: y, style: style, limit: x + w)
    }

    /// Sets one single-width cell (a picture cell: a block symbol with its colours), clipped to
    /// the buffer.
    public mutating func set(_ x: Int, _ y: Int, text: String, style: Style) {
        put(x, y, text.isEmpty ? " " : text, wide: false, style: style)
    }

    /// Sets one cell, repairing any wide glyph it cuts in half.
    private mutating func put(_ x: Int, _ y: Int, _ text: String, wide: Bool, style: Style) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        if cells[i].isContinuation, x > 0, cells[i - 1].isWide {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        }
        if cells[i].isWide, x + 1 < width {
            cells[i + 1] = Cell(" ", style: cells[i].style)
        }
        if wide {
            guard x + 1 < width else { cells[i] = Cell(" ", style: style); return }
            if cells[i + 1].isWide, x + 2 < width {
                cells[i + 2] = Cell(" ", style: cells[i + 1].style)
            }
            cells[i] = Cell(text, style: style, isWide: true)
            cells[i + 1] = Cell("", style: style)
        } else {
            cells[i] = Cell(text, style: style)
        }
    }

    /// One row as text (continuation cells skipped, so a wide glyph appears once).
    public func text(row y: Int) -> String {
        var s = ""
        s.reserveCapacity(width)
        for x in 0..<width {
            let c = cells[y * width + x]
            if !c.isContinuation { s += c.text }
        }
        return s
    }

    /// Every row as text, trailing spaces removed: what text snapshot tests compare.
    public func lines() -> [String] {
        (0..<height).map { y in
            var t = text(row: y)
            while t.last == " " { t.removeLast() }
            return t
        }
    }

    /// The whole buffer as one string (rows joined by newlines).
    public var plainText: String { lines().joined(separator: "\n") }
}
