import Foundation
import Common

/// The parts around every screen: top bar, log pane, status bar, help bar, "too small".
enum Chrome {
    static func header(_ s: AppState, _ buf: inout CellBuffer) {
        let theme = s.theme
        buf.fill(Rect(x: 0, y: 0, width: s.width, height: 1), style: theme[.header])
        var x = buf.write(" VTrack ", x: 0, y: 0, style: theme[.header].adding(.bold))
        for screen in Screen.allCases {
            let label = " \(screen.rawValue + 1) \(s.t(screen.title)) "
            let style = screen == s.screen ? theme[.tab_active] : theme[.header]
            x = buf.write(label, x: x, y: 0, style: style)
        }
        if let c = s.cameras.connection {
            let right = " \(c.name) "
            let w = TextWidth.of(right)
            if x + w + 1 < s.width { buf.write(right, x: s.width - w, y: 0, style: theme[.header]) }
        }
    }

    static func logPane(_ s: AppState, _ rect: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        let focused = s.focus == .log && s.modal == nil
        var title = s.t(Localized(vi: "Nhật ký", en: "Log"))
        if s.log.scroll > 0 { title += " ↑\(s.log.scroll)" }
        let inner = Box.draw(&buf, rect, title: title, focused: focused, theme: theme)
        let lines = s.log.lines
        let end = max(0, lines.count - s.log.scroll)
        let start = max(0, end - inner.height)
        for (row, line) in lines[start..<end].enumerated() {
            let y = inner.y + row
            let x = buf.write(Format.clock(line.time, utcOffset: s.utcOffset) + " ", x: inner.x + 1, y: y, style: theme[.muted], limit: inner.maxX)
            let style: Style
            switch line.level {
            case .info: style = theme[.text]
            case .ok: style = theme[.ok]
            case .warning: style = theme[.warning]
            case .error: style = theme[.error]
            }
            buf.write(TextWidth.truncate(s.t(line.text), to: inner.maxX - x), x: x, y: y, style: style, limit: inner.maxX)
        }
        if lines.isEmpty {
            buf.write(s.t(Localized(vi: "Chưa có sự kiện nào.", en: "Nothing has happened yet.")), x: inner.x + 1, y: inner.y, style: theme[.muted], limit: inner.maxX)
        }
    }

    static func statusBar(_ s: AppState, y: Int, _ buf: inout CellBuffer) {
        let theme = s.theme
        let bar = theme[.status_bar]
        buf.fill(Rect(x: 0, y: y, width: s.width, height: 1), style: bar)
        var right = ""
        if !s.downloads.rows.isEmpty {
            let o = s.downloads.overall
            let done = s.downloads.rows.filter { $0.phase == .done }.count
            right = s.t(Localized(vi: "Tải \(done)/\(s.downloads.rows.count) xong ", en: "Downloads \(done)/\(s.downloads.rows.count) done ")) + Format.percent(o.fraction).trimmingCharacters(in: .whitespaces)
        }
        right += "  \(s.lang.rawValue) · \(s.theme.name) "
        let rw = TextWidth.of(right)
        buf.write(right, x: s.width - rw, y: y, style: bar)
        let leftLimit = s.width - rw - 1
        if let n = s.notice {
            var st = bar
            switch n.level {
            case .error: st = Style(fg: theme[.error].fg, bg: bar.bg, attrs: theme[.error].attrs)
            case .warning: st = Style(fg: theme[.warning].fg, bg: bar.bg, attrs: theme[.warning].attrs.union(.bold))
            case .ok: st = Style(fg: theme[.ok].fg, bg: bar.bg, attrs: theme[.ok].attrs)
            case .info: break
            }
            buf.write(" " + TextWidth.truncate(s.t(n.text), to: leftLimit - 1), x: 0, y: y, style: st, limit: leftLimit)
            return
        }
        var parts: [String] = []
        if let c = s.cameras.connection {
            parts.append("\(c.name) (\(c.host):\(c.port))")
            let total = s.cameras.rows.count, sel = s.cameras.selectedNames.count
            parts.append(s.t(Localized(vi: "\(total) camera, chọn \(sel)", en: "\(total) camera\(total == 1 ? "" : "s"), \(sel) ticked")))
            if s.cameras.isSaved { parts.append(s.t(Localized(vi: "đã lưu", en: "saved"))) }
        } else {
            parts.append(s.t(Localized(vi: "\(s.sources.saved.count) nguồn đã lưu, \(s.sources.found.count) thiết bị tìm thấy",
                                       en: "\(s.sources.saved.count) saved source\(s.sources.saved.count == 1 ? "" : "s"), \(s.sources.found.count) device\(s.sources.found.count == 1 ? "" : "s") found")))
        }
        buf.write(" " + TextWidth.truncate(parts.joined(separator: " │ "), to: leftLimit - 2), x: 0, y: y, style: bar, limit: leftLimit)
    }

