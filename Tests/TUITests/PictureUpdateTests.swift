import Common
import Foundation
import Pictures
import Testing
@testable import TUI

/// Pictures in `update`: what is asked of the engine and what the state keeps per camera,
/// the preview's refresh by ticks, and the live view (frames answered with `liveReady`, stale
/// ones ignored, stopped when the preview closes or the app quits).
@Suite struct PictureUpdateTests {
    static let conn = SampleScenes.connection
    static let cams = SampleScenes.cameras
    static func pic(_ ch: Int = 1) -> ShownPicture { ShownPicture(picture: SampleScenes.testPicture(channel: ch, width: 32, height: 18)) }

    /// A tested grid of `count` cameras at a window size, no pictures yet.
    static func grid(count: Int = 4, width: Int = 80, height: Int = 24) -> AppState {
        var s = Drive.tested()
        s.width = width; s.height = height
        let all = SampleScenes.cameras + SampleScenes.moreCameras + (9...40).map { ch in
            Camera(id: "cam\(ch)", name: "Camera \(ch)", streamURL: "", resolution: "", codec: "", capabilities: [], channel: ch, sourceToken: "VS\(ch)")
        }
        s.cameras.rows = all.prefix(count).map { CameraRow(camera: $0) }
        s.cameras.cursor = 0
        return s
    }

    static func ids(_ c: [Command]) -> [[String]] {
        c.compactMap { if case let .loadPictures(_, list, _) = $0 { return list.map(\.id) } else { return nil } }
    }

    @Test func aTestLoadsEveryPictureTheOnesOnScreenFirst() {
        var s = Self.grid(count: 0, width: 120, height: 40)
        s.cameras.connection = nil
        let cams = Array((SampleScenes.cameras + SampleScenes.moreCameras))
        let (t, c) = update(s, .probeFinished(Self.conn, .success(ProbeOutcome(device: SampleScenes.device, cameras: cams))))
        let asked = c.compactMap { cmd -> ([Camera], Bool)? in
            if case let .loadPictures(conn, list, refresh) = cmd, conn == Self.conn { return (list, refresh) } else { return nil }
        }
        #expect(asked.count == 1)
        #expect(asked.first?.0 == cams && asked.first?.1 == false, "cursor on the first: the grid's order")
        #expect(cams.allSatisfy { t.pictures[$0.id].loading }, "every tile shows its spinner at once")
        #expect(t.isAnimating, "spinners tick")

        // with the cursor further down, the tiles on screen come before the others
        var far = t
        far.cameras.cursor = 7
        let order = far.pictureOrder().map(\.channel)
        let layout = far.cameraLayout
        let onScreen = Array(layout.visible(count: 8, cursor: 7)).map { $0 + 1 }
        #expect(order.first == 8, "the focused camera first")
        #expect(Set(order.prefix(onScreen.count)) == Set(onScreen), "then the ones on screen: \(order) vs \(onScreen)")
        #expect(!onScreen.contains(1) && order.count == 8)
    }

    @Test func eachCameraKeepsItsOwnStatusPictureAndFailure() {
        var s = Self.grid()
        let a = Self.cams[0].id, b = Self.cams[1].id
        s = update(s, .pictureLoading(cameraID: a)).0
        #expect(s.pictures[a].loading && !s.pictures[b].loading)
        let p = Self.pic()
        s = update(s, .pictureLoaded(cameraID: a, p)).0
        #expect(s.pictures[a] == PictureSlot(shown: p))
        let why = Localized(vi: "Không có ảnh: hết giờ.", en: "No picture: timed out.")
        s = update(s, .pictureFailed(cameraID: b, why)).0
        #expect(s.pictures[b].failure == why && s.pictures[b].shown == nil && !s.pictures[b].loading)
        #expect(s.pictures[a].shown === p, "one camera's failure leaves the other's picture")
        // a refresh that fails keeps the picture and says why
        s = update(s, .pictureFailed(cameraID: a, why)).0
        #expect(s.pictures[a].shown === p && s.pictures[a].failure == why)
        #expect(!s.isAnimating, "nothing loads: no ticks")
        // a command that could not run fails every camera it asked for
        s = update(s, .commandFailed(.loadPictures(Self.conn, cameras: [Self.cams[2]], refresh: false), why)).0
        #expect(s.pictures[Self.cams[2].id].failure == why)
    }

