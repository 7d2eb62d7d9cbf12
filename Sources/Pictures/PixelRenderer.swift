import CChafa

/// Terminal pixel graphics: a string to write at the cursor that shows the picture over
/// `columns` x `rows` cells. The picture is fitted with its aspect kept and starts at the cursor:
/// to centre it, move the cursor by `CellGeometry.fit(…)`'s x and y first. Safe to call from
/// several threads at once; an empty picture or area gives "".
public enum PixelRenderer {
    /// Sixel (DEC) data for the picture fitted into `columns` x `rows` cells of
    /// `cellWidth` x `cellHeight` pixels (at most 256 colours, chosen for the picture).
    public static func sixel(_ picture: Picture, columns: Int, rows: Int, cellWidth: Int = 10, cellHeight: Int = 20) -> String {
        draw(picture, columns: columns, rows: rows, cellWidth: cellWidth, cellHeight: cellHeight, mode: CHAFA_PIXEL_MODE_SIXELS)
    }

    /// Kitty graphics protocol (APC G) data for the same: raw RGBA at most the picture's own
    /// size, which kitty scales to the cells.
    public static func kitty(_ picture: Picture, columns: Int, rows: Int, cellWidth: Int = 10, cellHeight: Int = 20) -> String {
        draw(picture, columns: columns, rows: rows, cellWidth: cellWidth, cellHeight: cellHeight, mode: CHAFA_PIXEL_MODE_KITTY)
    }

    private static func draw(_ picture: Picture, columns: Int, rows: Int, cellWidth: Int, cellHeight: Int,
                             mode: ChafaPixelMode) -> String {
        guard PictureLimits.isValidSize(picture.width, picture.height),
              (1...PictureLimits.maxCells).contains(columns), (1...PictureLimits.maxCells).contains(rows),
              (1...100).contains(cellWidth), (1...100).contains(cellHeight)
        else { return "" }
        let g = CellGeometry.fit(pictureWidth: picture.width, pictureHeight: picture.height, columns: columns, rows: rows,
                                 cellWidth: cellWidth, cellHeight: cellHeight)
        guard g.columns > 0, g.rows > 0, PictureLimits.isValidSize(g.columns * cellWidth, g.rows * cellHeight) else { return "" }
        // Kitty scales the image to the cells it names (c=, r=): a picture smaller than the area
        // goes at its own size (chafa sends raw RGBA: 7.6 MB of base64 for 1600x900, 1.2 MB for
        // a 640x360 sub stream). Sixel pixels are shown one to one, so they keep the cell size.
        var cw = cellWidth, ch = cellHeight
        if mode == CHAFA_PIXEL_MODE_KITTY {
            let f = min(1, Double(picture.width) / Double(g.columns * cellWidth), Double(picture.height) / Double(g.rows * cellHeight))
            cw = max(1, Int((Double(cellWidth) * f).rounded()))
            ch = max(1, Int((Double(cellHeight) * f).rounded()))
        }
        let canvas = ChafaCanvas(columns: g.columns, rows: g.rows, canvasMode: CHAFA_CANVAS_MODE_TRUECOLOR,
                                 pixelMode: mode, cellWidth: cw, cellHeight: ch)
        canvas.draw(picture)
        return canvas.printed()
    }
}
