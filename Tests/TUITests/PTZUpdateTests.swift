import Common
import Core
import Foundation
import Testing
@testable import TUI

/// PTZ in `update`: the preview asks its camera about PTZ once; held keys become moves with a
/// Timeout, renewed at most 4 times a second and followed by one Stop (on the state's monotonic
/// clock, `uptime`, moved by hand here); presets, home, speed, the name prompt; the status and
/// the picture follow faster while moving; a Stop when the preview closes or the app quits.
@Suite struct PTZUpdateTests {
    static let conn = SampleScenes.connection
    static let cams = SampleScenes.cameras
    static let caps = PTZCapabilities(panTilt: true, zoom: true, continuousMove: true, relativeMove: true, absoluteMove: true,
                                      home: true, maxPresets: 32, panRange: -1...1, tiltRange: -1...1, zoomRange: 0...1)
    static let presets = [PTZPreset(token: "p1", name: "Gate"), PTZPreset(token: "p2", name: "Dock")]

    /// The preview of camera 0 open, its first picture in, and its PTZ answer (`overview`, or
    /// no PTZ when nil) arrived. The clock at 100 s.
    static func previewing(_ overview: PTZOverview? = PTZOverview(capabilities: caps, presets: presets,
                                                                  status: PTZStatus(pan: 0, tilt: 0, zoom: 0))) -> AppState {
        var s = PictureUpdateTests.grid()
        s.uptime = 100
        let (o, c) = Drive.press(s, .char("p"))
        #expect(c.contains(.ptzOpen(Self.conn, camera: Self.cams[0])))
        #expect(o.pictures.preview?.ptz?.phase == .asking)
        s = update(o, .pictureLoaded(cameraID: Self.cams[0].id, PictureUpdateTests.pic())).0
        let answer: Result<PTZOverview, EngineFailure> = overview.map { .success($0) } ?? .failure(EngineFailure(PTZText.noPTZ))
        return update(s, .ptzOpened(cameraID: Self.cams[0].id, answer)).0
    }

    static func moves(_ c: [Command]) -> [PTZVelocity] {
        c.compactMap { if case let .ptzMove(_, _, v, _) = $0 { return v } else { return nil } }
    }
    static func stops(_ c: [Command]) -> Int { c.filter { if case .ptzStop = $0 { return true } else { return false } }.count }

    /// Events at times (keys and 0.1 s ticks), as the loop feeds them: the commands of each.
    static func play(_ state: inout AppState, keys: [(Double, Key)], until end: Double) -> [(Double, Command)] {
        var events: [(Double, AppEvent)] = keys.map { ($0.0, .key($0.1)) }
        var t = (keys.first?.0 ?? state.uptime) + 0.1
        while t <= end + 1e-9 { events.append((t, .tick)); t += 0.1 }
        events.sort { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if case .key = a.1 { return true }
            return false
        }
        var out: [(Double, Command)] = []
        for (time, event) in events {
            state.uptime = time
            let (n, c) = update(state, event)
            state = n
            out += c.map { (time, $0) }
        }
        return out
    }

    /// Ticks (0.1 s each) until the preview asks for a picture, answering status reads (still);
    /// the number of ticks it took.
    static func ticksToPicture(_ state: inout AppState, moving: Bool = false, limit: Int = 200) -> Int? {
        for n in 1...limit {
            state.uptime += 0.1
            let (next, c) = update(state, .tick)
            state = next
            if c.contains(.ptzStatus(Self.conn, camera: Self.cams[0])) {
                state = update(state, .ptzStatus(cameraID: Self.cams[0].id, .success(PTZStatus(pan: 0, tilt: 0, zoom: 0, moving: moving)))).0
            }
            if c.contains(.loadPictures(Self.conn, cameras: [Self.cams[0]], refresh: true)) { return n }
        }
        return nil
    }

