import Foundation
import Common

/// The source form: address, port, user, password (masked), name, video root, and the test.
enum FormScreen {
    static func draw(_ s: AppState, _ area: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        let title = s.form.editingSaved.map { s.t(Localized(vi: "Sửa nguồn: ", en: "Edit source: ")) + $0 }
            ?? s.t(Localized(vi: "Nguồn ONVIF mới", en: "New ONVIF source"))
        let focusedPane = s.modal == nil && s.focus != .log
        let inner = Box.draw(&buf, area, title: title, focused: focusedPane, theme: theme)
        guard inner.height > 3 else { return }
        let labelW = 14
        let fieldX = inner.x + 2 + labelW
        let fieldW = min(50, inner.maxX - fieldX - 1)
        let spacing = inner.height >= 22 ? 2 : 1
        var y = inner.y + (spacing == 2 ? 1 : 0)
        for field in FormField.allCases where field != .testButton {
            let focused = s.focus == .formField(field) && s.modal == nil
            buf.write(s.t(field.label), x: inner.x + 2, y: y, width: labelW, style: focused ? theme[.title] : theme[.text])
            switch field {
            case .protocolKind:
                let st = focused ? theme[.input_focus] : theme[.input]
                buf.write(" ONVIF (Profile S/G)", x: fieldX, y: y, width: fieldW, style: st)
            default:
                let placeholder = field == .password && s.form.editingSaved != nil ? s.t(UIText.savedPasswordPlaceholder) : ""
                s.form[field].draw(into: &buf, x: fieldX, y: y, width: fieldW, focused: focused, theme: theme, placeholder: placeholder)
            }
            y += spacing
        }
        y += 1
        let buttonFocused = s.focus == .formField(.testButton) && s.modal == nil
        let label = "[ " + s.t(FormField.testButton.label) + " ]"
        buf.write(label, x: fieldX, y: y, style: buttonFocused ? theme[.button_focus] : theme[.button])
        if buttonFocused { buf.cursor = nil }
        y += 2
        if let outcome = s.form.outcome, y < inner.maxY {
            let (mark, style): (String, Style)
            switch outcome.level {
            case .info: (mark, style) = (s.form.testing ? Spinner.frame(s.frame) : "•", theme[.info])
            case .ok: (mark, style) = ("✓", theme[.ok])
            case .warning: (mark, style) = ("!", theme[.warning])
            case .error: (mark, style) = ("✗", theme[.error])
            }
            let lines = TextWidth.wrap(s.t(outcome.text), width: inner.width - 6)
            for (i, line) in lines.prefix(max(0, inner.maxY - y - 1)).enumerated() {
                if i == 0 { buf.write(mark, x: inner.x + 2, y: y, style: style) }
                buf.write(line, x: inner.x + 4, y: y + i, style: style, limit: inner.maxX)
            }
        }
        buf.write(TextWidth.truncate(s.t(UIText.formHint), to: inner.width - 3), x: inner.x + 2, y: inner.maxY - 1, style: theme[.muted])
    }
}
