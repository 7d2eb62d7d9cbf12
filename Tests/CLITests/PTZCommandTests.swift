import Foundation
import Simulator
import Testing
import TestSupport

/// `vtrack ptz` as a user runs it: the built binary against `vtrack-sim --ptz` in its own
/// process, or against a simulator in this process when the test must see the motors.
@Suite struct PTZCommandTests {
    static let password = "admin123"

    private func ptz(_ port: Int, _ args: [String]) -> ProgramOutput {
        BinaryRunner.run("vtrack", ["ptz", "--host", "127.0.0.1:\(port)", "--user", "admin"] + args,
                         environment: ["VTRACK_PASSWORD": Self.password])
    }

    @Test func statusPresetsGotoSetPresetHomeStop() throws {
        let s = try SimProcess(["--channels", "2", "--ptz", "1"])
        let status = ptz(s.port, ["--camera", "Camera 01", "status"])
        #expect(status.status == 0, "stderr: \(status.err)")
        #expect(status.out == "pan: 0\ntilt: 0\nzoom: 0\nmoving: no\n")

        let presets = ptz(s.port, ["--camera", "camera 01", "presets"])
        #expect(presets.status == 0)
        #expect(presets.out == "1 Gate\n2 Yard\n")

        let goto = ptz(s.port, ["--camera", "Camera 01", "goto", "Yard"])
        #expect(goto.status == 0, "stderr: \(goto.err)")
        #expect(goto.out == "Going to preset “Yard”.\n")
        #expect(ptz(s.port, ["--camera", "Camera 01", "status"]).out == "pan: 0.6\ntilt: -0.3\nzoom: 0.5\nmoving: no\n")

        let saved = ptz(s.port, ["--camera", "Camera 01", "set-preset", "Loading bay"])
        #expect(saved.status == 0)
        #expect(saved.out == "Saved preset “Loading bay” (token 3).\n")
        #expect(ptz(s.port, ["--camera", "Camera 01", "presets"]).out == "1 Gate\n2 Yard\n3 Loading bay\n")

        let home = ptz(s.port, ["--camera", "Camera 01", "home"])
        #expect(home.status == 0 && home.out == "Going to the home position.\n")
        #expect(ptz(s.port, ["--camera", "Camera 01", "status"]).out == "pan: 0\ntilt: 0\nzoom: 0\nmoving: no\n")
        let stop = ptz(s.port, ["--camera", "Camera 01", "stop"])
        #expect(stop.status == 0 && stop.out == "Stopped.\n")

        let vi = BinaryRunner.run("vtrack", ["ptz", "--host", "127.0.0.1:\(s.port)", "--user", "admin", "--camera", "Camera 01", "stop", "--lang", "vi"],
                                  environment: ["VTRACK_PASSWORD": Self.password])
        #expect(vi.out == "Đã dừng.\n")
    }

