import Foundation
import Common

/// The date-range picker: a month calendar with footage marks per day, the range with its
/// times, presets, and the selected cameras' footage on the day under the cursor.
enum DatesScreen {
    static let monthNames = Localized(vi: "1,2,3,4,5,6,7,8,9,10,11,12",
                                      en: "January,February,March,April,May,June,July,August,September,October,November,December")
    static let weekdays = Localized(vi: "T2 T3 T4 T5 T6 T7 CN", en: "Mo Tu We Th Fr Sa Su")

    static func draw(_ s: AppState, _ area: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        let n = s.cameras.selectedNames.count
        let title = s.t(Localized(vi: "Chọn ngày — \(n) camera", en: "Date range — \(n) camera\(n == 1 ? "" : "s")"))
        let inner = Box.draw(&buf, area, title: title, focused: s.modal == nil && s.focus != .log, theme: theme)
        guard inner.height > 8 else { return }
        let calRect = Rect(x: inner.x + 1, y: inner.y, width: 29, height: inner.height)
        drawCalendar(s, calRect, &buf)
        let right = Rect(x: inner.x + 32, y: inner.y, width: inner.maxX - inner.x - 33, height: inner.height)
        drawDetails(s, right, &buf)
    }

    /// Footage fraction (0…1) of a local day over the selected cameras, nil when unknown.
    static func dayFraction(_ s: AppState, _ day: Int) -> Double? {
        guard s.dates.coverageStatus == .loaded, let cf = s.dates.coverageFrom, let ct = s.dates.coverageTo else { return nil }
        let from = LocalDay.instant(day, utcOffset: s.utcOffset)
        let to = min(LocalDay.instant(day + 1, utcOffset: s.utcOffset), s.now)
        guard from >= cf, from < ct, to > from else { return nil }
        let cams = s.dates.coverage
        guard !cams.isEmpty else { return 0 }
        let total = cams.reduce(0.0) { $0 + $1.seconds(from: from, to: to) }
        return total / (Double(cams.count) * to.timeIntervalSince(from))
    }

    static func drawCalendar(_ s: AppState, _ rect: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        let d = s.dates
        let focused = s.focus == .calendar && s.modal == nil
        let first = LocalDay.firstOfMonth(d.cursor)
        let f = LocalDay.fields(first)
        let monthName = s.t(monthNames).split(separator: ",")[f.month - 1]
        let header = Localized(vi: "Tháng \(monthName) năm \(f.year)", en: "\(monthName) \(f.year)").text(s.lang)
        buf.write("‹ " + header + " ›", x: rect.x, y: rect.y, width: 28, style: focused ? theme[.title] : theme[.text].adding(.bold), align: .center)
        var x = rect.x
        for w in s.t(weekdays).split(separator: " ") {
            buf.write(String(w), x: x, y: rect.y + 1, width: 4, style: theme[.muted], align: .left)
            x += 4
        }
        let today = s.today
        let length = LocalDay.daysInMonth(year: f.year, month: f.month)
        let offset = LocalDay.weekday(first)
        let lo = min(d.start ?? Int.max, d.end ?? Int.max), hi = max(d.start ?? Int.min, d.end ?? Int.min)
        for i in 0..<length {
            let day = first + i
            let slot = offset + i
            let cx = rect.x + (slot % 7) * 4
            let cy = rect.y + 2 + slot / 7
            var style = theme[.text]
            if day >= lo && day <= hi { style = theme[.calendar_range] }
            if day == today { style = Style(fg: theme[.calendar_today].fg == .default ? style.fg : theme[.calendar_today].fg, bg: style.bg, attrs: style.attrs.union(theme[.calendar_today].attrs)) }
            if day == d.cursor { style = focused ? theme[.selected].adding(.bold) : style.adding(.reverse) }
            buf.write(String(format: "%2d", i + 1), x: cx, y: cy, style: style)
            let (mark, markStyle): (String, Style)
            if let frac = dayFraction(s, day) {
                if frac >= 0.97 { (mark, markStyle) = ("█", theme[.coverage_full]) }
                else if frac > 0 { (mark, markStyle) = ("▄", theme[.coverage_partial]) }
                else { (mark, markStyle) = ("·", theme[.coverage_none]) }
            } else {
                (mark, markStyle) = (" ", theme[.text])
            }
            buf.write(mark, x: cx + 2, y: cy, style: markStyle)
        }
        let legendY = rect.y + 9
        if legendY < rect.maxY {
            var lx = rect.x
            lx = buf.write("█", x: lx, y: legendY, style: theme[.coverage_full])
            lx = buf.write(s.t(Localized(vi: " đủ ", en: " full ")), x: lx, y: legendY, style: theme[.muted])
            lx = buf.write("▄", x: lx, y: legendY, style: theme[.coverage_partial])
            lx = buf.write(s.t(Localized(vi: " thiếu ", en: " gaps ")), x: lx, y: legendY, style: theme[.muted])
            lx = buf.write("·", x: lx, y: legendY, style: theme[.coverage_none])
            buf.write(s.t(Localized(vi: " không", en: " none")), x: lx, y: legendY, style: theme[.muted], limit: rect.maxX)
        }
        if rect.y + 11 < rect.maxY {
            let status: (String, Style)?
            switch d.coverageStatus {
            case .loading: status = (Spinner.frame(s.frame) + " " + s.t(Localized(vi: "Đang tìm bản ghi…", en: "Searching recordings…")), theme[.info])
            case let .failed(m): status = (s.t(m), theme[.warning])
            default: status = nil
            }
            if let (text, st) = status {
                for (i, line) in TextWidth.wrap(text, width: rect.width).prefix(rect.maxY - rect.y - 11).enumerated() {
                    buf.write(line, x: rect.x, y: rect.y + 11 + i, style: st)
                }
            }
        }
    }

