import Core
import Foundation
import Pictures
import Simulator
import Testing
import TestSupport

/// A PTZ channel's snapshot is a window onto a larger scene that follows pan, tilt and zoom, so
/// a client sees the picture move; the channel's marks (colour square, marker strip) stay put.
@Suite struct PTZPictureTests {
    /// The left quarter of a 640x360 picture below the colour square and above the marker strip:
    /// landscape only (the number is centred, the clock top right).
    static let xs = 0..<160
    static let ys = 40..<340

    @Test func theSnapshotFollowsPanTiltAndZoom() throws {
        let s = try PTZSim()
        let ptz = PTZService()
        let pictures = PictureService()
        let t = try s.target(1)
        let home = try pictures.take(t).picture
        let again = try pictures.take(t).picture
        // nothing moved: the landscape is the same (JPEG noise only)
        #expect(meanDifference(home, again, x: Self.xs, y: Self.ys) < 2)

        try ptz.moveTo(t, pan: 0.8, tilt: 0, zoom: 0)
        let panned = try pictures.take(t).picture
        #expect(meanDifference(home, panned, x: Self.xs, y: Self.ys) > 8)

        try ptz.moveTo(t, pan: 0, tilt: 0.9, zoom: 0)
        let up = try pictures.take(t).picture
        #expect(meanDifference(home, up, x: Self.xs, y: Self.ys) > 8)

        try ptz.moveTo(t, pan: 0, tilt: 0, zoom: 1)
        let zoomed = try pictures.take(t).picture
        #expect(meanDifference(home, zoomed, x: Self.xs, y: Self.ys) > 8)

        // and back home: the first picture again
        try ptz.gotoHome(t)
        #expect(meanDifference(home, try pictures.take(t).picture, x: Self.xs, y: Self.ys) < 2)

        // the marks stay: the colour square in the channel's colour, the strip black
        for p in [panned, up, zoomed] {
            let c = p.pixel(8, 8), want = SnapshotScene.channelColor(1)
            #expect(abs(Int(c.r) - Int(want.r)) < 12 && abs(Int(c.g) - Int(want.g)) < 12 && abs(Int(c.b) - Int(want.b)) < 12)
        }
    }

    @Test func theSnapshotIsTheWindowOfTheSceneWhereTheCameraPoints() throws {
        let s = try PTZSim()
        let ptz = PTZService()
        let t = try s.target(3)
        try ptz.move(t, velocity: PTZVelocity(pan: 1, tilt: 0.5), timeout: 1)
        s.clock.advance(by: 0.8) // pan 0.4, tilt 0.2
        let got = try PictureService().take(t).picture
        let expected = SnapshotScene.render(channel: 3, width: 640, height: 360, time: Date(), counter: 0,
                                            view: SceneView(pan: 0.4, tilt: 0.2))
        let elsewhere = SnapshotScene.render(channel: 3, width: 640, height: 360, time: Date(), counter: 0, view: SceneView())
        #expect(meanDifference(got, expected, x: Self.xs, y: Self.ys) < 4)
        #expect(meanDifference(got, elsewhere, x: Self.xs, y: Self.ys) > 8)
    }

    @Test func aChannelWithoutPTZKeepsItsFixedPicture() throws {
        let s = try PTZSim(channels: [1])
        let t = try s.target(2)
        let got = try PictureService().take(t).picture
        let fixed = SnapshotScene.render(channel: 2, width: 640, height: 360, time: Date(), counter: 0)
        #expect(meanDifference(got, fixed, x: Self.xs, y: Self.ys) < 4)
    }
}

/// The window arithmetic and the motors, without a network.
@Suite struct SimPTZModelTests {
    @Test func theWindowTouchesTheScenesEdgesAtTheLimits() {
        let (w, h) = (640.0, 360.0)
        let centre = SceneView().window(width: 640, height: 360)
        #expect(centre == (w, h / 2, w, h))
        #expect(SceneView(pan: -1).window(width: 640, height: 360).x == 0)
        #expect(SceneView(pan: 1).window(width: 640, height: 360).x == 2 * w)
        #expect(SceneView(tilt: 1).window(width: 640, height: 360).y == 0)
        #expect(SceneView(tilt: -1).window(width: 640, height: 360).y == h)
        let zoomed = SceneView(zoom: 1).window(width: 640, height: 360)
        #expect(zoomed.w == w / 4 && zoomed.h == h / 4)
        #expect(zoomed.x + zoomed.w / 2 == 1.5 * w)
        // out-of-range views are brought inside
        #expect(SceneView(pan: 7, tilt: -7, zoom: 3) == SceneView(pan: 1, tilt: -1, zoom: 1))
    }

    @Test func theSceneIsDrawnOncePerChannelAndSize() {
        let a = SnapshotScene.world(channel: 5, width: 64, height: 36)
        #expect(a.width == 192 && a.height == 72)
        #expect(a == SnapshotScene.world(channel: 5, width: 64, height: 36))
        #expect(a != SnapshotScene.world(channel: 6, width: 64, height: 36))
    }

    @Test func theRequestLogHasEveryPTZRequest() throws {
        let s = try PTZSim()
        let ptz = PTZService()
        let t = try s.target(1)
        try ptz.move(t, velocity: PTZVelocity(pan: 1), timeout: 0.5)
        try ptz.stop(t)
        _ = try ptz.status(t)
        let ops = s.sim.ptz.requests.map(\.operation)
        #expect(ops == ["ContinuousMove", "Stop", "GetStatus"])
        #expect(s.sim.ptz.requests.allSatisfy { $0.channel == 1 })
        s.sim.ptz.clearRequests()
        #expect(s.sim.ptz.requests.isEmpty)
    }
}
