import Foundation
import Common

/// The dialogs drawn over a screen: help, confirmations and the save report.
enum Dialogs {
    static func draw(_ modal: Modal, _ s: AppState, _ area: Rect, _ buf: inout CellBuffer) {
        switch modal {
        case .help: help(s, area, &buf)
        case .confirmQuit:
            let n = s.downloads.rows.filter { $0.phase.isActive }.count
            confirm(s, area, title: s.t(Localized(vi: "Thoát?", en: "Quit?")),
                    body: Localized(vi: "Đang tải \(n) camera. Thoát bây giờ? Phần chưa tải sẽ tự tải tiếp khi mở lại VTrack.",
                                    en: "\(n) camera\(n == 1 ? " is" : "s are") downloading. Quit now? What is left resumes by itself the next time VTrack opens."),
                    yes: Localized(vi: "thoát", en: "quit"), no: Localized(vi: "ở lại", en: "stay"), &buf)
        case let .confirmCancel(_, camera):
            let body = camera.map { Localized(vi: "Huỷ tải \($0)? Các tệp đã tải xong vẫn được giữ.", en: "Cancel the download of \($0)? Files already finished are kept.") }
                ?? Localized(vi: "Huỷ mọi lượt tải? Các tệp đã tải xong vẫn được giữ.", en: "Cancel every download? Files already finished are kept.")
            confirm(s, area, title: s.t(Localized(vi: "Huỷ tải?", en: "Cancel?")), body: body,
                    yes: Localized(vi: "huỷ tải", en: "cancel it"), no: Localized(vi: "tiếp tục tải", en: "keep going"), &buf)
        case .confirmDownload:
            confirm(s, area, title: s.t(Localized(vi: "Tải về?", en: "Download?")), body: downloadSummary(s),
                    yes: Localized(vi: "bắt đầu", en: "start"), no: Localized(vi: "chưa", en: "not now"), &buf)
        case .saveReport: saveReport(s, area, &buf)
        }
    }

    static func downloadSummary(_ s: AppState) -> Localized {
        let names = s.cameras.selectedNames
        guard let (from, to) = s.rangeInstants() else { return Localized(vi: "", en: "") }
        let a = LocalDay.iso(s.dates.start ?? 0) + " " + s.dates.startTime.text
        let b = LocalDay.iso(s.dates.end ?? 0) + " " + s.dates.endTime.text
        var footage = ""
        var footageVi = ""
        if s.dates.coverageStatus == .loaded, !s.dates.coverage.isEmpty {
            let have = s.dates.coverage.reduce(0.0) { $0 + $1.seconds(from: from, to: to) }
            footage = " About \(Format.hours(have)) of footage."
            footageVi = " Khoảng \(Format.hours(have)) có hình."
        }
        let root = (s.cameras.connection?.videoRoot ?? s.config.videoRoot) + "/" + (s.cameras.connection?.name ?? "")
        let list = names.joined(separator: ", ")
        return Localized(vi: "Tải \(names.count) camera (\(list)) từ \(a) đến \(b) (giờ máy).\(footageVi) Tệp MP4 vào \(root)/…",
                         en: "Download \(names.count) camera\(names.count == 1 ? "" : "s") (\(list)) from \(a) to \(b) (local time).\(footage) MP4 files go to \(root)/…")
    }

    static func confirm(_ s: AppState, _ area: Rect, title: String, body: Localized, yes: Localized, no: Localized, _ buf: inout CellBuffer) {
        let theme = s.theme
        let w = min(64, area.width - 4)
        let lines = TextWidth.wrap(s.t(body), width: w - 4)
        let inner = ModalBox.draw(&buf, in: area, width: w, height: lines.count + 4, title: title, theme: theme)
        var fill = theme[.modal]
        if fill == .plain { fill = theme[.text] }
        for (i, line) in lines.enumerated() {
            buf.write(line, x: inner.x + 1, y: inner.y + i, style: fill, limit: inner.maxX)
        }
        let y = inner.maxY - 1
        var x = inner.x + 1
        x = buf.write("y", x: x, y: y, style: Style(fg: theme[.help_key].fg, bg: fill.bg, attrs: theme[.help_key].attrs))
        x = buf.write(" " + s.t(yes) + "   ", x: x, y: y, style: fill)
        x = buf.write("n", x: x, y: y, style: Style(fg: theme[.help_key].fg, bg: fill.bg, attrs: theme[.help_key].attrs))
        buf.write(" " + s.t(no), x: x, y: y, style: fill)
    }

