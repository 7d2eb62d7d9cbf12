import Foundation
import Common
import Core
import Store

/// Downloads: an overall bar, then one bar per camera with percent, size, speed, times real
/// time, ETA and state.
enum DownloadsScreen {
    static func phaseText(_ p: DownloadPhase, started: Bool = false, _ s: AppState) -> (String, Style) {
        let theme = s.theme
        switch p {
        // Queued after it started: the device's stream limit is reached, cameras take turns.
        case .queued where started: return (s.t(Localized(vi: "chờ lượt", en: "waiting")), theme[.muted])
        case .queued: return (s.t(DownloadState.queued.label), theme[.muted])
        case .running: return (s.t(DownloadState.running.label), theme[.info])
        case let .retrying(r): return (s.t(DownloadState.retrying.label) + ": " + s.t(r), theme[.warning])
        case .paused(nil): return (s.t(DownloadState.paused.label), theme[.warning])
        case let .paused(r?): return (s.t(DownloadState.paused.label) + ": " + s.t(r), theme[.warning])
        case .done: return (s.t(DownloadState.done.label), theme[.ok])
        case let .failed(r): return (s.t(DownloadState.failed.label) + ": " + s.t(r), theme[.error])
        case .cancelled: return (s.t(DownloadState.cancelled.label), theme[.muted])
        }
    }

    static func draw(_ s: AppState, _ area: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        let dl = s.downloads
        var title = s.t(Localized(vi: "Tải về", en: "Downloads"))
        if let f = dl.from, let t = dl.to {
            title += " — " + LocalDay.iso(LocalDay.of(f, utcOffset: s.utcOffset)) + " → " + LocalDay.iso(LocalDay.of(t.addingTimeInterval(-1), utcOffset: s.utcOffset))
        }
        let focused = s.focus == .downloadList && s.modal == nil
        let inner = Box.draw(&buf, area, title: title, focused: focused, theme: theme)
        guard inner.height > 3 else { return }
        if dl.rows.isEmpty {
            buf.write(s.t(Localized(vi: "Chưa có lượt tải nào.", en: "No downloads yet.")), x: inner.x + 1, y: inner.y, style: theme[.muted])
            return
        }
        let wide = inner.width >= 110
        // Overall bar.
        let o = dl.overall
        drawLine(s, o, name: s.t(Localized(vi: "Tổng", en: "Overall")), x: inner.x + 1, y: inner.y, width: inner.width - 2,
                 wide: wide, highlight: nil, bold: true, &buf)
        let ruleY = inner.y + (wide ? 1 : 2)
        Box.rule(&buf, y: ruleY, from: inner.x - 1, width: inner.width + 2, theme: theme, focused: focused)
        let top = ruleY + 1
        let perRow = wide ? 1 : 2
        let visible = max(1, (inner.maxY - top) / perRow)
        let first = SourcesScreen.scrollStart(cursor: dl.cursor, count: dl.rows.count, visible: visible)
        for (i, row) in dl.rows.enumerated().dropFirst(first).prefix(visible) {
            let y = top + (i - first) * perRow
            let hl = Chrome.rowStyle(theme, selected: i == dl.cursor, focused: focused)
            drawLine(s, row, name: row.camera, x: inner.x + 1, y: y, width: inner.width - 2, wide: wide, highlight: hl, bold: false, &buf)
        }
        if dl.rows.count > first + visible {
            let more = s.t(Localized(vi: "↓ còn \(dl.rows.count - first - visible)", en: "↓ \(dl.rows.count - first - visible) more"))
            buf.write(more, x: inner.maxX - TextWidth.of(more) - 1, y: inner.maxY - 1, style: theme[.muted])
        }
    }

    /// One camera (or the overall line): on wide screens one line, otherwise two.
    static func drawLine(_ s: AppState, _ r: DownloadRow, name: String, x: Int, y: Int, width: Int, wide: Bool,
                         highlight: Style?, bold: Bool, _ buf: inout CellBuffer) {
        let theme = s.theme
        let nameStyle = highlight ?? (bold ? theme[.text].adding(.bold) : theme[.text])
        let (state, stateStyle) = phaseText(r.phase, started: r.mediaDone > 0 || r.bytes > 0, s)
        let pct = Format.percent(r.fraction)
        let size = Format.bytes(r.bytes)
        let speed = r.phase.isActive ? Format.speed(r.bytesPerSecond) : "–"
        let rt = r.phase.isActive ? Format.realtime(r.realtimeFactor) : "–"
        let eta = (r.phase.isActive && r.etaSeconds != nil) ? s.t(Format.etaWord) + Format.duration(r.etaSeconds) : ""
        if wide {
            let nameW = 18, barW = max(10, width - nameW - 62)
            buf.write(name, x: x, y: y, width: nameW, style: nameStyle)
            var cx = x + nameW + 1
            ProgressBar.draw(&buf, x: cx, y: y, width: barW, fraction: r.fraction, theme: theme)
            cx += barW + 1
            for (text, w) in [(pct, 5), (size, 10), (speed, 11), (rt, 6), (eta, 12)] {
                buf.write(text, x: cx, y: y, width: w, style: theme[.text], align: .right)
                cx += w + 1
            }
            buf.write(state, x: cx + 1, y: y, width: max(0, x + width - cx - 1), style: stateStyle)
        } else {
            let nameW = min(24, width / 3)
            buf.write(name, x: x, y: y, width: nameW, style: nameStyle)
            let right = pct + "  " + eta
            let rw = TextWidth.of(right)
            buf.write(state, x: x + nameW + 1, y: y, width: max(0, width - nameW - rw - 3), style: stateStyle)
            buf.write(right, x: x + width - rw, y: y, style: theme[.text])
            let stats = "\(size)  \(speed)  \(rt)"
            let sw = TextWidth.of(stats)
            ProgressBar.draw(&buf, x: x, y: y + 1, width: max(8, width - sw - 2), fraction: r.fraction, theme: theme)
            buf.write(stats, x: x + width - sw, y: y + 1, style: theme[.muted])
        }
    }
}
