import Common
import Core

/// The PTZ lines under the preview's picture: where the camera points, whether it moves and
/// the speed; then its presets (digits 1–9), or the prompt for a new preset's name. A camera
/// without PTZ gets one quiet line.
enum PTZLines {
    /// The rows the lines take.
    static func rows(_ ptz: PTZState) -> Int {
        if case .ready = ptz.phase { return 2 }
        return 1
    }

    static func draw(_ s: AppState, _ ptz: PTZState, _ area: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        let y = area.y
        let limit = area.maxX - 1
        var x = area.x + 1
        x = buf.write(PTZText.label + "  ", x: x, y: y, style: theme[.title], limit: limit)
        switch ptz.phase {
        case .asking:
            buf.write(Spinner.frame(s.frame) + " " + s.t(PTZText.askingShort), x: x, y: y, style: theme[.muted], limit: limit)
            return
        case .unavailable:
            buf.write(s.t(PTZText.noneShort), x: x, y: y, style: theme[.muted], limit: limit)
            return
        case .ready:
            break
        }
        // Position, moving, speed.
        if let status = ptz.status {
            x = buf.write(PTZText.position(status, lang: s.lang), x: x, y: y, style: theme[.text], limit: limit)
        } else {
            x = buf.write(s.t(PTZText.positionUnknown), x: x, y: y, style: theme[.muted], limit: limit)
        }
        x = buf.write("  ", x: x, y: y, style: theme[.text], limit: limit)
        if ptz.isMoving {
            x = buf.write("● " + s.t(PTZText.moving), x: x, y: y, style: theme[.warning].adding(.bold), limit: limit)
        } else {
            x = buf.write("○ " + s.t(PTZText.still), x: x, y: y, style: theme[.muted], limit: limit)
        }
        buf.write("  · " + s.t(PTZText.speedShort(ptz.speed)), x: x, y: y, style: theme[.text], limit: limit)

        // Presets, or the name prompt.
        let y2 = y + 1
        x = area.x + 1
        if let field = ptz.naming {
            x = buf.write(s.t(PTZText.namePrompt) + " ", x: x, y: y2, style: theme[.text].adding(.bold), limit: limit)
            let hint = "  " + s.t(PTZText.nameHint)
            let width = max(8, min(40, limit - x - TextWidth.of(hint)))
            field.draw(into: &buf, x: x, y: y2, width: width, focused: s.modal == nil, theme: theme)
            buf.write(hint, x: x + width, y: y2, style: theme[.muted], limit: limit)
            return
        }
        if ptz.presets.isEmpty {
            buf.write(s.t(PTZText.noPresetsShort), x: x, y: y2, style: theme[.muted], limit: limit)
            return
        }
        x = buf.write(s.t(PTZText.presetsLabel), x: x, y: y2, style: theme[.text], limit: limit)
        // whole entries only: what does not fit is counted (`+3`)
        let shown = ptz.presets.prefix(9)
        for (i, preset) in shown.enumerated() {
            let rest = ptz.presets.count - i
            let need = 2 + TextWidth.of("\(i + 1) \(preset.name)") + (rest > 1 ? 4 : 0)
            guard x + need <= limit else {
                buf.write("  +\(rest)", x: x, y: y2, style: theme[.muted], limit: limit)
                return
            }
            x = buf.write("  ", x: x, y: y2, style: theme[.text], limit: limit)
            x = buf.write(String(i + 1), x: x, y: y2, style: theme[.help_key], limit: limit)
            x = buf.write(" " + preset.name, x: x, y: y2, style: theme[.text], limit: limit)
        }
        if ptz.presets.count > shown.count {
            buf.write("  +\(ptz.presets.count - shown.count)", x: x, y: y2, style: theme[.muted], limit: limit)
        }
    }
}
