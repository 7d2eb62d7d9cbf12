import Common
import Foundation
import Testing
import TestSupport
@testable import TUI

/// The downloads screen's lines for sources kept in sync by `vtrack sync`: asked for when the
/// screen opens and every 5 s while it shows, drawn under the downloads with how far each
/// source is saved, its next pass or the process running it, and its last error.
@Suite struct SyncLineTests {
    static let lines: [SyncLine] = [
        SyncLine(source: "nvr_gate", lastSaved: SampleScenes.now.addingTimeInterval(-600), nextRun: SampleScenes.now.addingTimeInterval(300), cameras: 4),
        SyncLine(source: "nvr_yard", lastSaved: SampleScenes.now.addingTimeInterval(-7200), runningPID: 4242,
                 error: Localized(vi: "Thiết bị không trả lời.", en: "The device does not answer."), cameras: 2),
    ]

    /// The app once the saved sources (and with them the sync lines) are read, on the downloads
    /// screen: it opens with no download this session when a source is synced.
    static func onDownloads(lang: Language = .en) -> (AppState, [Command]) {
        var s = Drive.fresh(width: 120, height: 40, lang: lang)
        let (t, c) = update(s, .sourcesLoaded(.success([])))
        #expect(c.contains(.loadSyncStatus))
        s = update(t, .syncStatusLoaded(lines)).0
        return Drive.press(s, .char("5"))
    }

    @Test func withNothingSyncedAndNoDownloadTheScreenStaysClosed() {
        var s = Drive.fresh(width: 120, height: 40)
        s = update(s, .syncStatusLoaded([])).0
        #expect(Drive.press(s, .char("5")).0.screen != .downloads)
    }

    @Test func openingTheScreenAsksAndTicksReloadEveryFiveSeconds() {
        let (s0, opened) = Self.onDownloads()
        #expect(s0.screen == .downloads)
        #expect(opened.contains(.loadSyncStatus))
        var s = s0
        var asked = 0
        for _ in 0..<(DownloadsState.syncReloadTicks * 3) {
            let (t, c) = update(s, .tick)
            s = t
            asked += c.filter { $0 == .loadSyncStatus }.count
        }
        #expect(asked == 3)
        // another screen: no reads
        var other = Drive.press(s, .char("1")).0
        #expect(other.screen == .sources)
        var quiet = 0
        for _ in 0..<(DownloadsState.syncReloadTicks * 2) {
            let (t, c) = update(other, .tick)
            other = t
            quiet += c.filter { $0 == .loadSyncStatus }.count
        }
        #expect(quiet == 0)
    }

    @Test func eachSyncedSourceIsALineUnderTheDownloads() {
        var s = Self.onDownloads().0
        #expect(s.downloads.sync == Self.lines)
        let text = s.rendered().plainText
        #expect(text.contains("⟳ Sync nvr_gate"), "\(text)")
        #expect(text.contains("saved up to") && text.contains("behind") && text.contains("next pass"), "\(text)")
        #expect(text.contains("running (pid 4242)"), "\(text)")
        #expect(text.contains("The device does not answer."), "\(text)")
        // no synced source: no sync lines
        s = update(s, .syncStatusLoaded([])).0
        #expect(!s.rendered().plainText.contains("⟳"))
        // Vietnamese
        let vi = Self.onDownloads(lang: .vi).0
        let vt = vi.rendered().plainText
        #expect(vt.contains("⟳ Đồng bộ nvr_gate") && vt.contains("đã lưu đến") && vt.contains("đang chạy (pid 4242)"), "\(vt)")
    }

    @Test func theEngineReadsNoLinesFromADatabaseWithoutSync() throws {
        let dir = Scratch("tui-sync")
        let runner = EngineRunnerTests.runner(dir)
        defer { runner.shutdown() }
        let events = EngineRunnerTests.events(runner, .loadSyncStatus) { if case .syncStatusLoaded = $0 { true } else { false } }
        guard case .syncStatusLoaded(let lines)? = events.last else { Issue.record("no answer: \(events)"); return }
        #expect(lines.isEmpty)
    }
}
