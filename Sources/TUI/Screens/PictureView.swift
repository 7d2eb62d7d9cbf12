import Common
import Pictures

/// Draws one camera picture into a rectangle: the picture as cells (chafa's symbols with their
/// colours, cached with the picture), or blank cells plus a pixel-graphics placement (sixel,
/// kitty); a spinner while it loads, the failure sentence when it failed.
enum PictureView {
    static func draw(_ s: AppState, _ slot: PictureSlot, _ shown: ShownPicture?, in rect: Rect, _ buf: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        let theme = s.theme
        if let shown, s.pictureSettings.enabled {
            if s.pictureSettings.usesPixels {
                buf.fill(rect, style: theme[.text])
                buf.placements.append(PicturePlacement(rect: rect, picture: shown))
            } else {
                drawCells(s, shown, rect, &buf)
            }
            if slot.loading {
                buf.write(Spinner.frame(s.frame), x: rect.maxX - 1, y: rect.y, style: theme[.info])
            } else if slot.failure != nil {
                buf.write("!", x: rect.maxX - 1, y: rect.y, style: theme[.warning].adding(.bold))
            }
            return
        }
        let lines: [String]
        let style: Style
        if !s.pictureSettings.enabled {
            lines = [s.t(Localized(vi: "ảnh đang tắt", en: "pictures off"))]
            style = theme[.muted]
        } else if slot.loading {
            lines = [Spinner.frame(s.frame) + " " + s.t(Localized(vi: "đang lấy ảnh…", en: "taking the picture…"))]
            style = theme[.info]
        } else if let failure = slot.failure {
            lines = TextWidth.wrap(s.t(failure), width: max(1, rect.width - 2))
            style = theme[.warning]
        } else {
            lines = [s.t(Localized(vi: "chưa có ảnh", en: "no picture yet"))]
            style = theme[.muted]
        }
        let shownLines = Array(lines.prefix(rect.height))
        let top = rect.y + (rect.height - shownLines.count) / 2
        for (i, line) in shownLines.enumerated() {
            let text = TextWidth.truncate(line, to: rect.width)
            buf.write(text, x: rect.x + (rect.width - TextWidth.of(text)) / 2, y: top + i, style: style, limit: rect.maxX)
        }
    }

    /// The picture as cells: every cell of the rectangle is set (margins blank).
    static func drawCells(_ s: AppState, _ shown: ShownPicture, _ rect: Rect, _ buf: inout CellBuffer) {
        let depth = s.pictureSettings.depth
        let image = shown.cells(columns: rect.width, rows: rect.height, depth: depth)
        let plain = s.theme[.text]
        for y in 0..<min(rect.height, image.rows) {
            for x in 0..<min(rect.width, image.columns) {
                let c = image[x, y]
                let style: Style
                if depth == .none || (c.fg == nil && c.bg == nil) {
                    style = plain
                } else {
                    style = Style(fg: c.fg.map { .rgb($0.r, $0.g, $0.b) } ?? .default, bg: c.bg.map { .rgb($0.r, $0.g, $0.b) } ?? .default)
                }
                buf.set(rect.x + x, rect.y + y, text: c.text, style: style)
            }
        }
    }

    /// `1920x1080 · 10:29:58`: the picture's size and when it was taken.
    static func facts(_ s: AppState, _ shown: ShownPicture?) -> String {
        guard let shown else { return "" }
        var parts = [shown.resolution]
        if let t = shown.takenAt { parts.append(Format.clock(t, utcOffset: s.utcOffset)) }
        return parts.joined(separator: " · ")
    }
}