    static func drawDetails(_ s: AppState, _ rect: Rect, _ buf: inout CellBuffer) {
        let theme = s.theme
        let d = s.dates
        var y = rect.y
        let labelW = 8
        func dayText(_ day: Int?) -> String { day.map(LocalDay.iso) ?? "––––-––-––" }
        // Range with its time fields.
        for (label, day, field, focus) in [(Localized(vi: "Từ", en: "From"), d.start, d.startTime, Focus.startTime),
                                           (Localized(vi: "Đến", en: "To"), d.end, d.endTime, Focus.endTime)] {
            let focused = s.focus == focus && s.modal == nil
            buf.write(s.t(label), x: rect.x, y: y, width: labelW, style: focused ? theme[.title] : theme[.text])
            let x = buf.write(dayText(day) + "  ", x: rect.x + labelW, y: y, style: theme[.text].adding(.bold))
            field.draw(into: &buf, x: x, y: y, width: 7, focused: focused, theme: theme)
            y += 1
        }
        if d.marking {
            buf.write(s.t(Localized(vi: "Chọn ngày cuối rồi nhấn Enter.", en: "Move to the last day and press Enter.")), x: rect.x, y: y, style: theme[.info], limit: rect.maxX)
        }
        y += 1
        let presetLabel = s.t(Localized(vi: "Mẫu:", en: "Presets:"))
        let presets = s.t(Localized(vi: "T hôm nay · y hôm qua · w 7 ngày · c \(s.config.defaultDays) ngày",
                                    en: "T today · y yesterday · w 7 days · c \(s.config.defaultDays) days"))
        if TextWidth.of(presetLabel + " " + presets) <= rect.width {
            buf.write(presetLabel + " " + presets, x: rect.x, y: y, style: theme[.muted], limit: rect.maxX)
        } else {
            buf.write(presetLabel, x: rect.x, y: y, style: theme[.muted], limit: rect.maxX)
            y += 1
            buf.write(presets, x: rect.x, y: y, style: theme[.muted], limit: rect.maxX)
        }
        y += 1
        if let (from, to) = s.rangeInstants(), s.dates.coverageStatus == .loaded, !s.dates.coverage.isEmpty {
            let have = s.dates.coverage.reduce(0.0) { $0 + $1.seconds(from: from, to: min(to, s.now)) }
            // Per camera up to now (the future has no footage yet), so "of" reads as one camera's hours.
            let n = s.dates.coverage.count
            let span = Format.hours(max(0, min(to, s.now).timeIntervalSince(from)))
            let text = n == 1
                ? s.t(Localized(vi: "Có hình: \(Format.hours(have)) / \(span)",
                                en: "Footage: \(Format.hours(have)) of \(span)"))
                : s.t(Localized(vi: "Có hình: \(Format.hours(have)) / \(n) camera × \(span)",
                                en: "Footage: \(Format.hours(have)) of \(n) cameras × \(span)"))
            buf.write(text, x: rect.x, y: y, style: theme[.text], limit: rect.maxX)
        }
        y += 2
        guard y < rect.maxY - 1 else { return }
        // Footage on the day under the cursor, one 24-hour bar per camera.
        buf.write(s.t(Localized(vi: "Ngày \(LocalDay.iso(d.cursor)):", en: "On \(LocalDay.iso(d.cursor)):")), x: rect.x, y: y, style: theme[.title], limit: rect.maxX)
        y += 1
        let nameW = min(14, max(8, rect.width / 4))
        let barW = max(24, ((rect.width - nameW - 9) / 24) * 24)
        let from = LocalDay.instant(d.cursor, utcOffset: s.utcOffset)
        let names = s.cameras.selectedNames
        for name in names {
            guard y < rect.maxY - 1 else { break }
            buf.write(name, x: rect.x, y: y, width: nameW, style: theme[.text])
            let bx = rect.x + nameW + 1
            if let cov = s.dates.coverage.first(where: { $0.camera == name }), s.dates.coverageStatus == .loaded {
                let slot = 86_400.0 / Double(barW)
                for i in 0..<barW {
                    let a = from.addingTimeInterval(Double(i) * slot), b = a.addingTimeInterval(slot)
                    let (ch, st): (String, Style)
                    if a >= s.now { (ch, st) = (" ", theme[.text]) }
                    else {
                        let frac = cov.seconds(from: a, to: min(b, s.now)) / min(b, s.now).timeIntervalSince(a)
                        if frac >= 0.5 { (ch, st) = ("█", theme[.coverage_full]) }
                        else if frac > 0 { (ch, st) = ("▌", theme[.coverage_partial]) }
                        else { (ch, st) = ("·", theme[.coverage_none]) }
                    }
                    buf.write(ch, x: bx + i, y: y, style: st)
                }
                let secs = cov.seconds(from: from, to: min(from.addingTimeInterval(86_400), s.now))
                buf.write(" " + Format.hours(secs), x: bx + barW, y: y, style: theme[.muted], limit: rect.maxX)
            } else {
                buf.write(String(repeating: "?", count: min(barW, 3)), x: bx, y: y, style: theme[.muted])
            }
            y += 1
        }
        if !names.isEmpty && y < rect.maxY {
            // Hour axis under the bars: 0, 6, 12, 18, 24.
            let bx = rect.x + nameW + 1
            for h in stride(from: 0, through: 24, by: 6) {
                let x = bx + h * barW / 24 - (h == 24 ? 2 : 0)
                buf.write("\(h)h", x: x, y: y, style: theme[.muted], limit: rect.maxX)
            }
        }
    }
}
