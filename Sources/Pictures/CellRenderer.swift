import CChafa

/// Draws pictures as terminal cells with chafa's symbols (half blocks, quadrants, eighth
/// blocks): the mode that always works (SSH, tmux, any terminal with UTF-8). Deterministic (the
/// same picture gives the same cells) and safe to call from several threads at once.
public enum CellRenderer {
    /// The ASCII shades of `ColorDepth.none`, darkest first.
    public static let shades: [Character] = Array(" .:-=+*#%@")

    /// `picture` drawn into exactly `columns` x `rows` cells (each at most
    /// `PictureLimits.maxCells`); the picture is fitted with its aspect kept (cells are about
    /// twice as tall as wide) and centred, the margin filled with blank cells (space, no
    /// colours). `.none` gives ASCII shades (" .:-=+*#%@") with no colours. An empty picture
    /// gives blank cells.
    ///
    /// With `.indexed256` the colours are those of xterm's 6x6x6 cube and grey ramp (indices
    /// 16…255, never the 16 colours a terminal theme changes); with `.indexed16` those of the 16
    /// ANSI colours (`TerminalPalette` gives their indices). Some cells may have a nil foreground
    /// (a space needs none). chafa looks at 8x8 pixels a cell: a picture larger than
    /// `columns*8` x `rows*8` adds only time (`ImageDecoder.decode(_:maxWidth:maxHeight:)`).
    public static func render(_ picture: Picture, columns: Int, rows: Int, depth: ColorDepth) -> CellImage {
        let columns = min(max(0, columns), PictureLimits.maxCells)
        let rows = min(max(0, rows), PictureLimits.maxCells)
        var image = CellImage.blank(columns: columns, rows: rows)
        guard PictureLimits.isValidSize(picture.width, picture.height) else { return image }
        let g = CellGeometry.fit(pictureWidth: picture.width, pictureHeight: picture.height, columns: columns, rows: rows)
        guard g.columns > 0, g.rows > 0 else { return image }

        let mode: ChafaCanvasMode
        switch depth {
        case .none:
            drawShades(picture, into: &image, at: g)
            return image
        case .trueColor: mode = CHAFA_CANVAS_MODE_TRUECOLOR
        case .indexed256: mode = CHAFA_CANVAS_MODE_INDEXED_240
        case .indexed16: mode = CHAFA_CANVAS_MODE_INDEXED_16
        }
        let canvas = ChafaCanvas(columns: g.columns, rows: g.rows, canvasMode: mode, pixelMode: CHAFA_PIXEL_MODE_SYMBOLS)
        canvas.draw(picture)
        for y in 0..<g.rows {
            let base = (g.y + y) * columns + g.x
            for x in 0..<g.columns { image.cells[base + x] = canvas.cell(x, y) }
        }
        return image
    }

    /// The fast way for live video: every cell an upper half block whose foreground is the
    /// average of the cell's top half and background of its bottom half (a space when both are
    /// the same), colours mapped to `depth` with `TerminalPalette`. No symbol search, so about
    /// twenty times cheaper than `render` and a little blurrier; same fitting, centring and
    /// margins. `.none` gives the same ASCII shades as `render`.
    public static func halfBlocks(_ picture: Picture, columns: Int, rows: Int, depth: ColorDepth) -> CellImage {
        let columns = min(max(0, columns), PictureLimits.maxCells)
        let rows = min(max(0, rows), PictureLimits.maxCells)
        var image = CellImage.blank(columns: columns, rows: rows)
        guard PictureLimits.isValidSize(picture.width, picture.height) else { return image }
        let g = CellGeometry.fit(pictureWidth: picture.width, pictureHeight: picture.height, columns: columns, rows: rows)
        guard g.columns > 0, g.rows > 0 else { return image }
        if depth == .none {
            drawShades(picture, into: &image, at: g)
            return image
        }
        guard let small = try? PictureScaler.scale(picture, width: g.columns, height: g.rows * 2) else { return image }
        let map: (RGB) -> RGB = switch depth {
        case .indexed256: { TerminalPalette.color256(TerminalPalette.index256($0))! }
        case .indexed16: { TerminalPalette.ansi16[TerminalPalette.index16($0)] }
        default: { $0 }
        }
        for y in 0..<g.rows {
            for x in 0..<g.columns {
                let t = small.pixel(x, 2 * y), b = small.pixel(x, 2 * y + 1)
                let top = map(RGB(t.r, t.g, t.b)), bottom = map(RGB(b.r, b.g, b.b))
                image.cells[(g.y + y) * columns + g.x + x] = top == bottom
                    ? PictureCell(text: " ", fg: top, bg: top)
                    : PictureCell(text: "▀", fg: top, bg: bottom)
            }
        }
        return image
    }

    /// ASCII shades by luminance: the picture averaged down to one pixel per cell.
    private static func drawShades(_ picture: Picture, into image: inout CellImage, at g: CellGeometry) {
        guard let small = try? PictureScaler.scale(picture, width: g.columns, height: g.rows) else { return }
        for y in 0..<g.rows {
            for x in 0..<g.columns {
                let p = small.pixel(x, y)
                let luma = (299 * Int(p.r) + 587 * Int(p.g) + 114 * Int(p.b)) / 1000
                let shade = shades[min(shades.count - 1, luma * shades.count / 256)]
                image.cells[(g.y + y) * image.columns + g.x + x] = PictureCell(text: String(shade), fg: nil, bg: nil)
            }
        }
    }
}
