/// Where a picture goes in an area of terminal cells: the largest size with the picture's aspect
/// that fits, centred.
public struct CellGeometry: Sendable, Equatable {
    /// The cells the picture covers.
    public let columns: Int
    public let rows: Int
    /// Its offset from the area's top-left cell (the margin left and above).
    public let x: Int
    public let y: Int

    /// The fitted placement of a `pictureWidth` x `pictureHeight` picture in an area of
    /// `columns` x `rows` cells of `cellWidth` x `cellHeight` pixels (by default a cell is twice
    /// as tall as wide). At least 1x1 when the area and the picture are not empty, 0x0 otherwise.
    public static func fit(pictureWidth: Int, pictureHeight: Int, columns: Int, rows: Int,
                           cellWidth: Int = 1, cellHeight: Int = 2) -> CellGeometry {
        guard pictureWidth > 0, pictureHeight > 0, columns > 0, rows > 0, cellWidth > 0, cellHeight > 0 else {
            return CellGeometry(columns: 0, rows: 0, x: 0, y: 0)
        }
        // The picture's width over height, in cells.
        let aspect = Double(pictureWidth) * Double(cellHeight) / (Double(pictureHeight) * Double(cellWidth))
        var c = columns
        var r = Int((Double(columns) / aspect).rounded())
        if r > rows {
            r = rows
            c = min(columns, Int((Double(rows) * aspect).rounded()))
        }
        c = max(1, c); r = max(1, min(rows, r))
        return CellGeometry(columns: c, rows: r, x: (columns - c) / 2, y: (rows - r) / 2)
    }
}
