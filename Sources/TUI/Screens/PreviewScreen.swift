import Common
import Foundation

/// The full-screen preview of one camera: its picture as large as the window allows, with
/// name, channel, resolution and the picture's time; still pictures refreshed every second
/// (configurable), or live video from the sub stream.
enum PreviewScreen {
    static func draw(_ s: AppState, _ area: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        guard let p = s.pictures.preview, let row = s.previewRow else { return }
        buf.fill(area, style: theme[.text])
        let title = (row.selected ? "[x] " : "[ ] ") + String(format: "%02d ", row.camera.channel) + row.key
        let inner = Box.draw(&buf, area, title: title, focused: s.modal == nil, theme: theme)
        guard inner.height > 3 else { return }
        let slot = s.pictures[row.camera.id]
        let live = p.live.flatMap { $0.ended == nil ? $0 : nil }
        let shown = live != nil ? live?.frame : slot.shown

        // The facts line.
        var parts: [String] = [s.t(Localized(vi: "Kênh \(row.camera.channel)", en: "Channel \(row.camera.channel)"))]
        if let shown { parts.append(shown.resolution) }
        var x = inner.x + 1
        if let live {
            x = buf.write("● " + s.t(Localized(vi: "TRỰC TIẾP", en: "LIVE")), x: x, y: inner.y, style: theme[.error].adding(.bold))
            parts.append(s.t(Localized(vi: "luồng phụ · \(live.frames) hình", en: "sub stream · \(live.frames) picture\(live.frames == 1 ? "" : "s")")))
            x = buf.write("  " + parts.joined(separator: " · "), x: x, y: inner.y, style: theme[.text], limit: inner.maxX)
        } else {
            if let t = shown?.takenAt {
                parts.append(s.t(Localized(vi: "ảnh lúc ", en: "taken at ")) + Format.clock(t, utcOffset: s.utcOffset))
            }
            let every = seconds(s.pictureSettings.previewRefresh)
            parts.append(s.t(Localized(vi: "làm mới mỗi \(every) giây", en: "refreshed every \(every) s")))
            x = buf.write(parts.joined(separator: " · "), x: x, y: inner.y, style: theme[.text], limit: inner.maxX)
            if slot.loading { buf.write(" " + Spinner.frame(s.frame), x: x, y: inner.y, style: theme[.info], limit: inner.maxX) }
        }
        // Why the last picture or the live view failed, when it did.
        let problem = p.live?.ended ?? (live == nil && slot.shown != nil ? slot.failure : nil)
        if let problem {
            buf.write(TextWidth.truncate(s.t(problem), to: inner.width - 2), x: inner.x + 1, y: inner.y + 1, style: theme[.warning], limit: inner.maxX)
        }
        var ptzRows = p.ptz.map { PTZLines.rows($0) } ?? 0
        if inner.height <= ptzRows + 3 { ptzRows = 0 }
        if let ptz = p.ptz, ptzRows > 0 {
            PTZLines.draw(s, ptz, Rect(x: inner.x, y: inner.maxY - ptzRows, width: inner.width, height: ptzRows), &buf)
        }
        let pictureRect = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2 - ptzRows)
        if let live, live.frame == nil {
            let text = Spinner.frame(s.frame) + " " + s.t(Localized(vi: "đang mở luồng trực tiếp…", en: "opening the live stream…"))
            let r = pictureRect.centered(width: TextWidth.of(text), height: 1)
            buf.write(text, x: r.x, y: r.y, style: theme[.info], limit: pictureRect.maxX)
            return
        }
        PictureView.draw(s, live != nil ? PictureSlot(shown: shown) : slot, shown, in: pictureRect, &buf)
    }

    /// `1`, `0.5`, `2.5`: a number of seconds as people write it.
    static func seconds(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }
}