    @Test func aCameraWithoutPTZSaysSoQuietly() {
        let s = Self.previewing(nil)
        #expect(s.pictures.preview?.ptz?.phase == .unavailable(PTZText.noPTZ))
        let text = s.rendered().plainText
        #expect(text.contains("PTZ  no PTZ"), "\(text)")
        #expect(!s.log.lines.contains { $0.text == PTZText.noPTZ }, "not logged: quiet")
        // its PTZ keys say why and ask nothing
        for key in [Key.left, .char("k"), .char("+"), .char("1"), .char("0"), .char("s")] {
            let (t, c) = Drive.press(s, key)
            #expect(c.isEmpty && t.notice?.text == PTZText.noPTZ, "\(key.label)")
        }
        // the picture keys still work
        #expect(!Drive.press(s, .char("r")).1.isEmpty)
        // while the camera is being asked: that is what a key says
        var asking = s
        asking.pictures.preview?.ptz?.phase = .asking
        #expect(Drive.press(asking, .left).0.notice?.text == PTZText.asking)
        #expect(asking.rendered().plainText.contains("asking…"))
    }

    @Test func eachKeyMovesItsWayAtTheChosenSpeed() {
        let s = Self.previewing()
        let want: [(Key, PTZVelocity)] = [
            (.left, PTZVelocity(pan: -0.6)), (.char("h"), PTZVelocity(pan: -0.6)),
            (.right, PTZVelocity(pan: 0.6)), (.char("l"), PTZVelocity(pan: 0.6)),
            (.up, PTZVelocity(tilt: 0.6)), (.char("k"), PTZVelocity(tilt: 0.6)),
            (.down, PTZVelocity(tilt: -0.6)), (.char("j"), PTZVelocity(tilt: -0.6)),
            (.char("+"), PTZVelocity(zoom: 0.6)), (.char("="), PTZVelocity(zoom: 0.6)), (.char("-"), PTZVelocity(zoom: -0.6)),
        ]
        for (key, v) in want {
            let (t, c) = Drive.press(s, key)
            #expect(c == [.ptzMove(Self.conn, camera: Self.cams[0], velocity: v, timeout: 0.4)], "\(key.label): \(c)")
            #expect(t.pictures.preview?.ptz?.isMoving == true)
            #expect(t.rendered().plainText.contains("● moving"))
        }
        // > twice: speed 5 (full speed); a third says so; < back down
        var f = Drive.press(s, .char(">"), .char("."))
        #expect(f.0.pictures.preview?.ptz?.speed == 5 && f.1.isEmpty)
        #expect(f.0.rendered().plainText.contains("speed 5/5"))
        #expect(Drive.press(f.0, .char(">")).0.notice?.text == PTZText.fastest)
        #expect(Self.moves(Drive.press(f.0, .left).1) == [PTZVelocity(pan: -1)])
        f = Drive.press(s, .char("<"), .char(","))
        #expect(f.0.pictures.preview?.ptz?.speed == 1)
        #expect(Drive.press(f.0, .char("<")).0.notice?.text == PTZText.slowest)
        #expect(Self.moves(Drive.press(f.0, .char("k")).1) == [PTZVelocity(tilt: 0.2)])
    }