    @Test func rRefreshesEveryPictureAndKeepsTheOldOnesMeanwhile() {
        var s = Self.grid()
        let p = Self.pic()
        s = update(s, .pictureLoaded(cameraID: Self.cams[0].id, p)).0
        s.cameras.cursor = 2
        let (r, c) = Drive.press(s, .char("r"))
        guard case let .loadPictures(conn, list, refresh)? = c.first, c.count == 1 else { Issue.record("no load: \(c)"); return }
        #expect(conn == Self.conn && refresh)
        #expect(list.first == Self.cams[2] && Set(list) == Set(Self.cams), "all of them, the focused one first")
        #expect(r.pictures[Self.cams[0].id].shown === p && r.pictures[Self.cams[0].id].loading)
        // the sources screen's r still searches the network
        var src = s
        src.screen = .sources; src.focus = .savedList
        #expect(Drive.press(src, .char("r")).1 == [.startDiscovery])
    }

    @Test func picturesOffExplainsItself() {
        var s = Self.grid()
        s.pictureSettings.graphics = .none
        #expect(Drive.press(s, .char("p")).0.notice?.text == UIText.picturesOff)
        #expect(Drive.press(s, .char("r")).1.isEmpty)
        let (t, c) = update(s, .probeFinished(Self.conn, .success(ProbeOutcome(device: SampleScenes.device, cameras: Self.cams))))
        #expect(Self.ids(c).isEmpty && !t.pictures.anyLoading(Self.cams.map(\.id)), "no pictures are taken with --graphics none")
    }