    @Test func jsonShapes() throws {
        let s = try SimProcess(["--channels", "1", "--ptz", "all"])
        let status = ptz(s.port, ["--camera", "Camera 01", "status", "--json"])
        #expect(status.status == 0, "stderr: \(status.err)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [String: Any])
        #expect(Set(obj.keys) == ["camera", "pan", "tilt", "zoom", "moving", "time"])
        #expect(obj["camera"] as? String == "Camera 01")
        #expect(obj["moving"] as? Bool == false)
        #expect(obj["pan"] as? Double == 0 && obj["zoom"] as? Double == 0)
        #expect(obj["time"] is String)

        let presets = ptz(s.port, ["--camera", "Camera 01", "presets", "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(presets.out.utf8)) as? [[String: Any]])
        #expect(list.count == 2)
        #expect(list.allSatisfy { Set($0.keys) == ["token", "name"] })
        #expect(list.first?["name"] as? String == "Gate")

        let saved = ptz(s.port, ["--camera", "Camera 01", "set-preset", "Door", "--json"])
        let done = try #require(try JSONSerialization.jsonObject(with: Data(saved.out.utf8)) as? [String: Any])
        #expect(done["action"] as? String == "set-preset")
        #expect((done["preset"] as? [String: Any])?["token"] as? String == "3")

        let moved = ptz(s.port, ["--camera", "Camera 01", "move", "--pan", "0.5", "--for", "0.2", "--json"])
        #expect(moved.status == 0, "stderr: \(moved.err)")
        let m = try #require(try JSONSerialization.jsonObject(with: Data(moved.out.utf8)) as? [String: Any])
        #expect(Set(m.keys) == ["camera", "action", "seconds", "velocity"])
        #expect(m["seconds"] as? Double == 0.2)
        #expect((m["velocity"] as? [String: Double]) == ["pan": 0.5, "tilt": 0, "zoom": 0])
    }

    @Test func aCameraWithoutPTZSaysSoAndExitsOne() throws {
        let s = try SimProcess(["--channels", "2", "--ptz", "1"])
        for action in ["status", "stop", "presets"] {
            let r = ptz(s.port, ["--camera", "Camera 02", action])
            #expect(r.status == 1)
            #expect(r.err == "vtrack: This camera has no PTZ (pan, tilt, zoom).\n")
            #expect(r.out.isEmpty)
        }
        let none = try SimProcess(["--channels", "1"])
        let r = ptz(none.port, ["--camera", "Camera 01", "move", "--pan", "1", "--for", "1"])
        #expect(r.status == 1)
        #expect(r.err == "vtrack: This camera has no PTZ (pan, tilt, zoom).\n")
    }

    @Test func theSimulatorsPTZSwitchesFromItsFlags() throws {
        let noStatus = try SimProcess(["--channels", "1", "--ptz", "1", "--ptz-no-status"])
        let r = ptz(noStatus.port, ["--camera", "Camera 01", "status"])
        #expect(r.status == 1)
        #expect(r.err == "vtrack: This camera does not report its PTZ position (it has no GetStatus).\n")

        let noService = try SimProcess(["--channels", "1", "--ptz", "1", "--ptz-no-service"])
        #expect(ptz(noService.port, ["--camera", "Camera 01", "presets"]).err == "vtrack: This camera has no PTZ (pan, tilt, zoom).\n")

        let odd = try SimProcess(["--channels", "2", "--ptz", "all", "--ptz-undeclared-prefixes", "--ptz-no-zoom", "2"])
        #expect(ptz(odd.port, ["--camera", "Camera 01", "goto", "2"]).status == 0)
        #expect(ptz(odd.port, ["--camera", "Camera 01", "status"]).out == "pan: 0.6\ntilt: -0.3\nzoom: 0.5\nmoving: no\n")
        #expect(ptz(odd.port, ["--camera", "Camera 02", "presets"]).out == "1 Gate\n2 Yard\n")
        let zoom = ptz(odd.port, ["--camera", "Camera 02", "move", "--zoom", "1", "--for", "0.1"])
        #expect(zoom.status == 1)
        #expect(zoom.err == "vtrack: This camera's PTZ cannot zoom.\n")
        #expect(ptz(odd.port, ["--camera", "Camera 02", "status"]).out == "pan: 0\ntilt: 0\nzoom: none\nmoving: no\n")

        let full = try SimProcess(["--channels", "1", "--ptz", "1", "--ptz-max-presets", "2"])
        let saved = ptz(full.port, ["--camera", "Camera 01", "set-preset", "Third"])
        #expect(saved.status == 1)
        #expect(saved.err == "vtrack: The camera's presets are full (at most 2): remove one first.\n")
    }

    @Test func badUsageExits64() throws {
        let s = try SimProcess(["--channels", "1", "--ptz", "1"])
        let cases: [[String]] = [
            ["--camera", "Camera 01"],                                   // no action
            ["--camera", "Camera 01", "spin"],                           // unknown action
            ["--camera", "Camera 01", "goto"],                           // goto without a preset
            ["--camera", "Camera 01", "status", "extra"],                // one word too many
            ["status"],                                                  // no camera
            ["--camera", "Camera 01", "move", "--for", "1"],             // no speed
            ["--camera", "Camera 01", "move", "--pan", "2"],             // speed out of range
            ["--camera", "Camera 01", "move", "--pan", "1", "--for", "11"], // too long
            ["--camera", "Camera 01", "move", "--pan", "nan"],
            ["--camera", "Nobody", "status"],                            // no such camera
        ]
        for args in cases {
            let r = ptz(s.port, args)
            #expect(r.status == 64, "\(args): \(r.status) \(r.err)")
            #expect(r.err.hasPrefix("vtrack: ") || r.err.contains("Error:"), "\(args): \(r.err)")
        }
        let goto = ptz(s.port, ["--camera", "Camera 01", "goto", "Nowhere"])
        #expect(goto.status == 64)
        #expect(goto.err == "vtrack: The camera has no preset “Nowhere”: list its presets, then try again.\n")
    }

    @Test func moveSendsATimeoutThenAStop() throws {
        let f = try SimFixture { $0.channels = 2; $0.ptzChannels = [2] }
        let r = ptz(f.sim.httpPort, ["--camera", "Camera 02", "move", "--pan=-0.5", "--zoom", "1", "--for", "0.3"])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.out == "Moved for 0.3 s, then stopped.\n")
        let report = try #require(f.sim.ptz.report(channel: 2))
        let move = try #require(report.lastContinuousMove)
        #expect(move.timeout == 0.3)
        #expect(move.velocity == SimPTZVelocity(pan: -0.5, zoom: 1))
        let stop = try #require(report.lastStop)
        #expect(stop.received >= move.received)
        #expect(!report.moving)
        #expect(report.position.pan < 0 && report.position.zoom > 0)
    }

    /// A termination signal during `move --for 10` stops the camera before the command ends, on a
    /// device that would otherwise never stop (it ignores the Timeout).
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func aSignalDuringAMoveLeavesTheCameraStopped(signal: Int32) throws {
        let f = try SimFixture { $0.channels = 1; $0.ptzChannels = [1]; $0.ptz.ignoresTimeout = true }
        let p = try ChildProcess(BinaryRunner.path("vtrack"),
                                 ["ptz", "--host", "127.0.0.1:\(f.sim.httpPort)", "--user", "admin", "--camera", "Camera 01",
                                  "move", "--tilt", "0.5", "--for", "10"],
                                 environment: BinaryRunner.environment(["VTRACK_PASSWORD": Self.password]))
        #expect(eventually { f.sim.ptz.report(channel: 1)?.moving == true }, "never moved: \(p.errorOutput)")
        let status = p.stop(signal)
        #expect(status == 128 + signal, "stderr: \(p.errorOutput)")
        let report = try #require(f.sim.ptz.report(channel: 1))
        #expect(!report.moving, "the camera is still moving after vtrack ended")
        #expect(report.lastStop != nil)
    }
}
