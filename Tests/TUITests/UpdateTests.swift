import Common
import Foundation
import Testing
@testable import TUI

@Suite struct GlobalKeyTests {
    @Test func quitWithoutDownloadsLeavesAtOnce() {
        let (s, c) = Drive.press(Drive.fresh(), .char("q"))
        #expect(!s.running)
        #expect(c == [.quit])
    }

    @Test func quitWhileDownloadingAsksFirst() {
        var s = SampleScenes.state(.downloads, lang: .en, theme: Drive.theme)
        var (n, c) = Drive.press(s, .char("q"))
        #expect(n.modal == .confirmQuit && n.running && c.isEmpty)
        (n, c) = Drive.press(n, .char("n"))
        #expect(n.modal == nil && n.running && c.isEmpty)
        (n, c) = Drive.press(n, .char("q"), .char("y"))
        #expect(!n.running && c == [.quit])
        // Ctrl-C never asks.
        s.modal = nil
        (n, c) = Drive.press(s, .ctrl("c"))
        #expect(!n.running && c == [.quit])
    }

    @Test func tabCyclesFocusOnEveryScreen() {
        for screen in Screen.allCases {
            var s = Drive.tested()
            s.screen = screen
            s.focus = screen.focusOrder[0]
            var seen: [Focus] = [s.focus]
            for _ in screen.focusOrder.dropFirst() {
                s = Drive.press(s, .tab).0
                seen.append(s.focus)
            }
            #expect(seen == screen.focusOrder)
            #expect(Drive.press(s, .tab).0.focus == screen.focusOrder[0], "Tab wraps")
            #expect(Drive.press(Drive.press(s, .tab).0, .backTab).0.focus == s.focus)
        }
    }

    @Test func helpOpensScrollsAndCloses() {
        let before = Drive.tested()
        var (s, _) = Drive.press(before, .char("?"))
        #expect(s.modal == .help)
        (s, _) = Drive.press(s, .char("j"), .char("j"))
        #expect(s.helpScroll == 2)
        // the keys scrolled the help, not the camera grid behind it: same screen, cursor and ticks
        #expect(s.screen == .cameras)
        #expect(s.cameras.cursor == before.cameras.cursor)
        #expect(s.cameras.rows.map(\.selected) == before.cameras.rows.map(\.selected))
        // (without the help, the same keys move the cursor)
        #expect(Drive.press(before, .char("j"), .char("j")).0.cameras.cursor != before.cameras.cursor)
        (s, _) = Drive.press(s, .escape)
        #expect(s.modal == nil && s.screen == .cameras)
        // While typing, ? is a character and F1 is help.
        var f = Drive.press(Drive.fresh(), .char("a")).0
        #expect(f.focus == .formField(.address))
        f = Drive.press(f, .char("?")).0
        #expect(f.modal == nil && f.form.address.text == "?")
        #expect(Drive.press(f, .function(1)).0.modal == .help)
    }

    @Test func disabledScreensExplainThemselves() {
        let s = Drive.fresh()
        let (n, c) = Drive.press(s, .char("3"))
        #expect(n.screen == .sources && c.isEmpty)
        #expect(n.notice?.text == UIText.needTestFirst)
        #expect(Drive.press(s, .char("4")).0.notice?.text == UIText.needTestFirst)
        #expect(Drive.press(s, .char("5")).0.notice?.text == UIText.noDownloadsYet)
        #expect(Drive.press(s, .escape).0.notice?.text == UIText.alreadyFirstScreen)
        // The notice goes away with the next key.
        #expect(Drive.press(n, .char("j")).0.notice == nil)
        // Screens that can open do.
        #expect(Drive.press(s, .char("2")).0.screen == .form)
        #expect(Drive.press(Drive.tested(), .char("3")).0.screen == .cameras)
    }

    @Test func tooSmallWindowOnlyTakesQuit() {
        var s = Drive.press(Drive.fresh(), .char("a")).0
        s = update(s, .resize(width: 70, height: 20)).0
        #expect(s.isTooSmall)
        let typed = Drive.type(s, "xyz")
        #expect(typed.form.address.text.isEmpty)
        let text = s.rendered().plainText
        #expect(text.contains("too small") && text.contains("80×24"))
        s.focus = .savedList
        #expect(!Drive.press(s, .char("q")).0.running)
        let big = update(s, .resize(width: 200, height: 60)).0
        #expect(!big.isTooSmall && big.rendered().lines().count == 60)
    }

    @Test func logPaneScrollsAndFollows() {
        var s = Drive.fresh()
        for i in 0..<20 { s.addLog(.info, Localized(vi: "dòng \(i)", en: "line \(i)")) }
        s.focus = .log
        s = Drive.press(s, .char("k"), .char("k"), .up).0
        #expect(s.log.scroll == 3)
        #expect(s.rendered().plainText.contains("line 16"))
        #expect(!s.rendered().plainText.contains("line 19"))
        s = Drive.press(s, .pageDown).0
        #expect(s.log.scroll == 0)
        s = Drive.press(s, .pageUp, .end).0
        #expect(s.log.scroll == 0)
        s = Drive.press(s, .escape).0
        #expect(s.focus == .savedList, "Esc leaves the log pane")
    }

