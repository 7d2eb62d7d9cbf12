import CChafa

/// One chafa canvas, made for one drawing and freed with it: symbols (cells) or pixels (sixel,
/// kitty), fixed settings so that the same picture always gives the same output.
final class ChafaCanvas {
    private let canvas: OpaquePointer
    let columns: Int
    let rows: Int

    /// The symbols cells are drawn with: space, full block, half blocks, quadrants and the
    /// eighth blocks — all in the Block Elements range that common monospace fonts have
    /// (sextants look finer but many fonts lack them and show boxes).
    static let symbolTags = ChafaSymbolTags(rawValue: CHAFA_SYMBOL_TAG_SPACE.rawValue | CHAFA_SYMBOL_TAG_SOLID.rawValue
                                            | CHAFA_SYMBOL_TAG_BLOCK.rawValue | CHAFA_SYMBOL_TAG_HALF.rawValue
                                            | CHAFA_SYMBOL_TAG_QUAD.rawValue)

    init(columns: Int, rows: Int, canvasMode: ChafaCanvasMode, pixelMode: ChafaPixelMode,
         cellWidth: Int = 10, cellHeight: Int = 20) {
        self.columns = columns
        self.rows = rows
        let config = chafa_canvas_config_new()
        defer { chafa_canvas_config_unref(config) }
        chafa_canvas_config_set_geometry(config, Int32(columns), Int32(rows))
        chafa_canvas_config_set_cell_geometry(config, Int32(cellWidth), Int32(cellHeight))
        chafa_canvas_config_set_canvas_mode(config, canvasMode)
        chafa_canvas_config_set_pixel_mode(config, pixelMode)
        chafa_canvas_config_set_dither_mode(config, CHAFA_DITHER_MODE_NONE)
        chafa_canvas_config_set_color_space(config, CHAFA_COLOR_SPACE_RGB)
        chafa_canvas_config_set_color_extractor(config, CHAFA_COLOR_EXTRACTOR_AVERAGE)
        chafa_canvas_config_set_work_factor(config, 0.5)
        if pixelMode == CHAFA_PIXEL_MODE_SYMBOLS {
            let symbols = chafa_symbol_map_new()
            defer { chafa_symbol_map_unref(symbols) }
            chafa_symbol_map_add_by_tags(symbols, Self.symbolTags)
            chafa_canvas_config_set_symbol_map(config, symbols)
        }
        canvas = chafa_canvas_new(config)
    }

    deinit { chafa_canvas_unref(canvas) }

    /// Draws `picture` over the whole canvas (chafa scales it).
    func draw(_ picture: Picture) {
        picture.rgb.withUnsafeBufferPointer {
            chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGB8, $0.baseAddress, Int32(picture.width),
                                         Int32(picture.height), Int32(picture.width * 3))
        }
    }

    /// The cell at (x, y): its symbol and colours (packed RGB; palette modes give the palette
    /// entry's colour).
    func cell(_ x: Int, _ y: Int) -> PictureCell {
        let c = chafa_canvas_get_char_at(canvas, Int32(x), Int32(y))
        var fg: Int32 = -1, bg: Int32 = -1
        chafa_canvas_get_colors_at(canvas, Int32(x), Int32(y), &fg, &bg)
        let text = Unicode.Scalar(c).map { String(Character($0)) } ?? " "
        return PictureCell(text: text, fg: RGB(packed: fg), bg: RGB(packed: bg))
    }

    /// The canvas as terminal output (sixel or kitty data in pixel modes).
    func printed() -> String {
        guard let gs = chafa_canvas_print(canvas, nil) else { return "" }
        defer { g_string_free(gs, 1) }
        return String(decoding: UnsafeRawBufferPointer(start: gs.pointee.str, count: Int(gs.pointee.len)), as: UTF8.self)
    }
}
