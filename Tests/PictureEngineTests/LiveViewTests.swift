import Common
import Core
import Foundation
import Pictures
import Simulator
import Testing
import TestSupport

/// PictureService's live view of a sub stream: frames, latest-frame-wins, a prompt stop.
@Suite struct LiveViewTests {
    @Test func framesKeepComingWhileTheFrontIsReady() throws {
        let s = try PictureSim()
        let target = try #require(try s.targets().first)
        let frames = Box<Picture>()
        let ends = Box<Localized?>()
        let holder = Box<any LiveView>()
        let live = PictureService().startLive(target, maxFPS: 30, onFrame: { p in
            frames.set(p)
            holder.values.first?.ready()
        }, onEnd: { ends.set($0) })
        holder.set(live)
        live.ready() // in case the first frame came before the holder was set
        #expect(eventually { frames.values.count >= 3 })
        let sub = s.sim.model.channels[0].sub
        #expect(frames.values.allSatisfy { $0.width == sub.width && $0.height == sub.height })
        live.stop()
        #expect(eventually { ends.values.count == 1 })
        #expect(ends.values.first! == nil)
    }

    @Test func framesAreDroppedUntilReadyIsCalled() throws {
        let s = try PictureSim()
        let target = try #require(try s.targets().first)
        let frames = Counter()
        let ends = Box<Localized?>()
        let live = PictureService().startLive(target, maxFPS: 30, onFrame: { _ in frames.add() }, onEnd: { ends.set($0) })
        let session = try #require(live as? LiveSession)
        #expect(eventually { session.counters.decoded >= 8 })
        // never ready(): only the first picture was handed on, the rest dropped
        #expect(frames.value == 1)
        #expect(session.counters.delivered == 1)
        #expect(session.counters.dropped >= 7)
        live.ready()
        #expect(eventually { frames.value == 2 })
        live.stop()
        #expect(eventually { ends.values.count == 1 })
    }

    @Test func stopEndsTheRTSPSessionAndOnEndComesOnce() throws {
        let s = try PictureSim()
        let target = try #require(try s.targets().first)
        let ends = Box<Localized?>()
        let frames = Counter()
        let live = PictureService().startLive(target, onFrame: { _ in frames.add() }, onEnd: { ends.set($0) })
        #expect(eventually { frames.value >= 1 })
        let session = try #require(live as? LiveSession)
        #expect(session.isRunning)
        live.stop()
        live.stop()
        #expect(eventually { ends.values.count == 1 && !session.isRunning })
        #expect(ends.values.first! == nil)
        #expect(eventually { (s.sim.rtspServer?.statistics.teardowns ?? 0) == 1 })
        // no frame after the end
        let after = frames.value
        live.ready()
        #expect(session.counters.delivered == after)
        #expect(ends.values.count == 1)
    }

    @Test func wrongPasswordEndsWithASentence() throws {
        let s = try PictureSim()
        let target = try #require(try s.targets(password: "nope").first)
        let ends = Box<Localized?>()
        _ = PictureService().startLive(target, onFrame: { _ in }, onEnd: { ends.set($0) })
        #expect(eventually { ends.values.count == 1 })
        let why = try #require(ends.values.first ?? nil)
        #expect(why.en.hasPrefix("Live view stopped:"))
        #expect(!why.en.contains("nope"))
    }
}