    @Test func logKeepsAtMostItsCapacity() {
        var s = Drive.fresh()
        for i in 0..<(LogState.capacity + 10) { s.addLog(.info, Localized(vi: "\(i)", en: "\(i)")) }
        #expect(s.log.lines.count == LogState.capacity)
        #expect(s.log.lines.last?.text.en == "\(LogState.capacity + 9)")
    }

    @Test func clockAndTickEventsOnlyMoveTime() {
        let s = Drive.fresh()
        let later = s.now.addingTimeInterval(86_400)
        let (n, c) = update(s, .clock(later))
        #expect(n.now == later && c.isEmpty && n.today == s.today + 1)
        #expect(update(s, .tick).0.frame == s.frame + 1)
    }
}

@Suite struct SourcesScreenTests {
    func withLists() -> AppState { SampleScenes.state(.sources, lang: .en, theme: Drive.theme) }

    @Test func listsMoveAndOpenSavedSources() {
        var s = withLists()
        s = Drive.press(s, .char("j")).0
        #expect(s.sources.savedCursor == 1)
        s = Drive.press(s, .down).0
        #expect(s.sources.savedCursor == 1, "stops at the end")
        let (f, c) = Drive.press(s, .enter)
        #expect(c.isEmpty && f.screen == .form && f.focus == .formField(.testButton))
        #expect(f.form.address.text == "192.168.1.64" && f.form.name.text == "nvr_kho_2")
        #expect(f.form.editingSaved == "nvr_kho_2" && f.form.password.text.isEmpty)
    }

    @Test func enterOnAFoundDeviceFillsTheForm() {
        var s = Drive.press(withLists(), .tab).0
        #expect(s.focus == .foundList)
        s = Drive.press(s, .char("j"), .char("j"), .enter).0
        #expect(s.screen == .form && s.focus == .formField(.user))
        #expect(s.form.address.text == "10.0.5.21" && s.form.port.text == "80")
        #expect(s.form.name.text == "nvr_Camera_cổng_sau")
        #expect(s.form.editingSaved == nil)
    }

    @Test func addOpensABlankFormAndRescanRestartsDiscovery() {
        let s = withLists()
        let f = Drive.press(s, .char("a")).0
        #expect(f.screen == .form && f.form.address.text.isEmpty && f.form.videoRoot.text == "nvr_downloads")
        let (r, c) = Drive.press(s, .char("r"))
        #expect(c == [.startDiscovery] && r.sources.found.isEmpty && r.sources.discovering)
        #expect(r.isAnimating)
    }

    @Test func emptyListsSayWhyEnterDoesNothing() {
        let s = Drive.fresh()
        #expect(Drive.press(s, .enter).0.notice?.text == UIText.noSavedSources)
        #expect(Drive.press(s, .tab, .enter).0.notice?.text == UIText.noFoundDevices)
    }

    @Test func discoveryHelloAndByeUpdateTheListLive() {
        var s = Drive.fresh()
        s.sources.discovering = true
        let d = FoundDevice(id: "urn:uuid:1", name: "NVR A", host: "10.0.0.2", port: 80)
        s = update(s, .discovery(.found(d))).0
        s = update(s, .discovery(.found(FoundDevice(id: "urn:uuid:1", name: "NVR A2", host: "10.0.0.2", port: 8080)))).0
        #expect(s.sources.found.count == 1 && s.sources.found[0].port == 8080, "the same endpoint is merged")
        s = update(s, .discovery(.found(FoundDevice(id: "urn:uuid:2", name: "Cam B", host: "10.0.0.3", port: 80)))).0
        #expect(s.rendered().plainText.contains("Cam B"))
        s = update(s, .discovery(.gone(id: "urn:uuid:1"))).0
        #expect(s.sources.found.map(\.id) == ["urn:uuid:2"])
        s = update(s, .discovery(.sweepFinished(count: 1))).0
        #expect(!s.sources.discovering)
        let failed = update(s, .discovery(.failed(Localized(vi: "x", en: "no multicast interface")))).0
        #expect(failed.sources.discoveryProblem?.en == "no multicast interface")
    }

    @Test func loadedSourcesKeepThisSessionsResults() {
        var s = withLists()
        let fresh = [SavedSource(name: "nvr_localhost", host: "127.0.0.1", port: 8080, user: "admin")]
        s = update(s, .sourcesLoaded(.success(fresh))).0
        #expect(s.sources.saved.count == 1 && s.sources.saved[0].lastOK == true)
        let bad = update(s, .sourcesLoaded(.failure(EngineFailure(Localized(vi: "hỏng", en: "database is damaged"))))).0
        #expect(bad.sources.loadStatus == .failed(Localized(vi: "hỏng", en: "database is damaged")))
    }
}

@Suite struct FormScreenTests {
    func form() -> AppState { Drive.press(Drive.fresh(), .char("a")).0 }

