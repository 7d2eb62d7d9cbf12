/// A cell buffer as an HTML page: one fixed-width span per cell with the theme's colours,
/// for pixel-exact screenshots made with a headless browser.
public enum HTMLExport {
    public static func page(_ buf: CellBuffer, title: String, cellWidth: Double = 9, cellHeight: Double = 19,
                            background: String = "#101418", foreground: String = "#d0d0d0") -> String {
        var out = """
        <!doctype html><html><head><meta charset="utf-8"><title>\(escape(title))</title><style>
        html,body{margin:0;background:\(background);}
        .t{font-family:'Noto Sans Mono','DejaVu Sans Mono',monospace;font-size:15px;line-height:\(cellHeight)px;color:\(foreground);padding:8px;white-space:pre;}
        .r{height:\(cellHeight)px;display:flex;}
        .c{display:inline-block;width:\(cellWidth)px;height:\(cellHeight)px;text-align:center;overflow:visible;}
        .w{width:\(cellWidth * 2)px;}
        .b{font-weight:bold;} .d{opacity:.6;} .u{text-decoration:underline;}
        </style></head><body><div class="t">
        """
        for y in 0..<buf.height {
            out += "<div class=\"r\">"
            for x in 0..<buf.width {
                let c = buf[x, y]
                if c.isContinuation { continue }
                var fg = c.style.fg == .default ? foreground : c.style.fg.hex
                var bg = c.style.bg == .default ? "transparent" : c.style.bg.hex
                if c.style.attrs.contains(.reverse) {
                    let f = fg
                    fg = bg == "transparent" ? background : bg
                    bg = f
                }
                var cls = "c"
                if c.isWide { cls += " w" }
                if c.style.attrs.contains(.bold) { cls += " b" }
                if c.style.attrs.contains(.dim) { cls += " d" }
                if c.style.attrs.contains(.underline) { cls += " u" }
                let text = c.text == " " ? "&nbsp;" : escape(c.text)
                out += "<span class=\"\(cls)\" style=\"color:\(fg);background:\(bg)\">\(text)</span>"
            }
            out += "</div>"
        }
        out += "</div></body></html>"
        return out
    }

    static func escape(_ s: String) -> String {
        var o = ""
        for ch in s {
            switch ch {
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "&": o += "&amp;"
            case "\"": o += "&quot;"
            default: o.append(ch)
            }
        }
        return o
    }
}
