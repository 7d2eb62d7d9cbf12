import Foundation
import Common

extension AppState {
    var today: Int { LocalDay.of(now, utcOffset: utcOffset) }

    mutating func datesAction(_ action: Action, _ commands: inout [Command]) {
        let before = LocalDay.firstOfMonth(dates.cursor)
        switch action {
        case .dayBack: dates.cursor -= 1
        case .dayForward: dates.cursor += 1
        case .weekBack: dates.cursor -= 7
        case .weekForward: dates.cursor += 7
        case .monthBack: dates.cursor = LocalDay.addMonths(dates.cursor, -1)
        case .monthForward: dates.cursor = LocalDay.addMonths(dates.cursor, 1)
        case .gotoToday: dates.cursor = today
        case .markDay:
            if dates.marking, let start = dates.start {
                dates.start = min(start, dates.cursor)
                dates.end = max(start, dates.cursor)
                dates.marking = false
            } else {
                dates.start = dates.cursor
                dates.end = dates.cursor
                dates.marking = true
            }
        case .presetToday: setRange(today, today)
        case .presetYesterday: setRange(today - 1, today - 1)
        case .presetLastWeek: setRange(today - 6, today)
        case .presetDefaultDays: setRange(today - max(1, config.defaultDays) + 1, today)
        case .startDownload:
            guard let (from, to) = rangeInstants() else {
                notice = Notice(UIText.badTimes)
                focus = LocalDay.parseTime(dates.startTime.text) == nil ? .startTime : .endTime
                return
            }
            guard to > from else { notice = Notice(UIText.endBeforeStart); return }
            modal = .confirmDownload
        case .nextField:
            moveFocus(1)
        case .clearField:
            if focus == .startTime { dates.startTime.clear() } else if focus == .endTime { dates.endTime.clear() }
        default:
            return
        }
        if LocalDay.firstOfMonth(dates.cursor) != before { requestCoverageIfNeeded(&commands) }
    }

    mutating func setRange(_ first: Int, _ last: Int) {
        dates.start = first
        dates.end = last
        dates.marking = false
        dates.cursor = last
    }

    /// The chosen range as UTC instants, or nil when a day or a time is missing or unreadable.
    /// An end time of 23:59 means the end of that day.
    public func rangeInstants() -> (Date, Date)? {
        guard let s = dates.start, let e = dates.end,
              let st = LocalDay.parseTime(dates.startTime.text), var et = LocalDay.parseTime(dates.endTime.text) else { return nil }
        if et == 23 * 3600 + 59 * 60 { et = 86_400 }
        return (LocalDay.instant(s, seconds: st, utcOffset: utcOffset), LocalDay.instant(e, seconds: et, utcOffset: utcOffset))
    }

    /// Asks for the coverage of the month under the cursor when it is not loaded yet.
    mutating func requestCoverageIfNeeded(_ commands: inout [Command]) {
        guard let connection = cameras.connection, cameras.isSaved else { return }
        let first = LocalDay.firstOfMonth(dates.cursor)
        let next = LocalDay.addMonths(first, 1)
        let from = LocalDay.instant(first, utcOffset: utcOffset)
        let to = min(LocalDay.instant(next, utcOffset: utcOffset), now.addingTimeInterval(86_400))
        guard from < to else { return }                      // a future month: nothing recorded yet
        if let f = dates.coverageFrom, let t = dates.coverageTo, f <= from, t >= to, dates.coverageStatus != .idle { return }
        dates.coverageFrom = from
        dates.coverageTo = to
        dates.coverageStatus = .loading
        commands.append(.loadCoverage(connection, cameras: cameras.selectedNames, from: from, to: to))
    }

    /// Starts the confirmed download; its rows come from the engine once it has the job (other
    /// jobs go on as they are).
    mutating func beginDownload(_ commands: inout [Command]) {
        guard let connection = cameras.connection, let (from, to) = rangeInstants() else { return }
        let names = cameras.selectedNames
        downloads.starting += 1
        screen = .downloads
        focus = .downloadList
        addLog(.info, UIText.downloadStarted(names.count, LocalDay.iso(dates.start ?? 0), LocalDay.iso(dates.end ?? 0)))
        commands.append(.startDownload(connection, cameras: names, from: from, to: to))
    }
}