    @Test func typingGoesIntoTheFocusedFieldEvenForCommandLetters() {
        var s = Drive.type(form(), "q1.example")
        #expect(s.running && s.form.address.text == "q1.example")
        s = Drive.press(s, .backspace, .left, .char("X"), .home, .delete).0
        #expect(s.form.address.text == "1.exampXl")
        s = Drive.press(s, .ctrl("u")).0
        #expect(s.form.address.text.isEmpty)
        // The address field refuses spaces; the port field takes only digits.
        s = Drive.type(s, "10.0.0 .1")
        #expect(s.form.address.text == "10.0.0.1")
        s = Drive.press(s, .enter).0
        #expect(s.focus == .formField(.port))
        s = Drive.press(s, .ctrl("u")).0
        s = Drive.type(s, "8a0")
        #expect(s.form.port.text == "80")
    }

    @Test func testNeedsAnAddressAndAValidPort() {
        var (s, c) = Drive.press(form(), .ctrl("t"))
        #expect(c.isEmpty && s.form.outcome?.level == .error && s.form.outcome?.text == UIText.needAddress)
        #expect(s.focus == .formField(.address))
        s = Drive.type(s, "127.0.0.1")
        s.form.port.set("70000")
        (s, c) = Drive.press(s, .ctrl("t"))
        #expect(c.isEmpty && s.form.outcome?.text == UIText.badPort && s.focus == .formField(.port))
    }

    @Test func testStartsTheProbeWithTheTypedPassword() {
        var s = Drive.type(form(), "127.0.0.1")
        s = Drive.press(s, .down, .ctrl("u")).0
        s = Drive.type(s, "8080")
        s = Drive.press(s, .down).0
        s = Drive.press(s, .down).0
        s = Drive.type(s, "secret pw")
        // Enter moves through the remaining fields to the button, which tests.
        let (t, c) = Drive.press(s, .enter, .enter, .enter, .enter)
        #expect(t.form.testing && t.isAnimating)
        guard case let .probe(conn)? = c.first else { Issue.record("no probe command: \(c)"); return }
        #expect(conn.host == "127.0.0.1" && conn.port == 8080 && conn.user == "admin" && conn.password == "secret pw")
        #expect(conn.name == "nvr_127.0.0.1" && conn.videoRoot == "nvr_downloads")
        #expect(!conn.description.contains("secret"), "a connection never prints its password")
        // A second test while one runs is refused with a reason.
        let (again, c2) = Drive.press(t, .ctrl("t"))
        #expect(c2.isEmpty && again.notice?.text == UIText.testRunning)
        // The password never reaches the screen or the log.
        let screen = t.rendered().plainText
        #expect(!screen.contains("secret") && screen.contains("•••••••••"))
        #expect(!t.log.lines.contains { $0.text.en.contains("secret") || $0.text.vi.contains("secret") })
    }

    @Test func aSavedSourceKeepsItsPasswordWhenNoneIsTyped() {
        var s = SampleScenes.state(.sources, lang: .en, theme: Drive.theme)
        s = Drive.press(s, .enter).0
        #expect(s.rendered().plainText.contains("(saved password)"))
        let (_, c) = Drive.press(s, .enter)
        guard case let .probe(conn)? = c.first else { Issue.record("no probe"); return }
        #expect(conn.password == nil && conn.name == "nvr_localhost")
    }

    @Test func successFillsTheGridAndChecksStreams() {
        var s = SampleScenes.state(.sources, lang: .en, theme: Drive.theme)
        s = Drive.press(s, .enter).0
        let (t, c) = Drive.press(s, .enter)
        guard case let .probe(conn)? = c.first else { Issue.record("no probe"); return }
        let outcome = ProbeOutcome(device: SampleScenes.device, cameras: SampleScenes.cameras)
        let (done, c2) = update(t, .probeFinished(conn, .success(outcome)))
        #expect(!done.form.testing && done.screen == .cameras && done.focus == .cameraGrid)
        #expect(done.cameras.rows.count == 4)
        #expect(done.cameras.selectedNames == ["Cổng trước", "Bàn đóng gói 1"], "the saved selection is ticked again")
        #expect(c2 == [.checkStreams(conn, SampleScenes.cameras), .loadPictures(conn, cameras: SampleScenes.cameras, refresh: false)],
                "the streams are checked and the pictures taken (the grid shows them after the test)")
        #expect(done.form.outcome?.level == .ok && done.sources.saved[0].lastOK == true)
        let reach = update(done, .streamChecked(cameraID: SampleScenes.cameras[3].id, reachable: false)).0
        #expect(reach.cameras.rows[3].reachable == false)
    }

    @Test func failureShowsTheEnginesSentenceAndStays() {
        var s = Drive.type(form(), "10.9.9.9")
        let (t, c) = Drive.press(s, .ctrl("t"))
        guard case let .probe(conn)? = c.first else { Issue.record("no probe"); return }
        let err = EngineFailure(Localized(vi: "Sai tên người dùng hoặc mật khẩu.", en: "Wrong user name or password."))
        s = update(t, .probeFinished(conn, .failure(err))).0
        #expect(s.screen == .form && !s.form.testing && s.form.outcome == Notice(err.message, level: .error))
        #expect(s.rendered().plainText.contains("Wrong user name or password."))
        #expect(s.log.lines.last?.level == .error)
        #expect(s.cameras.rows.isEmpty)
        let vi = { var v = s; v.lang = .vi; return v }()
        #expect(vi.rendered().plainText.contains("Sai tên người dùng hoặc mật khẩu."))
    }

    @Test func escapeGoesBackToSources() {
        #expect(Drive.press(form(), .escape).0.screen == .sources)
    }
}

