import Foundation
import Common

/// The camera grid: one tile per camera with a checkbox, channel, name, main/sub streams and
/// whether the stream answered.
enum CameraScreen {
    static func draw(_ s: AppState, _ area: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        let g = s.cameras
        var title = s.t(Localized(vi: "Camera", en: "Cameras"))
        if let c = g.connection { title += " — " + c.name }
        if let d = g.device, !(d.manufacturer + d.model).isEmpty { title += " (\([d.manufacturer, d.model].filter { !$0.isEmpty }.joined(separator: " ")))" }
        let focused = s.focus == .cameraGrid && s.modal == nil
        let inner = Box.draw(&buf, area, title: title, focused: focused, theme: theme)
        guard inner.height > 3 else { return }

        // Summary line: counts, save state, filter.
        let visible = g.visibleIndices
        var x = inner.x + 1
        let summary = s.t(Localized(vi: "\(g.rows.count) camera · đã chọn \(g.selectedNames.count)",
                                    en: "\(g.rows.count) camera\(g.rows.count == 1 ? "" : "s") · \(g.selectedNames.count) ticked"))
        x = buf.write(summary, x: x, y: inner.y, style: theme[.text].adding(.bold))
        x += 2
        if g.saving {
            x = buf.write(Spinner.frame(s.frame) + " " + s.t(Localized(vi: "đang lưu…", en: "saving…")), x: x, y: inner.y, style: theme[.info])
        } else if g.isSaved {
            x = buf.write("✓ " + s.t(Localized(vi: "đã lưu", en: "saved")), x: x, y: inner.y, style: theme[.ok])
        } else if !g.rows.isEmpty {
            x = buf.write(s.t(Localized(vi: "chưa lưu (s)", en: "not saved (s)")), x: x, y: inner.y, style: theme[.warning])
        }
        x += 2
        if g.filtering || !g.filter.text.isEmpty {
            let label = "/ "
            x = buf.write(label, x: x, y: inner.y, style: theme[.help_key])
            let w = min(24, inner.maxX - x - 12)
            if w > 3 {
                g.filter.draw(into: &buf, x: x, y: inner.y, width: w, focused: g.filtering && s.modal == nil, theme: theme)
                x += w + 1
                buf.write("\(visible.count)/\(g.rows.count)", x: x, y: inner.y, style: theme[.muted], limit: inner.maxX)
            }
        }

        // What the mark after each name means, right-aligned when there is room.
        if !g.filtering && g.filter.text.isEmpty && !g.rows.isEmpty {
            let legend: [(String, String, Style)] = [
                ("●", s.t(Localized(vi: "có luồng", en: "stream ok")), theme[.ok]),
                ("✗", s.t(Localized(vi: "mất luồng", en: "no stream")), theme[.error]),
                ("○", s.t(Localized(vi: "đang thử", en: "checking")), theme[.muted]),
            ]
            let width = legend.reduce(0) { $0 + TextWidth.of($1.0) + 1 + TextWidth.of($1.1) + 2 } - 2
            var lx = inner.maxX - 1 - width
            if lx > x {
                for (mark, text, style) in legend {
                    lx = buf.write(mark, x: lx, y: inner.y, style: style)
                    lx = buf.write(" " + text + "  ", x: lx, y: inner.y, style: theme[.muted], limit: inner.maxX)
                }
            }
        }

        let gridTop = inner.y + 2
        if g.rows.isEmpty || visible.isEmpty {
            let text = g.rows.isEmpty ? Localized(vi: "Chưa có camera: hãy kiểm tra một nguồn.", en: "No cameras: test a source first.")
                                      : Localized(vi: "Không có camera nào khớp “\(g.filter.text)”.", en: "No camera matches “\(g.filter.text)”.")
            buf.write(s.t(text), x: inner.x + 1, y: gridTop, style: theme[.muted], limit: inner.maxX)
            return
        }
        let layout = s.cameraLayout
        let first = layout.firstRow(cursor: g.cursor)
        for (n, rowIndex) in visible.enumerated() {
            guard let rect = layout.tile(n, cursor: g.cursor) else { continue }
            let row = g.rows[rowIndex]
            switch layout.kind {
            case .matrix:
                drawPictureTile(s, row, rect, layout: layout, cursor: n == g.cursor, focused: focused, &buf)
            case .list:
                drawTile(s, row, x: rect.x, y: rect.y, width: rect.width, cursor: n == g.cursor, focused: focused, &buf)
            }
        }
        if let panel = layout.picture, visible.indices.contains(g.cursor) {
            drawFocusedPicture(s, g.rows[visible[g.cursor]], panel, &buf)
        }
        let totalRows = (visible.count + layout.columns - 1) / layout.columns
        if totalRows > first + layout.rows {
            // on the bottom border, clear of tiles and pictures
            let more = " " + s.t(Localized(vi: "↓ còn \(totalRows - first - layout.rows) hàng", en: "↓ \(totalRows - first - layout.rows) more rows")) + " "
            buf.write(more, x: area.maxX - TextWidth.of(more) - 2, y: area.maxY - 1, style: theme[.muted])
        }
    }

