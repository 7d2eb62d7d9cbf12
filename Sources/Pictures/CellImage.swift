/// A picture drawn as `columns` x `rows` cells, row-major.
public struct CellImage: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    public var cells: [PictureCell]
    public init(columns: Int, rows: Int, cells: [PictureCell]) {
        self.columns = columns; self.rows = rows; self.cells = cells
    }
    public subscript(x: Int, y: Int) -> PictureCell { cells[y * columns + x] }

    /// `columns` x `rows` blank cells.
    public static func blank(columns: Int, rows: Int) -> CellImage {
        let c = max(0, columns), r = max(0, rows)
        return CellImage(columns: c, rows: r, cells: Array(repeating: .blank, count: c * r))
    }

    /// The rows as text (glyphs only), for tests and logs.
    public var lines: [String] {
        (0..<rows).map { y in cells[(y * columns)..<((y + 1) * columns)].map(\.text).joined() }
    }
}