@Suite struct CameraGridTests {
    @Test func spaceAllNoneAndMovesFollowTheTiles() {
        var s = Drive.tested()
        s.cameras.cursor = 0
        for r in s.cameras.rows.indices { s.cameras.rows[r].selected = false }
        s = Drive.press(s, .space).0
        #expect(s.cameras.selectedNames == ["Cổng trước"])
        s = Drive.press(s, .char("l"), .space).0                     // right
        #expect(s.cameras.selectedNames == ["Cổng trước", "Kho hàng"])
        s = Drive.press(s, .char("j")).0                             // down one tile row (1 column at 80: the picture is beside)
        #expect(s.cameras.cursor == 2)
        s = Drive.press(s, .char("h"), .up).0
        #expect(s.cameras.cursor == 0)
        // without pictures the list has 2 columns at 80
        var off = s
        off.pictureSettings.graphics = .none
        off.cameras.cursor = 1
        #expect(Drive.press(off, .char("j")).0.cameras.cursor == 3)
        s = Drive.press(s, .char("n")).0
        #expect(s.cameras.selectedNames.isEmpty)
        s = Drive.press(s, .char("a")).0
        #expect(s.cameras.selectedNames.count == 4)
        // At 120 columns there are 3 tiles a row.
        var w = Drive.tested(); w.width = 120; w.height = 40; w.cameras.cursor = 0
        #expect(Drive.press(w, .down).0.cameras.cursor == 3)
    }

    @Test func filterNarrowsIgnoringCaseAndAccents() {
        var s = Drive.press(Drive.tested(), .char("/")).0
        #expect(s.cameras.filtering && s.isTyping)
        s = Drive.type(s, "HANG")                                    // matches "Kho hàng"
        #expect(s.cameras.visibleIndices == [1])
        s = Drive.type(s, "a")                                       // 'a' types, it does not tick all
        #expect(s.cameras.filter.text == "HANGa" && s.cameras.visibleIndices.isEmpty)
        s = Drive.press(s, .backspace, .enter).0
        #expect(!s.cameras.filtering && s.cameras.visibleIndices == [1])
        for r in s.cameras.rows.indices { s.cameras.rows[r].selected = false }
        s = Drive.press(s, .char("a")).0                             // all = all shown
        #expect(s.cameras.selectedNames == ["Kho hàng"])
        s = Drive.press(s, .char("/"), .escape).0
        #expect(s.cameras.filter.text.isEmpty && s.cameras.visibleIndices.count == 4)
    }

    @Test func saveNeedsATickAndSendsTheSelection() {
        var s = Drive.tested()
        s = Drive.press(s, .char("n")).0
        var (n, c) = Drive.press(s, .char("s"))
        #expect(c.isEmpty && n.notice?.text == UIText.tickFirst)
        s = Drive.press(s, .space).0
        (n, c) = Drive.press(s, .char("s"))
        #expect(n.cameras.saving)
        #expect(c == [.saveConfig(SampleScenes.connection, device: SampleScenes.device, cameras: SampleScenes.cameras, selected: n.cameras.selectedNames)])
        #expect(Drive.press(n, .char("s")).0.notice?.text == UIText.saveRunning)
        #expect(Drive.press(s, .enter).0.notice?.text == UIText.needSaveFirst)
    }

    @Test func savedReportOpensThenEnterGoesToDates() {
        var s = Drive.tested()
        s = Drive.press(s, .char("s")).0
        let report = SaveReport(videoRoot: "/srv/video", folders: [
            .init(camera: "Cổng trước", path: "/srv/video/nvr_localhost/Cổng trước", freeGB: 12.5),
            .init(camera: "Bàn đóng gói 1", path: "/srv/video/nvr_localhost/Bàn đóng gói 1", freeGB: 12.5),
        ], freeGB: 12.5, ok: true)
        var (n, c) = update(s, .saveFinished(.success(report)))
        #expect(n.modal == .saveReport && n.cameras.isSaved && c == [.loadSources])
        let text = n.rendered().plainText
        #expect(text.contains("Video root: /srv/video") && text.contains("→ nvr_localhost/Cổng trước") && text.contains("12.5 GB free"))
        (n, c) = Drive.press(n, .enter)
        #expect(n.screen == .dates && n.modal == nil)
        guard case let .loadCoverage(conn, cams, from, to)? = c.first else { Issue.record("no coverage request: \(c)"); return }
        #expect(conn == SampleScenes.connection && cams == ["Cổng trước", "Bàn đóng gói 1"] && from < to)
        #expect(n.dates.coverageStatus == .loading)
        // Changing the ticks after a save asks for another save before the dates.
        var changed = n
        changed.screen = .cameras; changed.focus = .cameraGrid
        changed = Drive.press(changed, .char("a")).0
        #expect(!changed.cameras.isSaved && Drive.press(changed, .char("4")).0.notice?.text == UIText.needSaveFirst)
    }

