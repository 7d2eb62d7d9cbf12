import Foundation
import Common

/// Devices & sources: saved sources above (or left), devices found live on the LAN below.
enum SourcesScreen {
    static func draw(_ s: AppState, _ area: Rect, _ buf: inout CellBuffer) {
        let savedRect: Rect, foundRect: Rect
        if area.width >= 160 {
            (savedRect, foundRect) = area.splitLeft(area.width * 11 / 20)
        } else {
            (savedRect, foundRect) = area.splitTop(area.height / 2)
        }
        drawSaved(s, savedRect, &buf)
        drawFound(s, foundRect, &buf)
    }

    static func drawSaved(_ s: AppState, _ rect: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        let focused = s.focus == .savedList && s.modal == nil
        let title = s.t(Localized(vi: "Nguồn đã lưu", en: "Saved sources")) + " (\(s.sources.saved.count))"
        let inner = Box.draw(&buf, rect, title: title, focused: focused, theme: theme)
        guard inner.height > 0 else { return }
        if s.sources.saved.isEmpty {
            let text: Localized
            switch s.sources.loadStatus {
            case .loading: text = Localized(vi: "Đang đọc cơ sở dữ liệu…", en: "Reading the database…")
            case let .failed(m): text = m
            default: text = Localized(vi: "Chưa có nguồn nào. Nhấn a để thêm, hoặc Tab rồi Enter trên một thiết bị tìm thấy.",
                                      en: "No source yet. Press a to add one, or Tab then Enter on a device found on the network.")
            }
            for (i, line) in TextWidth.wrap(s.t(text), width: inner.width - 1).prefix(inner.height).enumerated() {
                buf.write(line, x: inner.x + 1, y: inner.y + i, style: theme[.muted], limit: inner.maxX)
            }
            return
        }
        let w = inner.width
        let nameW = max(12, w * 26 / 100), addrW = max(14, w * 28 / 100), camW = 10
        let resultW = max(0, w - nameW - addrW - camW - 4)
        let header = [(s.t(Localized(vi: "Tên", en: "Name")), nameW), (s.t(Localized(vi: "Địa chỉ", en: "Address")), addrW),
                      (s.t(Localized(vi: "Camera", en: "Cameras")), camW), (s.t(Localized(vi: "Lần kiểm tra cuối", en: "Last test")), resultW)]
        drawRow(header.map { ($0.0, $0.1, theme[.muted].adding(.bold)) }, x: inner.x + 1, y: inner.y, &buf)
        let rows = inner.height - 1
        let first = scrollStart(cursor: s.sources.savedCursor, count: s.sources.saved.count, visible: rows)
        for (i, src) in s.sources.saved.enumerated().dropFirst(first).prefix(rows) {
            let y = inner.y + 1 + i - first
            let isCursor = i == s.sources.savedCursor
            let base = Chrome.rowStyle(theme, selected: isCursor, focused: focused) ?? theme[.text]
            if isCursor { buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: base) }
            let result: String
            var resultStyle = base
            if let r = src.lastResult {
                result = (src.lastOK == true ? "✓ " : "✗ ") + s.t(r)
                if !isCursor || !focused { resultStyle = src.lastOK == true ? theme[.ok] : theme[.error] }
            } else {
                result = s.t(Localized(vi: "chưa kiểm tra trong phiên này", en: "not tested this session"))
                if !isCursor || !focused { resultStyle = theme[.muted] }
            }
            drawRow([(src.name, nameW, base), ("\(src.host):\(src.port)", addrW, base),
                     ("\(src.selected.count)/\(src.cameras.count)", camW, base), (result, resultW, resultStyle)],
                    x: inner.x + 1, y: y, &buf)
        }
    }

    static func drawFound(_ s: AppState, _ rect: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        let focused = s.focus == .foundList && s.modal == nil
        var title = s.t(Localized(vi: "Tìm thấy trên mạng", en: "Found on the network")) + " (\(s.sources.found.count))"
        if s.sources.discovering { title += " " + Spinner.frame(s.frame) }
        let inner = Box.draw(&buf, rect, title: title, focused: focused, theme: theme)
        guard inner.height > 0 else { return }
        if s.sources.found.isEmpty {
            let text: Localized
            var style = theme[.muted]
            if s.sources.discovering {
                text = Localized(vi: "Đang dò mạng (WS-Discovery)…", en: "Searching the network (WS-Discovery)…")
            } else if let p = s.sources.discoveryProblem {
                text = p; style = theme[.warning]
            } else {
                text = Localized(vi: "Không tìm thấy thiết bị nào. Nhấn r để dò lại, hoặc a để nhập địa chỉ.",
                                 en: "No device found. Press r to search again, or a to type an address.")
            }
            for (i, line) in TextWidth.wrap(s.t(text), width: inner.width - 1).prefix(inner.height).enumerated() {
                buf.write(line, x: inner.x + 1, y: inner.y + i, style: style, limit: inner.maxX)
            }
            return
        }
        let w = inner.width
        let nameW = max(12, w * 30 / 100), hwW = max(10, w * 22 / 100), addrW = max(14, w * 26 / 100)
        let profW = max(0, w - nameW - hwW - addrW - 4)
        drawRow([(s.t(Localized(vi: "Tên", en: "Name")), nameW, theme[.muted].adding(.bold)),
                 (s.t(Localized(vi: "Phần cứng", en: "Hardware")), hwW, theme[.muted].adding(.bold)),
                 (s.t(Localized(vi: "Địa chỉ", en: "Address")), addrW, theme[.muted].adding(.bold)),
                 ("Profile", profW, theme[.muted].adding(.bold))], x: inner.x + 1, y: inner.y, &buf)
        let rows = inner.height - 1
        let first = scrollStart(cursor: s.sources.foundCursor, count: s.sources.found.count, visible: rows)
        for (i, d) in s.sources.found.enumerated().dropFirst(first).prefix(rows) {
            let y = inner.y + 1 + i - first
            let isCursor = i == s.sources.foundCursor
            let base = Chrome.rowStyle(theme, selected: isCursor, focused: focused) ?? theme[.text]
            if isCursor { buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: base) }
            let addr = "\(d.host):\(d.port)" + (d.otherSubnet ? " ⚠" : "")
            drawRow([(d.name.isEmpty ? d.host : d.name, nameW, base), (d.hardware, hwW, base), (addr, addrW, base),
                     (d.profiles.joined(separator: " "), profW, base)], x: inner.x + 1, y: y, &buf)
        }
    }

    /// Writes columns separated by one space.
    static func drawRow(_ columns: [(String, Int, Style)], x: Int, y: Int, _ buf: inout CellBuffer) {
        var col = x
        for (text, width, style) in columns where width > 0 {
            buf.write(text, x: col, y: y, width: width, style: style)
            col += width + 1
        }
    }

    /// The first row to show so the cursor stays visible.
    static func scrollStart(cursor: Int, count: Int, visible: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        return min(max(0, cursor - visible + 1), count - visible)
    }
}