    /// The bottom line: the current keys with their short labels (disabled ones dimmed).
    /// When the line is too narrow for all of them, the screen's main keys and `?` help stay
    /// and the others are left out (the `?` overlay lists every key).
    static func helpBar(_ s: AppState, y: Int, _ buf: inout CellBuffer) {
        let theme = s.theme
        let items = helpBarItems(s)
        for item in items {
            let disabled = item.disabled
            let x = buf.write(item.key, x: item.x, y: y, style: disabled ? theme[.help_disabled] : theme[.help_key])
            buf.write(" " + item.label, x: x, y: y, style: disabled ? theme[.help_disabled] : theme[.help_text])
        }
    }

    /// One entry of the help bar, placed.
    struct HelpBarItem: Equatable {
        var key: String
        var label: String
        var disabled: Bool
        var x: Int
    }

    /// The entries the help bar shows now, in keymap order, with their columns.
    static func helpBarItems(_ s: AppState) -> [HelpBarItem] {
        var seen = Set<Action>()
        var all: [(binding: KeyBinding, key: String, label: String, width: Int)] = []
        for context in s.activeContexts {
            for b in Keymap.bindings(in: context) {
                guard let short = b.short, !seen.contains(b.action) else { continue }
                if s.isTyping, b.keys.allSatisfy({ $0.printable != nil }) { continue }
                seen.insert(b.action)
                let key = b.barKeys ?? b.shortKeysLabel
                let label = s.t(short)
                all.append((b, key, label, TextWidth.of(key) + 1 + TextWidth.of(label) + 2))
            }
        }
        // Main keys first, then the rest in order, while they fit.
        var budget = s.width - 1
        var chosen = Set<Int>()
        for pass in [true, false] {
            for (i, item) in all.enumerated() where item.binding.primary == pass {
                let need = item.width - (i == all.count - 1 ? 2 : 0)
                if need <= budget { chosen.insert(i); budget -= item.width }
            }
        }
        var x = 1
        var placed: [HelpBarItem] = []
        for (i, item) in all.enumerated() where chosen.contains(i) {
            placed.append(HelpBarItem(key: item.key, label: item.label, disabled: s.disabledReason(item.binding.action) != nil, x: x))
            x += item.width
        }
        return placed
    }

    static func tooSmall(_ s: AppState, _ buf: inout CellBuffer) {
        let theme = s.theme
        let lines = [
            s.t(Localized(vi: "Cửa sổ quá nhỏ (\(s.width)×\(s.height)).", en: "The window is too small (\(s.width)×\(s.height)).")),
            s.t(Localized(vi: "Hãy phóng to ít nhất \(AppState.minWidth)×\(AppState.minHeight).", en: "Enlarge the window to at least \(AppState.minWidth)×\(AppState.minHeight).")),
            s.t(Localized(vi: "q: thoát", en: "q: quit")),
        ]
        let top = max(0, (s.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let wrapped = TextWidth.truncate(line, to: s.width)
            let x = max(0, (s.width - TextWidth.of(wrapped)) / 2)
            buf.write(wrapped, x: x, y: top + i, style: i == 2 ? theme[.muted] : theme[.warning])
        }
    }

    /// A marker for a row under the cursor.
    static func rowStyle(_ theme: Theme, selected: Bool, focused: Bool) -> Style? {
        guard selected else { return nil }
        return focused ? theme[.selected] : theme[.text].adding(.bold)
    }
}