    @Test func folderProblemsAreShownInWordsAndBlockTheDates() {
        var s = Drive.press(Drive.tested(), .char("s")).0
        let problem = Localized(vi: "Thư mục chỉ đọc.", en: "The folder /ro/nvr_localhost is read-only; choose another video root or fix its permissions.")
        let report = SaveReport(videoRoot: "/ro", folders: [.init(camera: "Cổng trước", path: "/ro/nvr_localhost/Cổng trước", problem: problem)], ok: false)
        s = update(s, .saveFinished(.success(report))).0
        #expect(s.modal == .saveReport && !s.cameras.isSaved)
        #expect(s.rendered().plainText.contains("read-only"))
        s = Drive.press(s, .enter).0
        #expect(s.screen == .cameras)
        let failed = update(Drive.press(Drive.tested(), .char("s")).0, .saveFinished(.failure(EngineFailure(problem)))).0
        #expect(failed.cameras.report?.problem == problem && !failed.cameras.isSaved && failed.modal == .saveReport)
    }
}

@Suite struct DatePickerTests {
    @Test func arrowsMoveDaysAndWeeksPagesMoveMonths() {
        var s = Drive.onDates()
        let start = s.dates.cursor
        s = Drive.press(s, .right, .right, .left).0
        #expect(s.dates.cursor == start + 1)
        s = Drive.press(s, .down).0
        #expect(s.dates.cursor == start + 8)
        s = Drive.press(s, .char("k"), .char("h")).0
        #expect(s.dates.cursor == start)
        let (m, c) = Drive.press(s, .pageDown)
        #expect(LocalDay.fields(m.dates.cursor).month == 12 && LocalDay.fields(m.dates.cursor).day == 24)
        #expect(c.isEmpty, "the future has no footage to ask about")
        let (back, c2) = Drive.press(m, .pageUp, .pageUp)
        #expect(LocalDay.fields(back.dates.cursor).month == 10)
        #expect(c2.count == 1, "a past month asks for its coverage")
        #expect(Drive.press(back, .char("t")).0.dates.cursor == s.today)
    }

    @Test func enterTwiceMarksARangeInEitherOrder() {
        var s = Drive.onDates()
        s.dates.start = nil; s.dates.end = nil
        s = Drive.press(s, .enter).0
        #expect(s.dates.marking && s.dates.start == s.dates.cursor)
        #expect(s.rendered().plainText.contains("Move to the last day"))
        let first = s.dates.cursor
        s = Drive.press(s, .left, .left, .left, .enter).0
        #expect(!s.dates.marking && s.dates.start == first - 3 && s.dates.end == first)
    }

    @Test func presetsSetTheRange() {
        let s = Drive.onDates()
        let today = s.today
        let y = Drive.press(s, .char("y")).0
        #expect(y.dates.start == today - 1 && y.dates.end == today - 1)
        let w = Drive.press(s, .char("w")).0
        #expect(w.dates.start == today - 6 && w.dates.end == today)
        let t = Drive.press(s, .char("T")).0
        #expect(t.dates.start == today && t.dates.end == today)
        var cfg = s; cfg.config.defaultDays = 5
        let c = Drive.press(cfg, .char("c")).0
        #expect(c.dates.start == today - 4 && c.dates.end == today)
    }

    @Test func downloadAsksThenStartsWithUTCInstants() throws {
        var s = Drive.press(Drive.onDates(), .char("y")).0
        var (n, c) = Drive.press(s, .char("d"))
        #expect(n.modal == .confirmDownload && c.isEmpty)
        #expect(n.rendered().plainText.contains("Download 2 cameras"))
        (n, c) = Drive.press(n, .char("y"))
        // no rows until the engine has the job: the screen says it is starting
        #expect(n.screen == .downloads && n.downloads.rows.isEmpty && n.downloads.starting == 1)
        #expect(n.rendered().plainText.contains("Starting the download…"))
        guard case let .startDownload(conn, cams, from, to)? = c.first else { Issue.record("no download: \(c)"); return }
        #expect(conn == SampleScenes.connection && cams == ["Cổng trước", "Bàn đóng gói 1"])
        // Yesterday in Vietnam (UTC+7) is 2026-11-24 00:00+07 = 2026-11-23T17:00Z, for 24 h.
        #expect(UTC.iso(from) == "2026-11-23T17:00:00Z" && UTC.iso(to) == "2026-11-24T17:00:00Z")
        n = update(n, .downloadStarted(jobID: 7)).0
        #expect(n.downloads.starting == 0)
        n = update(n, .downloadProgress(DownloadJobInfo(id: 7, source: conn.name, from: from, to: to, phase: .running),
                                        cams.map { DownloadRow(jobID: 7, camera: $0, phase: .running, mediaTotal: 14 * 3600) })).0
        #expect(n.downloads.rows.map(\.camera) == cams && n.downloads.rows.allSatisfy { $0.jobID == 7 })
        // A second download while one runs is another job: it starts too.
        s = n; s.screen = .dates; s.focus = .calendar
        (n, c) = Drive.press(s, .char("d"), .char("y"))
        #expect(n.downloads.starting == 1 && c.contains { if case .startDownload = $0 { true } else { false } })
    }

