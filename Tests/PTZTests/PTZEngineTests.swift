import Common
import Core
import Foundation
import Simulator
import Testing
import TestSupport

/// Core's PTZService against the in-process simulator (real sockets), its motors on a clock the
/// tests move by hand: every call, and what the service remembers about moving cameras.
@Suite struct PTZEngineTests {
    @Test func probeMarksTheCamerasThatHavePTZ() throws {
        let s = try PTZSim(channels: [1, 3])
        let cameras = try s.targets().map(\.camera)
        #expect(cameras.map { PTZService.marked($0) } == [true, false, true, false])
        #expect(cameras[0].capabilities.contains("ptz") && !cameras[1].capabilities.contains("ptz"))
    }

    @Test func capabilitiesOfAFullNode() throws {
        let s = try PTZSim()
        let caps = try PTZService().capabilities(try s.target(1))
        #expect(caps == PTZCapabilities(panTilt: true, zoom: true, continuousMove: true, relativeMove: true, absoluteMove: true, home: true,
                                        maxPresets: 32, panRange: -1...1, tiltRange: -1...1, zoomRange: 0...1))
        #expect(s.count("GetNodes") == 1 && s.count("GetConfigurations") == 1)
        // learnt once per camera
        _ = try PTZService().capabilities(try s.target(1))
        let ptz = PTZService()
        let t = try s.target(3)
        _ = try ptz.capabilities(t)
        _ = try ptz.capabilities(t)
        try ptz.stop(t)
        #expect(s.count("GetNodes") == 3)
    }

    @Test func theServiceIsFoundThroughGetCapabilitiesToo() throws {
        let s = try PTZSim { $0.noGetServices = true }
        let t = try s.target(1)
        #expect(PTZService.marked(t.camera))
        #expect(try PTZService().capabilities(t).continuousMove)
    }

    @Test func media2OnlyDevicesGiveThePTZConfigurationThroughMedia2() throws {
        let s = try PTZSim { $0.media2Only = true }
        let t = try s.target(1)
        #expect(PTZService.marked(t.camera))
        let ptz = PTZService()
        #expect(try ptz.capabilities(t).zoom)
        try ptz.move(t, velocity: PTZVelocity(pan: 1), timeout: 1)
        #expect(try s.report(1).moving)
    }

    @Test func aMoveWithATimeoutStopsByItself() throws {
        let s = try PTZSim()
        let ptz = PTZService()
        let t = try s.target(1)
        try ptz.move(t, velocity: PTZVelocity(pan: 0.5, tilt: -1, zoom: 1), timeout: 0.4)
        let sent = try #require(try s.report(1).lastContinuousMove)
        #expect(sent.timeout == 0.4)
        #expect(sent.velocity == SimPTZVelocity(pan: 0.5, tilt: -1, zoom: 1))
        #expect(try ptz.status(t).moving)
        #expect(ptz.isMoving(t))

        s.clock.advance(by: 0.2)
        let halfway = try ptz.status(t)
        #expect(halfway.moving)
        #expect(abs((halfway.pan ?? 9) - 0.05) < 1e-6) // 0.5 × 0.5 units/s × 0.2 s

        s.clock.advance(by: 0.3) // past the Timeout
        let after = try ptz.status(t)
        #expect(!after.moving)
        #expect(abs((after.pan ?? 9) - 0.1) < 1e-6)
        #expect(abs((after.tilt ?? 9) + 0.2) < 1e-6)
        #expect(abs((after.zoom ?? 9) - 0.1) < 1e-6)
        #expect(after.time != nil)
        // the IDLE status is what tells the service the camera stopped: no Stop was needed
        #expect(!ptz.isMoving(t))
        #expect(s.count("Stop") == 0)
        #expect(!s.sim.ptz.anyMoving)
    }

    @Test func everyMoveCarriesATimeoutWithinBounds() throws {
        let s = try PTZSim()
        let ptz = PTZService()
        let t = try s.target(1)
        try ptz.move(t, velocity: PTZVelocity(pan: 3), timeout: 500)
        var sent = try #require(try s.report(1).lastContinuousMove)
        #expect(sent.timeout == PTZService.maxMoveSeconds)
        #expect(sent.velocity?.pan == 1) // brought into -1…1
        try ptz.move(t, velocity: PTZVelocity(tilt: 0.3), timeout: 0)
        sent = try #require(try s.report(1).lastContinuousMove)
        #expect(sent.timeout == PTZService.minMoveSeconds)
        try ptz.move(t, velocity: PTZVelocity(tilt: 0.3), timeout: .infinity)
        #expect(try s.report(1).lastContinuousMove?.timeout == PTZService.minMoveSeconds)
        #expect(s.sim.ptz.requests.filter { $0.operation == "ContinuousMove" }.allSatisfy { $0.timeout != nil })
    }

    @Test func aZeroVelocityIsAStop() throws {
        let s = try PTZSim()
        let ptz = PTZService()
        let t = try s.target(1)
        try ptz.move(t, velocity: PTZVelocity(pan: 1), timeout: 5)
        try ptz.move(t, velocity: PTZVelocity(), timeout: 5)
        #expect(s.count("Stop") == 1)
        #expect(try !s.report(1).moving)
        #expect(!ptz.isMoving(t))
    }

    @Test func aDeviceThatIgnoresTheTimeoutKeepsMovingUntilStop() throws {
        let s = try PTZSim { $0.ptz.ignoresTimeout = true }
        let ptz = PTZService()
        let t = try s.target(1)
        try ptz.move(t, velocity: PTZVelocity(pan: -0.2), timeout: 0.4)
        s.clock.advance(by: 60)
        #expect(try s.report(1).moving)
        #expect(try ptz.status(t).moving)
        #expect(ptz.isMoving(t))
        try ptz.stop(t)
        let r = try s.report(1)
        #expect(!r.moving)
        #expect(r.lastStop != nil)
        #expect(!ptz.isMoving(t))
        #expect(abs(r.position.pan + 1) < 1e-9) // it went all the way to the left limit, and no further
    }

    @Test func stopAllStopsEveryCameraItSetMoving() throws {
        let s = try PTZSim(channels: [1, 2, 3]) { $0.ptz.ignoresTimeout = true }
        let ptz = PTZService()
        let targets = try s.targets()
        for n in [1, 3] { try ptz.move(targets[n - 1], velocity: PTZVelocity(pan: 0.5), timeout: 0.4) }
        // a camera another program moves is not this service's to stop
        let other = PTZService()
        try other.move(targets[1], velocity: PTZVelocity(tilt: 0.5), timeout: 0.4)
        #expect(ptz.moving == [targets[0].key, targets[2].key])
        ptz.stopAll()
        #expect(try !s.report(1).moving && !s.report(3).moving)
        #expect(try s.report(2).moving)
        #expect(ptz.moving.isEmpty)
        // nothing left to stop: no request
        let stops = s.count("Stop")
        ptz.stopAll()
        #expect(s.count("Stop") == stops)
        other.stopAll()
        #expect(!s.sim.ptz.anyMoving)
    }

    @Test func stopAllFromManyThreadsAtOnce() throws {
        let s = try PTZSim { $0.ptz.ignoresTimeout = true }
        let ptz = PTZService()
        try ptz.move(try s.target(1), velocity: PTZVelocity(zoom: 1), timeout: 1)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in ptz.stopAll() }
        #expect(!s.sim.ptz.anyMoving)
        #expect(ptz.moving.isEmpty)
    }

    @Test func relativeAndAbsoluteMoves() throws {
        let s = try PTZSim()
        let ptz = PTZService()
        let t = try s.target(3)
        try ptz.moveTo(t, pan: 0.5, tilt: -0.25, zoom: 0.75)
        #expect(try s.report(3).position == SimPTZPosition(pan: 0.5, tilt: -0.25, zoom: 0.75))
        try ptz.moveBy(t, pan: -0.25, tilt: 0.5, zoom: 0)
        #expect(try s.report(3).position == SimPTZPosition(pan: 0.25, tilt: 0.25, zoom: 0.75))
        // one axis only: the others stay
        try ptz.moveTo(t, pan: -1, tilt: nil, zoom: nil)
        #expect(try s.report(3).position == SimPTZPosition(pan: -1, tilt: 0.25, zoom: 0.75))
        try ptz.moveTo(t, pan: nil, tilt: nil, zoom: 0)
        #expect(try s.report(3).position == SimPTZPosition(pan: -1, tilt: 0.25, zoom: 0))
        // beyond the limits the device stops at them
        try ptz.moveBy(t, pan: -1, tilt: 2, zoom: 0)
        #expect(try s.report(3).position == SimPTZPosition(pan: -1, tilt: 1, zoom: 0))
        let st = try ptz.status(t)
        #expect(st.pan == -1 && st.tilt == 1 && st.zoom == 0 && !st.moving)
    }

    @Test func presetsListSetGotoRemove() throws {
        let s = try PTZSim()
        let ptz = PTZService()
        let t = try s.target(1)
        #expect(try ptz.presets(t) == [PTZPreset(token: "1", name: "Gate"), PTZPreset(token: "2", name: "Yard")])

        try ptz.moveTo(t, pan: 0.3, tilt: 0.2, zoom: 0.1)
        let door = try ptz.setPreset(t, name: "  Cửa kho  ")
        #expect(door == PTZPreset(token: "3", name: "Cửa kho"))
        #expect(try ptz.presets(t).map(\.name) == ["Gate", "Yard", "Cửa kho"])

        try ptz.gotoPreset(t, token: "2")
        #expect(try s.report(1).position == SimPTZPosition(pan: 0.6, tilt: -0.3, zoom: 0.5))
        // by name too (as typed in `vtrack ptz … goto`)
        try ptz.gotoPreset(t, token: "cửa kho")
        #expect(try s.report(1).position == SimPTZPosition(pan: 0.3, tilt: 0.2, zoom: 0.1))

        try ptz.removePreset(t, token: "3")
        #expect(try ptz.presets(t).map(\.token) == ["1", "2"])
        #expect(throws: PTZError.presetNotFound("3")) { try ptz.removePreset(t, token: "3") }
        #expect(throws: PTZError.presetNotFound("Nowhere")) { try ptz.gotoPreset(t, token: "Nowhere") }
        #expect(!ptz.isMoving(t))
        #expect(throws: PTZError.presetNameTaken("Gate")) { _ = try ptz.setPreset(t, name: "Gate") }
        #expect(throws: PTZError.emptyPresetName) { _ = try ptz.setPreset(t, name: "   ") }
        #expect(PTZError.emptyPresetName.isBadInput)
    }

    @Test func presetsAreFullAtTheNodesMaximum() throws {
        let s = try PTZSim { $0.ptz.maxPresets = 3 }
        let ptz = PTZService()
        let t = try s.target(1)
        #expect(try ptz.capabilities(t).maxPresets == 3)
        _ = try ptz.setPreset(t, name: "Third")
        #expect(throws: PTZError.presetsFull(max: 3)) { _ = try ptz.setPreset(t, name: "Fourth") }
        #expect(PTZError.presetsFull(max: 3).text(.en) == "The camera's presets are full (at most 3): remove one first.")
    }

    @Test func homePosition() throws {
        let s = try PTZSim()
        let ptz = PTZService()
        let t = try s.target(1)
        try ptz.moveTo(t, pan: 0.9, tilt: 0.9, zoom: 0.9)
        try ptz.gotoHome(t)
        #expect(try s.report(1).position == SimPTZPosition())
        try ptz.moveTo(t, pan: -0.4, tilt: 0.4, zoom: 0.2)
        try ptz.setHome(t)
        try ptz.moveTo(t, pan: 0, tilt: 0, zoom: 0)
        try ptz.gotoHome(t)
        #expect(try s.report(1).position == SimPTZPosition(pan: -0.4, tilt: 0.4, zoom: 0.2))
        #expect(s.count("GotoHomePosition") == 2 && s.count("SetHomePosition") == 1)
    }

    @Test func aNodeWithoutZoom() throws {
        let s = try PTZSim { $0.ptz.noZoomChannels = [1] }
        let ptz = PTZService()
        let t = try s.target(1)
        let caps = try ptz.capabilities(t)
        #expect(caps.panTilt && !caps.zoom && caps.zoomRange == nil)
        #expect(throws: PTZError.cannot(.zoom)) { try ptz.move(t, velocity: PTZVelocity(zoom: 1), timeout: 1) }
        #expect(s.count("ContinuousMove") == 0)
        // pan and zoom together: the pan goes (with no Zoom, which the device would refuse)
        try ptz.move(t, velocity: PTZVelocity(pan: 1, zoom: 1), timeout: 1)
        #expect(try s.report(1).lastContinuousMove?.velocity == SimPTZVelocity(pan: 1))
        let st = try ptz.status(t)
        #expect(st.zoom == nil && st.moving)
        try ptz.moveTo(t, pan: 0.5, tilt: 0, zoom: 0.5)
        #expect(try s.report(1).position.pan == 0.5)
        // the other channel still zooms
        #expect(try ptz.capabilities(try s.target(3)).zoom)
    }

    @Test func undeclaredPrefixesInStatusAndPresets() throws {
        let s = try PTZSim { $0.ptz.undeclaredPrefixes = true }
        let ptz = PTZService()
        let t = try s.target(1)
        try ptz.moveTo(t, pan: 0.25, tilt: -0.5, zoom: 0.5)
        try ptz.move(t, velocity: PTZVelocity(pan: 0.1), timeout: 2)
        let st = try ptz.status(t)
        #expect(st.pan == 0.25 && st.tilt == -0.5 && st.zoom == 0.5 && st.moving && st.time != nil)
        #expect(try ptz.presets(t) == [PTZPreset(token: "1", name: "Gate"), PTZPreset(token: "2", name: "Yard")])
    }

    @Test func aDeviceWithoutGetStatus() throws {
        let s = try PTZSim { $0.ptz.noGetStatus = true }
        let ptz = PTZService()
        let t = try s.target(1)
        #expect(throws: PTZError.noStatus) { _ = try ptz.status(t) }
        #expect(PTZError.noStatus.text(.en) == "This camera does not report its PTZ position (it has no GetStatus).")
        // moves and stops still work
        try ptz.move(t, velocity: PTZVelocity(pan: 1), timeout: 1)
        try ptz.stop(t)
        #expect(try !s.report(1).moving)
    }

    @Test func aDeviceWithoutThePTZServiceSaysSoInOneSentence() throws {
        let s = try PTZSim { $0.ptz.noService = true }
        let t = try s.target(1)
        #expect(!PTZService.marked(t.camera))
        let ptz = PTZService()
        #expect(throws: PTZError.noPTZ) { _ = try ptz.capabilities(t) }
        #expect(throws: PTZError.noPTZ) { try ptz.move(t, velocity: PTZVelocity(pan: 1), timeout: 1) }
        #expect(throws: PTZError.noPTZ) { try ptz.stop(t) }
        #expect(PTZError.noPTZ.text(.en) == "This camera has no PTZ (pan, tilt, zoom).")
        #expect(PTZError.noPTZ.text(.vi) == "Camera này không có PTZ (xoay, nghiêng, phóng to).")
        #expect(!ptz.isMoving(t))
    }

    @Test func aCameraWithoutPTZOnADeviceWithPTZ() throws {
        let s = try PTZSim(channels: [1])
        let ptz = PTZService()
        let t = try s.target(2)
        #expect(throws: PTZError.noPTZ) { _ = try ptz.capabilities(t) }
        #expect(throws: PTZError.noPTZ) { try ptz.stop(t) }
        #expect(throws: PTZError.noPTZ) { _ = try ptz.presets(t) }
    }

    @Test func aWrongPasswordIsTheDevicesSentenceWithoutThePassword() throws {
        let s = try PTZSim()
        var t = try s.target(1)
        t.password = "n0t-the-Secret"
        do {
            _ = try PTZService().capabilities(t)
            Issue.record("a wrong password was accepted")
        } catch let e as any UserFacingError {
            #expect(!(e is PTZError))
            #expect(!e.text(.en).contains("n0t-the-Secret"))
        }
    }
}