    /// A matrix tile: the picture, and under it the checkbox, channel, name, stream and mark.
    static func drawPictureTile(_ s: AppState, _ row: CameraRow, _ rect: Rect, layout: CameraGridLayout, cursor: Bool, focused: Bool,
                                _ buf: inout CellBuffer) {
        let theme = s.theme
        let slot = s.pictures[row.camera.id]
        PictureView.draw(s, slot, slot.shown, in: Rect(x: rect.x, y: rect.y, width: layout.pictureColumns, height: layout.pictureRows), &buf)
        let y = rect.y + layout.pictureRows
        let base = Chrome.rowStyle(theme, selected: cursor, focused: focused) ?? theme[.text]
        if cursor { buf.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: base) }
        let cam = row.camera
        var col = buf.write(row.selected ? "[x]" : "[ ]", x: rect.x, y: y,
                            style: cursor && focused ? base : (row.selected ? theme[.checkbox_on] : theme[.checkbox_off]))
        col = buf.write(String(format: " %02d ", cam.channel), x: col, y: y, style: cursor && focused ? base : theme[.muted])
        let res = cam.mainStream?.resolution ?? cam.resolution
        let resWidth = rect.width - col + rect.x >= 30 ? TextWidth.of(res) + 1 : 0
        buf.write(row.key, x: col, y: y, width: max(0, rect.maxX - col - 2 - resWidth), style: cursor ? base.adding(.bold) : theme[.text].adding(.bold))
        if resWidth > 0 { buf.write(res, x: rect.maxX - 2 - resWidth, y: y, style: cursor && focused ? base : theme[.muted]) }
        buf.write(mark(row, theme).0, x: rect.maxX - 1, y: y, style: cursor && focused ? base : mark(row, theme).1)
    }

    /// The focused camera's picture beside (or above) the list, with its name and facts under it.
    static func drawFocusedPicture(_ s: AppState, _ row: CameraRow, _ panel: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        let slot = s.pictures[row.camera.id]
        let (caption, picture) = panel.splitBottom(1)
        PictureView.draw(s, slot, slot.shown, in: picture, &buf)
        var text = String(format: "%02d ", row.camera.channel) + row.key
        let facts = PictureView.facts(s, slot.shown)
        if !facts.isEmpty { text += " · " + facts }
        buf.write(TextWidth.fit(text, caption.width, align: .center), x: caption.x, y: caption.y, style: theme[.muted], limit: caption.maxX)
    }

    static func mark(_ row: CameraRow, _ theme: Theme) -> (String, Style) {
        switch row.reachable {
        case true?: return ("●", theme[.ok])
        case false?: return ("✗", theme[.error])
        case nil: return ("○", theme[.muted])
        }
    }

    static func drawTile(_ s: AppState, _ row: CameraRow, x: Int, y: Int, width: Int, cursor: Bool, focused: Bool, _ buf: inout CellBuffer) {
        let theme = s.theme
        let base = Chrome.rowStyle(theme, selected: cursor, focused: focused) ?? theme[.text]
        if cursor { buf.fill(Rect(x: x, y: y, width: width, height: 2), style: base) }
        let cam = row.camera
        var col = x + 1
        let box = row.selected ? "[x]" : "[ ]"
        col = buf.write(box, x: col, y: y, style: cursor && focused ? base : (row.selected ? theme[.checkbox_on] : theme[.checkbox_off]))
        col = buf.write(String(format: " %02d ", cam.channel), x: col, y: y, style: cursor && focused ? base : theme[.muted])
        let mark = Self.mark(row, theme)
        buf.write(row.key, x: col, y: y, width: max(0, x + width - col - 2), style: cursor ? base.adding(.bold) : theme[.text].adding(.bold))
        buf.write(mark.0, x: x + width - 2, y: y, style: cursor && focused ? base : mark.1)
        let main = stream(cam.mainStream, fallbackRes: cam.resolution, fallbackCodec: cam.codec)
        var detail = main
        if let sub = cam.subStream { detail += " · " + stream(sub, fallbackRes: "", fallbackCodec: sub.codec) }
        buf.write(detail, x: x + 5, y: y + 1, width: max(0, width - 6), style: cursor && focused ? base : theme[.muted])
    }

    static func stream(_ st: StreamInfo?, fallbackRes: String, fallbackCodec: String) -> String {
        let res = st?.resolution ?? fallbackRes
        let codec = st?.codec ?? fallbackCodec
        return [res, codec].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