    @Test func timesAreEditableAndChecked() {
        var s = Drive.press(Drive.onDates(), .char("y"), .tab).0
        #expect(s.focus == .startTime && s.isTyping)
        s = Drive.press(s, .ctrl("u")).0
        s = Drive.type(s, "08:3x0")
        #expect(s.dates.startTime.text == "08:30")
        s = Drive.press(s, .enter).0
        #expect(s.focus == .endTime)
        s = Drive.press(s, .ctrl("u")).0
        s = Drive.type(s, "12:00")
        let (from, to) = s.rangeInstants()!
        #expect(to.timeIntervalSince(from) == 3.5 * 3600)
        s = Drive.press(s, .tab, .tab).0
        #expect(s.focus == .calendar)
        var bad = s; bad.dates.endTime.set("25:00")
        let r = Drive.press(bad, .char("d")).0
        #expect(r.notice?.text == UIText.badTimes && r.focus == .endTime)
        var reversed = s; reversed.dates.startTime.set("13:00")
        #expect(Drive.press(reversed, .char("d")).0.notice?.text == UIText.endBeforeStart)
        var unset = Drive.onDates(); unset.dates.start = nil
        #expect(Drive.press(unset, .char("d")).0.notice?.text == UIText.needRange)
    }

    @Test func coverageArrivesAndMarksDays() {
        let s = Drive.press(Drive.onDates(), .pageDown, .pageUp).0
        let from = s.dates.coverageFrom!, to = s.dates.coverageTo!
        var loaded = update(s, .coverageLoaded(from: from, to: to, .success(SampleScenes.coverage(for: ["Cổng trước", "Bàn đóng gói 1"])))).0
        #expect(loaded.dates.coverageStatus == .loaded)
        #expect(DatesScreen.dayFraction(loaded, loaded.today - 10) == 0)
        let y = DatesScreen.dayFraction(loaded, loaded.today - 1)!
        #expect(y > 0 && y < 1)
        #expect(DatesScreen.dayFraction(loaded, loaded.today + 2) == nil, "the future is unknown")
        // A late answer for another span is ignored.
        let stale = update(loaded, .coverageLoaded(from: from.addingTimeInterval(-1), to: to, .success([]))).0
        #expect(stale.dates.coverage.count == 2)
        loaded = update(s, .coverageLoaded(from: from, to: to, .failure(EngineFailure(Localized(vi: "Thiết bị không hỗ trợ Profile G.", en: "The device offers no recordings over ONVIF (no Profile G)."))))).0
        #expect(loaded.rendered().plainText.contains("no recordings over ONVIF"))
    }
}

@Suite struct DownloadScreenTests {
    func downloading() -> AppState {
        var s = SampleScenes.state(.downloads, lang: .en, theme: Drive.theme)
        s.downloads.cursor = 1                       // a running camera
        return s
    }

    @Test func pauseAndResumeOneCamera() {
        var (s, c) = Drive.press(downloading(), .char("p"))
        // the command names the job and the camera; the row waits for the engine's word
        #expect(c == [.pauseDownload(job: 1, camera: "Kho hàng")] && s.downloads.rows[1].phase == .running)
        s.downloads.rows[1].phase = .paused(nil)   // as the engine reports it
        (s, c) = Drive.press(s, .char("p"))
        #expect(c == [.resumeDownload(job: 1, camera: "Kho hàng")] && s.downloads.rows[1].phase == .paused(nil))
        // A finished camera cannot be paused, and says so.
        let (d, c2) = Drive.press(s, .char("k"), .char("p"))
        #expect(c2.isEmpty && d.notice?.text == UIText.downloadNotRunning)
        // A failed camera can be tried again.
        var f = downloading()
        f.downloads.rows[1].phase = .failed(Localized(vi: "Mất kết nối.", en: "The link dropped."))
        #expect(Drive.press(f, .char("p")).1 == [.resumeDownload(job: 1, camera: "Kho hàng")])
    }

    @Test func pauseAndResumeAll() {
        var (s, c) = Drive.press(downloading(), .char("P"))
        #expect(c == [.pauseDownload(job: 1, camera: nil)] && s.downloads.anyActive, "nothing changes before the engine says so")
        for i in s.downloads.rows.indices where s.downloads.rows[i].phase.isActive { s.downloads.rows[i].phase = .paused(nil) }
        (s, c) = Drive.press(s, .char("P"))
        #expect(c == [.resumeDownload(job: 1, camera: nil)])
    }