    @Test func aHeldKeyRenewsAtMost4TimesASecondAndOneStopFollowsItsLastRepeat() {
        var s = Self.previewing()
        // a press at 100 s, the keyboard's delay, then 30 repeats a second for 2 s
        var keys: [(Double, Key)] = [(100, .left)]
        var t = 100.5
        while t <= 102 { keys.append((t, .left)); t += 1.0 / 30 }
        let out = Self.play(&s, keys: keys, until: 104)
        let moves = out.filter { if case .ptzMove = $0.1 { return true } else { return false } }
        let stops = out.filter { if case .ptzStop = $0.1 { return true } else { return false } }
        #expect(moves.count >= 5 && moves.count <= 10, "\(moves.map(\.0))")
        #expect(stops.count == 1)
        if let stop = stops.first?.0 { #expect(stop > keys.last!.0 && stop - keys.last!.0 <= 0.36) }
        #expect(s.pictures.preview?.ptz?.hold.isMoving == false)
        // the status was read while it moved, about 3 times a second
        let reads = out.filter { if case .ptzStatus = $0.1 { return true } else { return false } }
        #expect(reads.count >= 1, "status asked while moving")
    }

    @Test func anotherDirectionIsSentAtOnce() {
        var s = Self.previewing()
        var c: [Command]
        (s, c) = Drive.press(s, .left)
        #expect(Self.moves(c) == [PTZVelocity(pan: -0.6)])
        s.uptime += 0.05
        (s, c) = Drive.press(s, .left)
        #expect(c.isEmpty, "a repeat 50 ms later: nothing new")
        s.uptime += 0.05
        (s, c) = Drive.press(s, .up)
        #expect(Self.moves(c) == [PTZVelocity(tilt: 0.6)], "up right away")
    }

    @Test func closingThePreviewOrQuittingStopsAMovingCamera() {
        let moving = Drive.press(Self.previewing(), .left).0
        // Esc (and p, q) close it: a Stop
        for key in [Key.escape, .char("p"), .char("q")] {
            let (t, c) = Drive.press(moving, key)
            #expect(!t.isPreviewing && c.contains(.ptzStop(Self.conn, camera: Self.cams[0])), "\(key.label): \(c)")
        }
        // Ctrl-C quits: the Stop goes before the quit
        let (q, qc) = Drive.press(moving, .ctrl("c"))
        #expect(!q.running && qc.first == .ptzStop(Self.conn, camera: Self.cams[0]) && qc.last == .quit)
        // another camera: the first stops, the next is asked about PTZ
        let (n, nc) = Drive.press(moving, .char("]"))
        #expect(nc.first == .ptzStop(Self.conn, camera: Self.cams[0]))
        #expect(nc.contains(.ptzOpen(Self.conn, camera: Self.cams[1])))
        #expect(n.pictures.preview?.ptz?.cameraID == Self.cams[1].id && n.pictures.preview?.ptz?.phase == .asking)
        // leaving the cameras screen
        #expect(Drive.press(moving, .escape).1.contains(.ptzStop(Self.conn, camera: Self.cams[0])))
        // a preview that never moved the camera closes without a word to it
        #expect(Drive.press(Self.previewing(), .escape).1.isEmpty)
        // a new test of the source closes it too
        let (_, tc) = update(moving, .probeFinished(Self.conn, .success(ProbeOutcome(device: SampleScenes.device, cameras: Self.cams))))
        #expect(tc.first == .ptzStop(Self.conn, camera: Self.cams[0]))
        // x stops at once, even with no key held
        let (x, xc) = Drive.press(Self.previewing(), .char("x"))
        #expect(xc == [.ptzStop(Self.conn, camera: Self.cams[0])] && x.notice?.text == PTZText.stopped)
    }

    @Test func digitsGoToPresetsAndTheirListIsShown() {
        let s = Self.previewing()
        let text = s.rendered().plainText
        #expect(text.contains("Presets:  1 Gate  2 Dock"), "\(text)")
        let (t, c) = Drive.press(s, .char("2"))
        #expect(c == [.ptzGotoPreset(Self.conn, camera: Self.cams[0], preset: Self.presets[1])])
        #expect(t.notice?.text == PTZText.goingTo(2, "Dock"))
        #expect(t.pictures.preview?.ptz?.isActive == true, "the status and picture follow it")
        let (u, uc) = Drive.press(s, .char("7"))
        #expect(uc.isEmpty && u.notice?.text == PTZText.noSuchPreset(7, count: 2))
        // a held move gives way to the preset without a Stop (which would cut the preset short)
        let moving = Drive.press(s, .left).0
        let (g, gc) = Drive.press(moving, .char("1"))
        #expect(gc == [.ptzGotoPreset(Self.conn, camera: Self.cams[0], preset: Self.presets[0])])
        var after = g
        for _ in 0..<10 { after.uptime += 0.1; let (n, c) = update(after, .tick); after = n; #expect(Self.stops(c) == 0) }
        // none saved: the digits say how to make one
        let none = Self.previewing(PTZOverview(capabilities: Self.caps))
        #expect(Drive.press(none, .char("1")).0.notice?.text == PTZText.noPresets)
        #expect(none.rendered().plainText.contains("Presets: none yet (s saves this view)"))
    }

    @Test func homeAndItsAbsence() {
        let s = Self.previewing()
        #expect(Drive.press(s, .char("0")).1 == [.ptzHome(Self.conn, camera: Self.cams[0])])
        #expect(Drive.press(s, .home).1 == [.ptzHome(Self.conn, camera: Self.cams[0])])
        var caps = Self.caps
        caps.home = false; caps.zoom = false
        let bare = Self.previewing(PTZOverview(capabilities: caps))
        #expect(Drive.press(bare, .char("0")).0.notice?.text == PTZText.noHome)
        #expect(Drive.press(bare, .char("+")).0.notice?.text == PTZText.noZoom, "a node without zoom")
        #expect(!Self.moves(Drive.press(bare, .left).1).isEmpty, "it still pans")
    }

    @Test func sSavesTheViewAsAPresetUnderATypedName() {
        let s = Drive.press(Self.previewing(), .left).0
        var (t, c) = Drive.press(s, .char("s"))
        #expect(c == [.ptzStop(Self.conn, camera: Self.cams[0])], "a held move stops first")
        #expect(t.pictures.preview?.ptz?.naming != nil && t.isTyping && t.activeContexts == [.presetName])
        #expect(t.rendered().plainText.contains("New preset name:"))
        // q, digits and arrows type or edit: they neither close nor steer
        t = Drive.type(t, "Gate q2")
        #expect(t.isPreviewing && t.pictures.preview?.ptz?.naming?.text == "Gate q2")
        (t, c) = Drive.press(t, .left, .backspace, .backspace, .char("3"))
        #expect(c.isEmpty && t.pictures.preview?.ptz?.naming?.text == "Gate32")
        (t, c) = Drive.press(t, .enter)
        #expect(c == [.ptzSavePreset(Self.conn, camera: Self.cams[0], name: "Gate32")])
        #expect(t.pictures.preview?.ptz?.naming == nil && t.isPreviewing)
        let saved = PTZPreset(token: "p9", name: "Gate32")
        t = update(t, .ptzPresetSaved(cameraID: Self.cams[0].id, saved)).0
        #expect(t.pictures.preview?.ptz?.presets.last == saved && t.notice?.text == PTZText.saved("Gate32"))
        #expect(t.log.lines.last?.text == PTZText.saved("Gate32"))
        t = update(t, .ptzPresets(cameraID: Self.cams[0].id, [saved])).0
        #expect(t.pictures.preview?.ptz?.presets == [saved], "the device's list replaces the app's")
        // an empty name is refused; Esc cancels without closing the preview
        var e = Drive.press(Self.previewing(), .char("s")).0
        e = Drive.press(e, .enter).0
        #expect(e.notice?.text == PTZText.needName && e.pictures.preview?.ptz?.naming != nil)
        let (x, xc) = Drive.press(e, .escape)
        #expect(xc.isEmpty && x.isPreviewing && x.pictures.preview?.ptz?.naming == nil)
    }

    @Test func theStatusIsReadOftenWhileMovingAndShown() {
        var s = Self.previewing()
        #expect(s.rendered().plainText.contains("pan +0.00  tilt +0.00  zoom 0.00  ○ still"))
        // idle: once a second
        var asked: [Int] = []
        for n in 1...30 {
            s.uptime += 0.1
            let (t, c) = update(s, .tick)
            s = t
            if c.contains(.ptzStatus(Self.conn, camera: Self.cams[0])) {
                asked.append(n)
                s = update(s, .ptzStatus(cameraID: Self.cams[0].id, .success(PTZStatus(pan: 0, tilt: 0, zoom: 0)))).0
            }
        }
        #expect(asked == [10, 20, 30], "\(asked)")
        // a status on its way: no second one
        var pending = s
        pending.pictures.preview?.ptz?.statusPending = true
        for _ in 0..<40 { pending.uptime += 0.1; let (t, c) = update(pending, .tick); pending = t; #expect(!c.contains(.ptzStatus(Self.conn, camera: Self.cams[0]))) }
        // moving: every 3 ticks, and the position shows
        s = Drive.press(s, .right).0
        asked = []
        for n in 1...12 {
            s.uptime += 0.05
            if n % 2 == 0 { s = Drive.press(s, .right).0 }
            s.uptime += 0.05
            let (t, c) = update(s, .tick)
            s = t
            if c.contains(.ptzStatus(Self.conn, camera: Self.cams[0])) {
                asked.append(n)
                s = update(s, .ptzStatus(cameraID: Self.cams[0].id, .success(PTZStatus(pan: 0.01 * Double(n), tilt: 0, zoom: 0, moving: true)))).0
            }
        }
        #expect(asked.count >= 3, "\(asked)")
        let text = s.rendered().plainText
        #expect(text.contains("pan +0.") && text.contains("● moving"), "\(text)")
        // GetStatus refused: said quietly, asked again only now and then
        s = update(s, .ptzStatus(cameraID: Self.cams[0].id, .failure(EngineFailure(Localized(vi: "x", en: "x"))))).0
        #expect(s.rendered().plainText.contains("position: not reported"))
        #expect(s.pictures.preview?.ptz?.ticksToStatus == 50)
        // another camera's answers are stale
        let stale = update(s, .ptzStatus(cameraID: Self.cams[2].id, .success(PTZStatus(pan: 0.9)))).0
        #expect(stale.pictures.preview?.ptz?.status == nil)
        #expect(update(s, .ptzOpened(cameraID: Self.cams[2].id, .failure(EngineFailure(PTZText.noPTZ)))).0.pictures.preview?.ptz?.capabilities != nil)
    }

    @Test func thePictureRefreshesAbout4TimesASecondWhileMoving() {
        var s = Self.previewing()
        #expect(s.pictures.preview?.ticksToRefresh == 10)
        s = Drive.press(s, .up).0
        #expect(s.pictures.preview?.ticksToRefresh == PictureSettings.movingRefreshTicks, "a picture soon after the move starts")
        // each picture that arrives while moving: the next 2 ticks later
        #expect(Self.ticksToPicture(&s, moving: true) == 2)
        s = update(s, .pictureLoaded(cameraID: Self.cams[0].id, PictureUpdateTests.pic())).0
        #expect(s.pictures.preview?.ticksToRefresh == 2)
        // let go, and a few seconds later: back to once a second
        for _ in 0..<40 {
            s.uptime += 0.1
            let (t, c) = update(s, .tick)
            s = t
            if c.contains(.ptzStatus(Self.conn, camera: Self.cams[0])) {
                s = update(s, .ptzStatus(cameraID: Self.cams[0].id, .success(PTZStatus(pan: 0, tilt: 0.3, zoom: 0, moving: false)))).0
            }
            if c.contains(where: { if case .loadPictures = $0 { return true } else { return false } }) {
                s = update(s, .pictureLoaded(cameraID: Self.cams[0].id, PictureUpdateTests.pic())).0
            }
        }
        #expect(s.pictures.preview?.ptz?.isActive == false)
        #expect(s.pictures.preview?.ticksToRefresh ?? 0 > 2, "idle: the normal rate again")
        s = update(s, .pictureLoaded(cameraID: Self.cams[0].id, PictureUpdateTests.pic())).0
        #expect(Self.ticksToPicture(&s) == 10)
    }

    @Test func aFailingRequestIsSaidOnceNotFourTimesASecond() {
        var s = Drive.press(Self.previewing(), .left).0
        let why = Localized(vi: "Camera không trả lời.", en: "The camera does not answer.")
        s = update(s, .ptzFailed(cameraID: Self.cams[0].id, why)).0
        #expect(s.notice?.text == why && s.log.lines.last?.text == why)
        let logged = s.log.lines.count
        s = update(s, .ptzFailed(cameraID: Self.cams[0].id, why)).0
        #expect(s.log.lines.count == logged, "the same failure of the same move: once")
        // a command that could not run at all counts as a failure of its camera
        let c = update(Self.previewing(), .commandFailed(.ptzMove(Self.conn, camera: Self.cams[0], velocity: PTZVelocity(pan: 1), timeout: 0.4), why)).0
        #expect(c.notice?.text == why)
        let o = update(Self.previewing(nil), .commandFailed(.ptzOpen(Self.conn, camera: Self.cams[0]), why)).0
        #expect(o.isPreviewing)
    }

    @Test func theHelpBarAndOverlayListThePTZKeys() {
        let s = Self.previewing()
        let bar = Chrome.helpBarItems(s).map(\.key)
        #expect(bar.contains("←↑↓→") && bar.contains("v"), "\(bar)")
        var wide = s
        wide.width = 200
        let all = Chrome.helpBarItems(wide).map(\.key)
        for k in ["←↑↓→", "+-", "1-9", "s", "0", "<>", "v", "[]"] { #expect(all.contains(k), "\(k) in \(all)") }
        // a camera without PTZ greys them out
        let none = Self.previewing(nil)
        var w2 = none
        w2.width = 200
        #expect(Chrome.helpBarItems(w2).first { $0.key == "←↑↓→" }?.disabled == true)
        // the help overlay has the PTZ section
        let help = Drive.press(s, .char("?")).0
        #expect(help.modal == .help)
    }
}
