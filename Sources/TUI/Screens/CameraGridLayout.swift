/// Where the camera grid puts its tiles and pictures for a window size: `update` (cursor moves,
/// which pictures to load first) and `render` share it.
///
/// Below about 120x40 the grid is a list of two-line tiles with the focused camera's picture
/// beside it (or above it on a narrow, tall window); from 120x40 up it is a matrix of tiles, each
/// a picture with a line under it (checkbox, channel, name, stream), as many as fit.
public struct CameraGridLayout: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Two-line tiles; the focused camera's picture in `picture` (nil: pictures off).
        case list
        /// Picture tiles.
        case matrix
    }

    public let kind: Kind
    /// Where the tiles go (below the summary line).
    public let tiles: Rect
    /// The focused camera's picture (list kind, pictures on), caption line included.
    public let picture: Rect?
    public let columns: Int
    /// Tile rows that fit.
    public let rows: Int
    public let tileWidth: Int
    /// Lines from one tile row to the next.
    public let tileHeight: Int
    /// A matrix tile's picture size in cells.
    public let pictureColumns: Int
    public let pictureRows: Int

    /// The smallest window that gets the matrix.
    public static let matrixWidth = 120
    public static let matrixHeight = 40
    /// A list tile's width.
    public static let listTileWidth = 38

    public init(width: Int, height: Int, pictures: Bool = true) {
        let main = LayoutMetrics(width: width, height: height).main
        let inner = main.inset(1)
        let grid = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 2))
        if pictures, width >= Self.matrixWidth, height >= Self.matrixHeight {
            // one column of margin on the left; each tile keeps one on its right
            let grid = Rect(x: grid.x + 1, y: grid.y, width: grid.width - 1, height: grid.height)
            let cols = max(1, grid.width / 36)
            let tileW = grid.width / cols
            let picCols = tileW - 1
            let ideal = max(3, picCols * 9 / 32)
            let rows = max(1, (grid.height + 1) / (ideal + 2))
            let picRows = max(1, min(ideal, (grid.height + 1) / rows - 2))
            kind = .matrix; tiles = grid; picture = nil
            columns = cols; self.rows = rows; tileWidth = tileW; tileHeight = picRows + 2
            pictureColumns = picCols; pictureRows = picRows
            return
        }
        kind = .list
        tileHeight = 2
        pictureColumns = 0; pictureRows = 0
        guard pictures, grid.width >= 60 else {
            tiles = grid; picture = nil
            columns = max(1, (width - 2) / Self.listTileWidth)
            rows = max(1, grid.height / 2)
            tileWidth = grid.width / columns
            return
        }
        if grid.width < 98, grid.height >= 22 {
            // narrow and tall: the picture above the list
            let h = grid.height / 2
            picture = Rect(x: grid.x, y: grid.y, width: grid.width, height: h)
            tiles = Rect(x: grid.x, y: grid.y + h + 1, width: grid.width, height: grid.height - h - 1)
            columns = max(1, (width - 2) / Self.listTileWidth)
        } else {
            let picW = grid.width / 2
            picture = Rect(x: grid.maxX - picW, y: grid.y, width: picW, height: grid.height)
            tiles = Rect(x: grid.x, y: grid.y, width: grid.width - picW - 1, height: grid.height)
            columns = max(1, tiles.width / Self.listTileWidth)
        }
        rows = max(1, tiles.height / 2)
        tileWidth = tiles.width / columns
    }

    /// The first tile row shown when the cursor is on tile `cursor` (the grid scrolls with it).
    public func firstRow(cursor: Int) -> Int { max(0, cursor / columns - rows + 1) }

    /// The tiles (indices among the shown cameras) on screen when the cursor is on `cursor`.
    public func visible(count: Int, cursor: Int) -> Range<Int> {
        let first = firstRow(cursor: cursor) * columns
        return min(first, count)..<min(count, first + rows * columns)
    }

    /// Tile `n`'s rectangle (caption lines included), or nil when it is not on screen.
    public func tile(_ n: Int, cursor: Int) -> Rect? {
        let r = n / columns - firstRow(cursor: cursor)
        guard r >= 0, r < rows else { return nil }
        return Rect(x: tiles.x + (n % columns) * tileWidth, y: tiles.y + r * tileHeight, width: tileWidth - 1, height: tileHeight - (kind == .matrix ? 1 : 0))
    }
}