    @Test func cancelAsksFirst() {
        var (s, c) = Drive.press(downloading(), .char("x"))
        #expect(s.modal == .confirmCancel(job: 1, camera: "Kho hàng") && c.isEmpty)
        #expect(s.rendered().plainText.contains("Cancel the download of Kho hàng?"))
        (s, c) = Drive.press(s, .escape)
        #expect(s.modal == nil && c.isEmpty && s.downloads.rows[1].phase == .running)
        (s, c) = Drive.press(s, .char("x"), .enter)
        #expect(c == [.cancelDownload(job: 1, camera: "Kho hàng")] && s.downloads.rows[1].phase == .running)
        (s, c) = Drive.press(s, .char("X"), .char("y"))
        #expect(c == [.cancelDownload(job: 1, camera: nil)])
    }

    /// Two jobs (two ranges of one source, the same camera names): each key acts on the row's own
    /// job; "all" keys act on every job; the screen shows which job a row belongs to.
    @Test func twoJobsAreControlledApart() {
        var s = downloading()
        s.downloads.jobs.append(DownloadJobInfo(id: 2, source: "nvr_kho", phase: .running))
        s = update(s, .downloadProgress(DownloadJobInfo(id: 2, source: "nvr_kho", phase: .running),
                                        [DownloadRow(jobID: 2, camera: "Kho hàng", phase: .running),
                                         DownloadRow(jobID: 2, camera: "Cổng trước", phase: .paused(nil))])).0
        #expect(s.downloads.rows.count == 8 && s.downloads.rows.suffix(2).allSatisfy { $0.jobID == 2 })
        s.downloads.cursor = 6
        #expect(Drive.press(s, .char("p")).1 == [.pauseDownload(job: 2, camera: "Kho hàng")])
        s.downloads.cursor = 7
        #expect(Drive.press(s, .char("p")).1 == [.resumeDownload(job: 2, camera: "Cổng trước")])
        #expect(Drive.press(s, .char("x"), .enter).1 == [.cancelDownload(job: 2, camera: "Cổng trước")])
        #expect(Drive.press(s, .char("P")).1 == [.pauseDownload(job: 1, camera: nil), .pauseDownload(job: 2, camera: nil)])
        #expect(Drive.press(s, .char("X"), .char("y")).1 == [.cancelDownload(job: 1, camera: nil), .cancelDownload(job: 2, camera: nil)])
        #expect(s.rendered().plainText.contains("Job 2 · nvr_kho"))
        s.downloads.cursor = 0
        #expect(s.rendered().plainText.contains("Job 1"), "the first job's header shows above its cameras")
        // job 1's report leaves job 2's rows alone
        let before = s.downloads.rows.filter { $0.jobID == 2 }
        s = update(s, .downloadProgress(DownloadJobInfo(id: 1, source: "", phase: .cancelled),
                                        s.downloads.rows.filter { $0.jobID == 1 }.map { var r = $0; r.phase = .cancelled; return r })).0
        #expect(s.downloads.rows.filter { $0.jobID == 2 } == before)
        #expect(s.downloads.rows.filter { $0.jobID == 1 }.allSatisfy { $0.phase == .cancelled })
    }

    @Test func progressMergesAndLogsEndings() {
        var s = downloading()
        let job = s.downloads.jobs[0]
        var rows = s.downloads.rows
        rows[1].mediaDone = rows[1].mediaTotal; rows[1].phase = .done; rows[1].files = 3
        s = update(s, .downloadProgress(job, rows)).0
        #expect(s.downloads.rows[1].fraction == 1 && s.log.lines.last?.text.en == "Kho hàng: done, 3 files.")
        rows.append(DownloadRow(jobID: job.id, camera: "Camera 99", phase: .failed(Localized(vi: "Ổ đĩa đầy.", en: "The disk is full."))))
        s = update(s, .downloadProgress(job, rows)).0
        #expect(s.downloads.rows.count == 7 && s.log.lines.last?.level == .error)
        s = update(s, .downloadFinished(jobID: job.id, .done, Localized(vi: "Xong.", en: "All done."))).0
        #expect(s.log.lines.last?.text.en == "All done." && s.log.lines.last?.level == .ok)
        #expect(s.downloads.jobs[0].phase == .done && s.downloads.jobs[0].summary?.en == "All done.")
    }

    @Test func overallSumsTheCameras() {
        var s = DownloadsState()
        s.rows = [DownloadRow(camera: "a", phase: .done, mediaDone: 100, mediaTotal: 100, bytes: 10),
                  DownloadRow(camera: "b", phase: .running, mediaDone: 50, mediaTotal: 100, bytes: 5, bytesPerSecond: 7, etaSeconds: 9)]
        let o = s.overall
        #expect(o.fraction == 0.75 && o.bytes == 15 && o.bytesPerSecond == 7 && o.etaSeconds == 9 && o.phase == .running)
    }