    static func saveReport(_ s: AppState, _ area: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        guard let r = s.cameras.report else { return }
        var fill = theme[.modal]
        if fill == .plain { fill = theme[.text] }
        func on(_ st: Style) -> Style { Style(fg: st.fg, bg: fill.bg, attrs: st.attrs) }
        let w = min(area.width - 4, 100)
        var lines: [(String, Style)] = []
        let head = s.t(Localized(vi: "Thư mục gốc: ", en: "Video root: ")) + r.videoRoot
            + (r.freeGB.map { "  (" + s.t(Localized(vi: "trống ", en: "free ")) + Format.gigabytes($0) + ")" } ?? "")
        lines.append((head, fill.adding(.bold)))
        if let p = r.problem {
            for l in TextWidth.wrap(s.t(p), width: w - 4) { lines.append((l, on(theme[.error]))) }
        }
        for n in r.notes {
            for l in TextWidth.wrap("! " + s.t(n), width: w - 4) { lines.append((l, on(theme[.warning]))) }
        }
        for f in r.folders {
            let ok = f.problem == nil
            let free = f.freeGB.map { "  " + Format.gigabytes($0) + s.t(Localized(vi: " trống", en: " free")) } ?? ""
            // Under the video root (shown above), the folder is short enough to read whole.
            let root = r.videoRoot.hasSuffix("/") ? r.videoRoot : r.videoRoot + "/"
            let path = f.path.hasPrefix(root) ? String(f.path.dropFirst(root.count)) : f.path
            lines.append(((ok ? "✓ " : "✗ ") + f.camera + " → " + path + free, ok ? on(theme[.ok]) : on(theme[.error])))
            if let p = f.problem {
                for l in TextWidth.wrap(s.t(p), width: w - 6) { lines.append(("  " + l, on(theme[.error]))) }
            }
        }
        let maxLines = max(1, area.height - 6)
        if lines.count > maxLines { lines = Array(lines.prefix(maxLines - 1)) + [("…", fill)] }
        let title = r.ok ? s.t(Localized(vi: "Đã lưu", en: "Saved")) : s.t(Localized(vi: "Chưa lưu", en: "Not saved"))
        let inner = ModalBox.draw(&buf, in: area, width: w, height: lines.count + 4, title: title, theme: theme)
        for (i, (text, st)) in lines.enumerated() {
            buf.write(TextWidth.truncate(text, to: inner.width - 2), x: inner.x + 1, y: inner.y + i, style: st, limit: inner.maxX)
        }
        let footer = r.ok ? Localized(vi: "Enter: sang chọn ngày   Esc: đóng", en: "Enter: go on to the dates   Esc: close")
                          : Localized(vi: "Esc: đóng, sửa rồi lưu lại (s)", en: "Esc: close, fix it and save again (s)")
        buf.write(s.t(footer), x: inner.x + 1, y: inner.maxY - 1, style: on(theme[.muted]), limit: inner.maxX)
    }

    /// The help overlay's lines: a heading per context, then its keys.
    static func helpLines(_ s: AppState) -> [(keys: String, text: String, heading: Bool)] {
        var lines: [(String, String, Bool)] = []
        for c in s.screenContexts {
            lines.append(("", s.t(c.title), true))
            for b in Keymap.bindings(in: c) { lines.append((b.keysLabel, s.t(b.description), false)) }
        }
        return lines
    }

    static func helpRect(_ s: AppState) -> Rect {
        let area = Rect(x: 0, y: 1, width: s.width, height: s.height - 2)
        let w = area.width < 100 ? area.width : min(area.width - 4, 96)
        return area.centered(width: w, height: min(area.height, helpLines(s).count + 3))
    }

    /// How far the help can scroll before its last line shows.
    static func helpMaxScroll(_ s: AppState) -> Int {
        max(0, helpLines(s).count - (helpRect(s).height - 3))
    }

    static func help(_ s: AppState, _ area: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        var fill = theme[.modal]
        if fill == .plain { fill = theme[.text] }
        let lines = helpLines(s)
        let rect = helpRect(s)
        let title = s.t(Localized(vi: "Trợ giúp — phím", en: "Help — keys"))
        let inner = Box.draw(&buf, rect, title: title, focused: true, theme: theme, fill: fill)
        let keyW = 18
        let rows = inner.height - 1
        let scroll = min(s.helpScroll, max(0, lines.count - rows))
        for (i, line) in lines.dropFirst(scroll).prefix(rows).enumerated() {
            let y = inner.y + i
            if line.heading {
                buf.write(line.text, x: inner.x + 1, y: y, style: Style(fg: theme[.title].fg, bg: fill.bg, attrs: theme[.title].attrs), limit: inner.maxX)
            } else {
                buf.write(line.keys, x: inner.x + 2, y: y, width: keyW, style: Style(fg: theme[.help_key].fg, bg: fill.bg, attrs: theme[.help_key].attrs))
                buf.write(line.text, x: inner.x + 3 + keyW, y: y, style: fill, limit: inner.maxX)
            }
        }
        var footer = s.t(Localized(vi: "Esc, ? hoặc q: đóng", en: "Esc, ? or q: close"))
        if lines.count > rows {
            footer += s.t(Localized(vi: "   ↑↓ PgUp PgDn: cuộn (\(scroll + 1)–\(min(lines.count, scroll + rows))/\(lines.count))",
                                    en: "   ↑↓ PgUp PgDn: scroll (\(scroll + 1)–\(min(lines.count, scroll + rows))/\(lines.count))"))
        }
        buf.write(footer, x: inner.x + 1, y: inner.maxY - 1,
                  style: Style(fg: theme[.muted].fg, bg: fill.bg, attrs: theme[.muted].attrs), limit: inner.maxX)
    }
}
