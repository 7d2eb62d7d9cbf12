import Common
import Core
import Foundation
import Pictures
import Simulator
import Synchronization
import Testing
import TestSupport
@testable import TUI

/// Pictures through the terminal app's engine glue, against the simulator on 127.0.0.1: the
/// events the grid and the preview receive, the live view's frames, and what drawing them
/// costs in colour pairs.
@Suite(.serialized) struct EnginePictureTests {
    /// Collects events until `until` says enough (bounded wait).
    final class Collector: Sendable {
        let got = Mutex<[AppEvent]>([])
        let done = DispatchSemaphore(value: 0)
        let until: @Sendable ([AppEvent]) -> Bool
        init(until: @escaping @Sendable ([AppEvent]) -> Bool) { self.until = until }
        func send(_ e: AppEvent) {
            let enough = got.withLock { l -> Bool in l.append(e); return until(l) }
            if enough { done.signal() }
        }
        func wait() -> [AppEvent] {
            _ = done.wait(timeout: .now() + 60)
            return got.withLock { $0 }
        }
    }

    static func loaded(_ events: [AppEvent]) -> [String: ShownPicture] {
        var out: [String: ShownPicture] = [:]
        for e in events { if case let .pictureLoaded(id, p) = e { out[id] = p } }
        return out
    }

    @Test func everyCameraGetsItsPictureAndTheGridDrawsIt() throws {
        let sim = try EngineRunnerTests.simulator { $0.channels = 16 }
        defer { sim.stop() }
        let dir = Scratch("tui-pictures")
        let runner = EngineRunnerTests.runner(dir)
        defer { runner.shutdown() }
        let conn = Connection(name: "nvr_localhost", host: "127.0.0.1", port: sim.httpPort, user: "admin", password: "admin123",
                              videoRoot: dir.path + "/videos")
        let outcome = try runner.probe(conn)
        var s = Drive.fresh(width: 200, height: 60)
        let (t, commands) = update(s, .probeFinished(conn, .success(outcome)))
        s = t
        guard let load = commands.first(where: { if case .loadPictures = $0 { return true } else { return false } }) else {
            Issue.record("no load asked: \(commands)"); return
        }
        let ids = Set(outcome.cameras.map(\.id))
        let c = Collector { Set(Self.loaded($0).keys) == ids || $0.count > 100 }
        runner.run(load, send: c.send)
        let events = c.wait()
        let pictures = Self.loaded(events)
        #expect(Set(pictures.keys) == ids, "every camera has a picture: \(events.map { "\($0)" })")
        for e in events { s = update(s, e).0 }
        #expect(!s.pictures.anyLoading(ids) && s.cameras.rows.allSatisfy { s.pictures[$0.camera.id].shown != nil })
        for p in pictures.values {
            #expect(p.picture.width > 0 && p.takenAt != nil && p.width >= p.picture.width)
        }

        // drawn: picture cells with colours in every tile; how many colour pairs that takes
        s.pictureSettings.depth = .indexed256
        let buf = s.rendered()
        var coloured = 0
        var pairs = ColorPairTable(capacity: 65_536)
        for y in 0..<buf.height {
            for x in 0..<buf.width {
                let st = buf[x, y].style
                if case .rgb = st.bg { coloured += 1 }
                _ = pairs.use(fg: Palette.index(for: st.fg, colors: 256), bg: Palette.index(for: st.bg, colors: 256), replacing: nil)
            }
        }
        #expect(coloured > 15 * 300, "fifteen tiles of coloured cells: \(coloured)")
        var direct = ColorPairTable(capacity: 1 << 30)
        s.pictureSettings.depth = .trueColor
        let tb = s.rendered()
        for y in 0..<tb.height {
            for x in 0..<tb.width {
                let st = tb[x, y].style
                _ = direct.use(fg: Palette.index(for: st.fg, colors: 0x100_0000), bg: Palette.index(for: st.bg, colors: 0x100_0000), replacing: nil)
            }
        }
        print("colour pairs for a 200x60 grid of 15 simulator pictures: \(pairs.defined) at 256 colours, \(direct.defined) at true colour")
        #expect(pairs.defined < 65_536 && pairs.approximated == 0)

        // a second load comes from the session's cache, the same pictures; a refresh takes new ones
        let again = Collector { Self.loaded($0).count == ids.count || $0.count > 100 }
        runner.run(load, send: again.send)
        #expect(Self.loaded(again.wait()).count == ids.count)
    }

    @Test func aLiveViewSendsFramesOnlyAsTheyAreDrawnAndStops() throws {
        let sim = try EngineRunnerTests.simulator()
        defer { sim.stop() }
        let dir = Scratch("tui-live")
        let runner = EngineRunnerTests.runner(dir)
        defer { runner.shutdown() }
        let conn = Connection(name: "nvr_localhost", host: "127.0.0.1", port: sim.httpPort, user: "admin", password: "admin123",
                              videoRoot: dir.path + "/videos")
        let cam = try runner.probe(conn).cameras[0]
        // nobody says ready: at most the first frame (and whatever was already in flight) comes
        let frames = Mutex(0)
        let first = DispatchSemaphore(value: 0)
        runner.run(.startLive(conn, camera: cam, session: 1)) { e in
            if case .liveFrame = e { if frames.withLock({ $0 += 1; return $0 }) == 1 { first.signal() } }
        }
        #expect(first.wait(timeout: .now() + 30) == .success, "a first frame")
        // each liveReady lets one more through
        for n in 0..<5 {
            let before = frames.withLock { $0 }
            runner.run(.liveReady(session: 1)) { _ in }
            let next = eventually(timeout: 20) { frames.withLock { $0 } > before }
            #expect(next, "ready \(n) lets the next frame come")
        }
        // frames wait for ready (dropped, never queued): one per ready, plus one in flight at most
        #expect(frames.withLock { $0 } <= 1 + 5 + 1)
        // stopping ends it once, with no sentence
        let ended = Collector { $0.contains { if case .liveEnded = $0 { return true } else { return false } } }
        runner.run(.startLive(conn, camera: cam, session: 2), send: ended.send)
        runner.run(.stopLive(session: 2)) { _ in }
        let events = ended.wait()
        #expect(events.contains { if case .liveEnded(2, nil) = $0 { return true } else { return false } }, "\(events.map { "\($0)" })")
        runner.run(.stopLive(session: 1)) { _ in }
    }
}