    @Test func engineNotBuiltYetIsSaidInWords() {
        var s = Drive.press(Drive.type(Drive.press(Drive.fresh(), .char("a")).0, "127.0.0.1"), .ctrl("t")).0
        guard case let .probe(conn) = Drive.press(Drive.type(Drive.press(Drive.fresh(), .char("a")).0, "127.0.0.1"), .ctrl("t")).1.first! else { return }
        let msg = Localized(vi: "chưa có", en: "not built yet")
        s = update(s, .commandFailed(.probe(conn), msg)).0
        #expect(!s.form.testing && s.form.outcome?.text == msg && s.log.lines.last?.text == msg)
    }
}

/// Things found by walking through `vtrack demo` as a technician.
@Suite struct WalkthroughTests {
    @Test func aSourceSavedAfterItsTestShowsThatTestInTheList() {
        var s = Drive.fresh()
        let conn = Connection(name: "nvr_new", host: "10.0.0.9", port: 80, user: "admin", password: "pw", videoRoot: "v")
        s = update(s, .probeFinished(conn, .success(ProbeOutcome(device: SampleScenes.device, cameras: SampleScenes.cameras)))).0
        // saving reloads the list, which now holds the new source
        s = update(s, .sourcesLoaded(.success([SavedSource(name: "nvr_new", host: "10.0.0.9", port: 80, user: "admin")]))).0
        #expect(s.sources.saved[0].lastOK == true && s.sources.saved[0].lastResult == UIText.connected("VTrack SIM-NVR", 4))
        s.screen = .sources; s.focus = .savedList
        #expect(!s.rendered().plainText.contains("not tested"))
    }

    @Test func logLinesCarryTheTimeTheyHappened() {
        let s = Drive.fresh()
        let later = SampleScenes.now.addingTimeInterval(17)
        let (n, _) = step(s, .log(.info, Localized(vi: "a", en: "a")), at: later)
        #expect(n.log.lines.last?.time == later && n.now == later)
        let (k, _) = step(s, .tick, at: later)
        #expect(k.now == SampleScenes.now, "ticks do not move the clock")
    }

    @Test func saveReportFoldersAreShownUnderTheRoot() {
        let s = SampleScenes.state(.saveReport, lang: .en, theme: Drive.theme)
        let text = s.rendered().plainText
        #expect(text.contains("Video root: nvr_downloads"))
        #expect(text.contains("→ nvr_localhost/Bàn đóng gói 1"), "\(text)")
    }
}

/// Engine events redraw at most 10 times a second, however many arrive.
@Suite struct FrameThrottleTests {
    @Test func aThousandProgressEventsInOneSecondMakeAtMostElevenFrames() {
        var t = FrameThrottle(interval: 100_000_000)
        var frames: [UInt64] = []
        var scheduled: UInt64?
        for ms in stride(from: UInt64(0), to: 1000, by: 1) {
            let now = ms * 1_000_000
            if let at = scheduled, at <= now { t.drew(at: now); frames.append(now); scheduled = nil }
            if let delay = t.request(now: now) { scheduled = now + delay }
        }
        #expect(frames.count >= 9 && frames.count <= 11, "\(frames.count) frames")
        #expect(zip(frames, frames.dropFirst()).allSatisfy { $1 - $0 >= 100_000_000 })
    }

    @Test func theFirstEventDrawsAtOnceAndAPendingFrameTakesTheRest() {
        var t = FrameThrottle()
        #expect(t.request(now: 5) == 0)
        #expect(t.request(now: 6) == nil)
        t.drew(at: 10)
        #expect(t.request(now: 20) == 100_000_000 - 10)
    }
}

@Suite struct DatesFootageTests {
    @Test func footageInRangeIsPerCameraNotASumOfCameraHours() {
        let s = SampleScenes.state(.dates, lang: .en, theme: Drive.theme)
        let text = s.rendered().plainText
        #expect(text.contains("of 2 cameras × 24.0 h"), "\(text)")
        #expect(!text.contains("of 48.0 h"))
    }
}

@Suite struct DownloadWordingTests {
    @Test func aCameraWaitingItsTurnMidwaySaysSo() {
        var s = SampleScenes.state(.downloads, lang: .en, theme: Drive.theme, width: 120, height: 40)
        s.downloads.rows = [DownloadRow(camera: "Cam A", phase: .queued, mediaDone: 600, mediaTotal: 3600, bytes: 1_000_000),
                            DownloadRow(camera: "Cam B", phase: .queued, mediaTotal: 3600)]
        let text = s.rendered().plainText
        #expect(text.contains("waiting "), "\(text)")
        #expect(text.contains("queued"))
    }
}

@Suite struct CameraLegendTests {
    @Test(arguments: [Language.en, .vi])
    func theStreamMarksAreExplainedAt80Columns(_ lang: Language) {
        var g = SampleScenes.state(.cameras, lang: lang, theme: Drive.theme)
        g.modal = nil
        let line = g.rendered().plainText.split(separator: "\n")[2]
        #expect(line.contains("●") && line.contains("✗") && line.contains("○"), "\(line)")
        #expect(line.contains(lang == .en ? "stream ok" : "có luồng"))
    }
}
