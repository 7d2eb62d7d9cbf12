import Foundation
import Common
import Core

/// Downloads: an overall bar, then one bar per camera with percent, size, speed, times real
/// time, ETA and state. With more than one job, each job's cameras stand under a line naming the
/// job, its source, range and state.
enum DownloadsScreen {
    /// What one line of the list shows.
    enum Line: Equatable {
        case job(DownloadJobInfo)
        case row(Int)
    }

    /// The list's lines: the rows, each job's under its header when there are several jobs.
    static func lines(_ dl: DownloadsState) -> [Line] {
        guard dl.jobs.count > 1 else { return dl.rows.indices.map(Line.row) }
        var out: [Line] = []
        for job in dl.jobs {
            let mine = dl.rows.indices.filter { dl.rows[$0].jobID == job.id }
            out.append(.job(job))
            out += mine.map(Line.row)
        }
        return out
    }

    static func range(_ s: AppState, _ from: Date?, _ to: Date?) -> String? {
        guard let f = from, let t = to else { return nil }
        return LocalDay.iso(LocalDay.of(f, utcOffset: s.utcOffset)) + " → " + LocalDay.iso(LocalDay.of(t.addingTimeInterval(-1), utcOffset: s.utcOffset))
    }

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
        if dl.jobs.count == 1, let r = range(s, dl.jobs[0].from, dl.jobs[0].to) { title += " — " + r }
        let focused = s.focus == .downloadList && s.modal == nil
        let inner = Box.draw(&buf, area, title: title, focused: focused, theme: theme)
        guard inner.height > 3 else { return }
        // the synced sources' lines at the bottom, under a rule, when there is room
        let syncShown = min(dl.sync.count, max(0, (inner.height - 4) / 2), 4)
        let listBottom = syncShown > 0 ? inner.maxY - syncShown - 1 : inner.maxY
        if syncShown > 0 {
            Box.rule(&buf, y: listBottom, from: inner.x - 1, width: inner.width + 2, theme: theme, focused: focused)
            for (i, line) in dl.sync.prefix(syncShown).enumerated() {
                drawSync(s, line, x: inner.x + 1, y: listBottom + 1 + i, width: inner.width - 2, &buf)
            }
        }
        if dl.rows.isEmpty {
            let text = dl.starting > 0 ? Localized(vi: "Đang bắt đầu tải…", en: "Starting the download…")
                : Localized(vi: "Chưa có lượt tải nào.", en: "No downloads yet.")
            buf.write(s.t(text), x: inner.x + 1, y: inner.y, style: theme[.muted])
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
        // a job header takes one line, a camera `perRow`: scroll so the cursor's camera shows
        let lines = lines(dl)
        let height = { (l: Line) -> Int in if case .job = l { 1 } else { perRow } }
        let room = listBottom - top
        let cursorLine = lines.firstIndex(of: .row(dl.cursor)) ?? 0
        var first = 0
        while first < cursorLine && lines[first...cursorLine].reduce(0, { $0 + height($1) }) > room { first += 1 }
        // a header stays above its first camera when there is room
        if first > 0, case .job = lines[first - 1], lines[(first - 1)...cursorLine].reduce(0, { $0 + height($1) }) <= room { first -= 1 }
        var y = top, shown = first
        for line in lines[first...] {
            guard y + height(line) <= listBottom else { break }
            switch line {
            case let .job(job):
                drawJob(s, job, x: inner.x + 1, y: y, width: inner.width - 2, &buf)
            case let .row(i):
                let hl = Chrome.rowStyle(theme, selected: i == dl.cursor, focused: focused)
                drawLine(s, dl.rows[i], name: dl.rows[i].camera, x: inner.x + 1, y: y, width: inner.width - 2, wide: wide, highlight: hl,
                         bold: false, &buf)
            }
            y += height(line)
            shown += 1
        }
        let left = lines[shown...].filter { if case .row = $0 { true } else { false } }.count
        if left > 0 {
            let more = s.t(Localized(vi: "↓ còn \(left)", en: "↓ \(left) more"))
            buf.write(more, x: inner.maxX - TextWidth.of(more) - 1, y: listBottom - 1, style: theme[.muted])
        }
    }

    /// A synced source: how far its footage is saved and how far behind now that is, the next
    /// pass (or the sync process running it), and the last error.
    static func drawSync(_ s: AppState, _ line: SyncLine, x: Int, y: Int, width: Int, _ buf: inout CellBuffer) {
        let theme = s.theme
        func clock(_ d: Date) -> String {
            let day = LocalDay.of(d, utcOffset: s.utcOffset)
            let today = LocalDay.of(s.now, utcOffset: s.utcOffset)
            let t = d.addingTimeInterval(Double(s.utcOffset))
            let secs = Int(t.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) + 86_400) % 86_400
            let hm = String(format: "%02d:%02d", secs / 3600, secs % 3600 / 60)
            return day == today ? hm : LocalDay.iso(day) + " " + hm
        }
        var cx = buf.write(s.t(Localized(vi: "⟳ Đồng bộ ", en: "⟳ Sync ")), x: x, y: y, style: theme[.info].adding(.bold))
        cx = buf.write(line.source, x: cx, y: y, style: theme[.text].adding(.bold), limit: min(cx + 24, x + width))
        var parts: [String] = []
        if let saved = line.lastSaved {
            let behind = Format.duration(max(0, s.now.timeIntervalSince(saved)))
            parts.append(s.t(Localized(vi: "đã lưu đến \(clock(saved)) (chậm \(behind))", en: "saved up to \(clock(saved)) (\(behind) behind)")))
        }
        if let pid = line.runningPID {
            parts.append(s.t(Localized(vi: "đang chạy (pid \(pid))", en: "running (pid \(pid))")))
        } else if let next = line.nextRun {
            parts.append(s.t(Localized(vi: "lượt sau \(clock(next))", en: "next pass \(clock(next))")))
        }
        cx = buf.write("  " + parts.joined(separator: " · "), x: cx, y: y, style: theme[.muted], limit: x + width)
        if let e = line.error, cx + 3 < x + width {
            buf.write("  " + s.t(e), x: cx, y: y, width: x + width - cx, style: theme[.error])
        }
    }

    /// A job's header: its number, source, range and state (or how it ended).
    static func drawJob(_ s: AppState, _ job: DownloadJobInfo, x: Int, y: Int, width: Int, _ buf: inout CellBuffer) {
        let theme = s.theme
        var head = s.t(Localized(vi: "Lượt \(job.id)", en: "Job \(job.id)")) + " · " + job.source
        if let r = range(s, job.from, job.to) { head += " · " + r }
        let (state, style) = phaseText(job.phase, s)
        buf.write(head, x: x, y: y, width: width, style: theme[.title].adding(.bold))
        let hw = TextWidth.of(head)
        if hw + 3 < width { buf.write(state, x: x + hw + 3, y: y, width: width - hw - 3, style: style) }
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