    /// Opens the preview on camera 0 and lets its first load finish.
    static func previewing() -> AppState {
        var s = Self.grid()
        let (o, c) = Drive.press(s, .char("p"))
        #expect(o.isPreviewing && o.pictures.preview?.cameraID == Self.cams[0].id)
        #expect(c == [.loadPictures(Self.conn, cameras: [Self.cams[0]], refresh: true), .ptzOpen(Self.conn, camera: Self.cams[0])],
                "a fresh picture at once, and what the camera can do with PTZ")
        s = update(o, .pictureLoaded(cameraID: Self.cams[0].id, Self.pic())).0
        return s
    }

    /// Ticks until the preview asks for a picture; the number of ticks it took.
    static func ticksToRefresh(_ state: inout AppState, limit: Int = 1000) -> Int? {
        for n in 1...limit {
            let (next, c) = update(state, .tick)
            state = next
            if !c.isEmpty {
                #expect(c == [.loadPictures(Self.conn, cameras: [Self.cams[0]], refresh: true)])
                return n
            }
        }
        return nil
    }

    @Test func thePreviewRefreshesOnTicksAndOnlyWhileOnScreen() {
        var s = Self.previewing()
        #expect(s.isAnimating, "the preview counts ticks")
        #expect(Self.ticksToRefresh(&s) == 10, "1 s of 100 ms ticks")
        // while that load runs, ticks ask for nothing more
        for _ in 0..<30 { let (n, c) = update(s, .tick); s = n; #expect(c.isEmpty) }
        s = update(s, .pictureLoaded(cameraID: Self.cams[0].id, Self.pic())).0
        // configurable: 2.5 s
        s.pictureSettings.previewRefresh = 2.5
        s = update(s, .pictureFailed(cameraID: Self.cams[0].id, Localized(vi: "x", en: "x"))).0
        #expect(Self.ticksToRefresh(&s) == 25)
        s = update(s, .pictureLoaded(cameraID: Self.cams[0].id, Self.pic())).0
        // the help over the preview pauses it
        s = Drive.press(s, .char("?")).0
        #expect(s.modal == .help)
        for _ in 0..<100 { let (n, c) = update(s, .tick); s = n; #expect(c.isEmpty, "no refresh under the help") }
        s = Drive.press(s, .escape).0
        #expect(s.modal == nil && s.isPreviewing)
        #expect(Self.ticksToRefresh(&s) != nil)
        s = update(s, .pictureLoaded(cameraID: Self.cams[0].id, Self.pic())).0
        // closed: no refresh, no ticks
        let (closed, c) = Drive.press(s, .escape)
        #expect(!closed.isPreviewing && c.isEmpty && closed.screen == .cameras)
        #expect(!closed.isAnimating, "nothing moves: the tick timer stops")
        var after = closed
        for _ in 0..<100 { let (n, c) = update(after, .tick); after = n; #expect(c.isEmpty) }
        // p and q close it too
        #expect(!Drive.press(Self.previewing(), .char("p")).0.isPreviewing)
        let q = Drive.press(Self.previewing(), .char("q")).0
        #expect(!q.isPreviewing && q.running, "q in the preview closes it, it does not quit")
    }

    @Test func thePreviewShowsNameChannelResolutionAndTime() {
        for lang in Language.allCases {
            var s = SampleScenes.state(.preview, lang: lang, theme: Drive.theme, width: 100, height: 30)
            s.pictures.preview?.ticksToRefresh = 5
            let text = s.rendered().plainText
            #expect(text.contains("Cổng trước"))
            #expect(text.contains(lang == .vi ? "Kênh 1" : "Channel 1"))
            #expect(text.contains("1920x1080"))
            #expect(text.contains("10:29:58"), "the picture's time (local)")
            #expect(text.contains(lang == .vi ? "làm mới mỗi 1 giây" : "refreshed every 1 s"))
            #expect(!text.contains("┌─ Log") && !text.contains("┌─ Nhật ký"), "full screen: the log is under it")
        }
    }

    @Test func liveFramesAreAnsweredStaleOnesIgnoredAndTheViewStops() {
        var s = Self.previewing()
        var (l, c) = Drive.press(s, .char("v"))
        guard case let .startLive(conn, cam, session)? = c.first, c.count == 1 else { Issue.record("no live: \(c)"); return }
        #expect(conn == Self.conn && cam == Self.cams[0])
        s = l
        #expect(s.rendered().plainText.contains("opening the live stream"))
        // no refresh while live
        for _ in 0..<30 { let (n, c) = update(s, .tick); s = n; #expect(c.isEmpty) }
        #expect(Drive.press(s, .char("r")).0.notice?.text == UIText.liveRunning)
        // each frame is shown and answered with liveReady (the loop runs it after drawing)
        let f1 = Self.pic(2), f2 = Self.pic(3)
        (s, c) = update(s, .liveFrame(session: session, f1))
        #expect(c == [.liveReady(session: session)] && c[0].runsAfterDraw)
        #expect(s.pictures.preview?.live?.frame === f1)
        (s, c) = update(s, .liveFrame(session: session, f2))
        #expect(c == [.liveReady(session: session)] && s.pictures.preview?.live?.frames == 2)
        #expect(s.rendered().plainText.contains("LIVE"))
        // a frame of another view is dropped, not answered
        (l, c) = update(s, .liveFrame(session: session + 7, Self.pic(4)))
        #expect(c.isEmpty && l.pictures.preview?.live?.frame === f2)
        // v again stops it; still pictures come back
        (l, c) = Drive.press(s, .char("v"))
        #expect(c == [.stopLive(session: session)] && l.pictures.preview?.live == nil)
        #expect(Self.ticksToRefresh(&l) == 1, "a still picture at once")
        // closing the preview stops it; a frame after that is ignored
        let (closed, cc) = Drive.press(s, .escape)
        #expect(cc == [.stopLive(session: session)] && !closed.isPreviewing)
        let (late, lc) = update(closed, .liveFrame(session: session, Self.pic(5)))
        #expect(lc.isEmpty && late.pictures.preview == nil, "a stale frame after close is ignored")
        #expect(update(closed, .liveEnded(session: session, nil)).1.isEmpty)
        // quitting stops it too
        let (quit, qc) = Drive.press(s, .ctrl("c"))
        #expect(!quit.running && qc == [.stopLive(session: session), .quit])
    }

    @Test func aLiveViewThatFailsSaysWhyAndStillPicturesResume() {
        var s = Self.previewing()
        let (l, c) = Drive.press(s, .char("v"))
        guard case let .startLive(_, _, session)? = c.first else { Issue.record("no live"); return }
        let why = Localized(vi: "Luồng phụ không trả lời.", en: "The sub stream does not answer.")
        s = update(l, .liveEnded(session: session, why)).0
        #expect(s.pictures.preview?.live?.ended == why && s.log.lines.last?.text == why)
        #expect(s.rendered().plainText.contains("The sub stream does not answer."))
        #expect(Self.ticksToRefresh(&s) == 1)
        // v starts a new view with a new number
        let (again, c2) = Drive.press(s, .char("v"))
        guard case let .startLive(_, _, next)? = c2.first else { Issue.record("no second live: \(c2)"); return }
        #expect(next != session && c2.count == 1 && again.pictures.preview?.live?.session == next, "the ended view is not stopped again")
    }

    @Test func bracketsMoveThePreviewToTheNextCameraKeepingLive() {
        var s = Self.previewing()
        let (l, c) = Drive.press(s, .char("v"))
        guard case let .startLive(_, _, session)? = c.first else { Issue.record("no live"); return }
        s = l
        let (n, c2) = Drive.press(s, .char("]"))
        #expect(n.pictures.preview?.cameraID == Self.cams[1].id && n.cameras.cursor == 1)
        #expect(c2.count == 4)
        #expect(c2.contains(.ptzOpen(Self.conn, camera: Self.cams[1])), "the next camera is asked about PTZ")
        #expect(c2.first == .stopLive(session: session))
        #expect(c2.contains(.loadPictures(Self.conn, cameras: [Self.cams[1]], refresh: true)))
        #expect(c2.contains { if case let .startLive(_, cam, s2) = $0 { return cam == Self.cams[1] && s2 != session } else { return false } })
        // [ from the first wraps to the last (PgUp and PgDn too); Space ticks the previewed camera
        let (w, _) = Drive.press(Self.previewing(), .char("["))
        #expect(w.pictures.preview?.cameraID == Self.cams[3].id)
        #expect(Drive.press(Self.previewing(), .pageUp).0.pictures.preview?.cameraID == Self.cams[3].id)
        #expect(Drive.press(Self.previewing(), .pageDown).0.pictures.preview?.cameraID == Self.cams[1].id)
        // ← and → steer a PTZ camera now: they no longer change the camera
        #expect(Drive.press(Self.previewing(), .left).0.pictures.preview?.cameraID == Self.cams[0].id)
        let (t, _) = Drive.press(w, .space)
        #expect(t.cameras.rows[3].selected != w.cameras.rows[3].selected)
    }

    @Test func aNewTestClosesThePreviewAndForgetsTheOldPictures() {
        var s = Self.previewing()
        let (l, c) = Drive.press(s, .char("v"))
        guard case let .startLive(_, _, session)? = c.first else { Issue.record("no live"); return }
        s = l
        let (t, c2) = update(s, .probeFinished(Self.conn, .success(ProbeOutcome(device: SampleScenes.device, cameras: Self.cams))))
        #expect(!t.isPreviewing && c2.first == .stopLive(session: session))
        #expect(t.pictures[Self.cams[0].id].shown == nil && t.pictures[Self.cams[0].id].loading)
    }
}
