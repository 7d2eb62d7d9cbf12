import Foundation
import Simulator
import Testing
import TestSupport

/// PTZ in the real app: `vtrack` in tmux against a simulator in this process with PTZ on every
/// channel, set to ignore the Timeout of ContinuousMove (only a Stop stops its motors), so a
/// camera still moving after the app let go, closed the preview, quit or died is caught here.
/// Holding a key is sent as a run of key presses 40 ms apart (a keyboard's auto-repeat).
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: these end-to-end tests need it (scripts/install-deps --test installs it)"))
struct PTZEndToEndTests {
    /// The simulator, the app's folder and the app in tmux, with the preview of camera 1 open
    /// and its PTZ line showing.
    final class Session {
        let fixture: SimFixture
        let ws = TerminalEndToEndTests.Workspace()
        let t: Tmux
        var sim: Simulator { fixture.sim }

        init(width: Int = 120, height: Int = 40, ignoreTimeout: Bool = true) throws {
            fixture = try SimFixture { c in
                c.channels = 2
                c.ptzChannels = [1, 2]
                c.ptz.ignoresTimeout = ignoreTimeout
                c.profileG = false
            }
            t = try Tmux(width: width, height: height, command: ws.vtrack("--lang en"), environment: ws.environment)
        }

        /// Adds the simulator through the form, tests it and opens camera 1's preview.
        func openPreview() -> (screen: String, ok: Bool) {
            guard t.wait(for: "Saved sources").ok else { return (t.screen(), false) }
            t.keys("a")
            guard t.wait(for: "New ONVIF source").ok else { return (t.screen(), false) }
            t.type("127.0.0.1")
            t.keys("Down", "C-u")
            t.type("\(sim.httpPort)")
            t.keys("Down", "C-u")
            t.type("admin")
            t.keys("Down")
            t.type("admin123")
            t.keys("Down", "C-u")
            t.type("nvr_ptz")
            t.keys("C-t")
            guard t.wait(for: "Cameras — nvr_ptz").ok else { return (t.screen(), false) }
            t.keys("p")
            return t.wait(timeout: 30) { $0.contains("PTZ  pan ") && $0.contains("Presets:") }
        }

        /// Holds tmux key `key` for about `seconds` (presses 40 ms apart, as auto-repeat sends them).
        func hold(_ key: String, seconds: Double) {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                t.keys(key)
                usleep(40_000)
            }
        }

        /// What the simulator says of channel 1's motors.
        var moving: Bool { sim.ptz.report(channel: 1)?.moving ?? false }
        var pan: Double { sim.ptz.report(channel: 1)?.position.pan ?? .nan }

        /// The pan the app's PTZ line shows (`pan -0.31`).
        static func shownPan(_ screen: String) -> Double? {
            guard let r = screen.range(of: #"PTZ  pan [-+]\d\.\d\d"#, options: .regularExpression) else { return nil }
            return Double(screen[r].dropFirst("PTZ  pan ".count).replacingOccurrences(of: "+", with: ""))
        }
    }

    @Test func holdingAnArrowTurnsTheCameraTheAppShowsItAndLettingGoStopsIt() throws {
        let s = try Session()
        var r = s.openPreview()
        #expect(r.ok, "the preview of a PTZ camera shows its PTZ line:\n\(r.screen)")
        #expect(Session.shownPan(r.screen) == 0, "\(r.screen)")
        let before = PictureEndToEndTests.colouredScreen(s.t)

        // hold ← for a second: the camera turns left while held
        s.hold("Left", seconds: 1)
        #expect(s.moving, "the camera moves while the key is held")
        // let go: the app sends a Stop (the simulator would turn on forever without one)
        #expect(eventually(timeout: 10) { !s.moving }, "the camera stops when the key is let go")
        let stoppedAt = s.pan
        #expect(stoppedAt < -0.1 && stoppedAt > -0.6, "about 1 s at 0.3 a second: \(stoppedAt)")
        r = s.t.wait(timeout: 20) { screen in
            guard let shown = Session.shownPan(screen) else { return false }
            return abs(shown - stoppedAt) < 0.015 && screen.contains("○ still")
        }
        #expect(r.ok, "the status line shows where it stopped (\(stoppedAt)) and that it is still:\n\(r.screen)")
        let requests = s.sim.ptz.requests
        let moves = requests.filter { $0.operation == "ContinuousMove" }
        #expect(moves.count >= 2 && moves.count <= 8, "renewed while held, not once per key (25 keys): \(moves.count)")
        #expect(moves.allSatisfy { $0.timeout.map { $0 > 0 && $0 <= 1 } ?? false }, "every move has a short Timeout")
        #expect(requests.contains { $0.operation == "Stop" })

        // the picture follows: the tiles' cells differ from before the turn
        let rows = 4..<30
        let after = PictureEndToEndTests.colouredScreen(s.t)
        #expect(before.components(separatedBy: "\n")[rows] != after.components(separatedBy: "\n")[rows], "the picture changed")

        // zoom in with +, then x stops at once
        s.hold("+", seconds: 0.3)
        s.t.keys("x")
        #expect(eventually(timeout: 10) { !s.moving && (s.sim.ptz.report(channel: 1)?.position.zoom ?? 0) > 0 })

        // closing the preview while a key is held stops the camera
        s.hold("Right", seconds: 0.4)
        #expect(s.moving)
        s.t.keys("Escape")
        #expect(eventually(timeout: 10) { !s.moving }, "Esc closes the preview and stops the camera")
        #expect(s.t.wait { $0.contains("Cameras — nvr_ptz") && !$0.contains("PTZ  pan") }.ok)

        // quitting while it turns stops it too
        s.t.keys("p")
        #expect(s.t.wait(for: "PTZ  pan ").ok)
        s.hold("Up", seconds: 0.4)
        s.t.keys("C-c")
        #expect(s.t.wait(for: "EXIT:0").ok)
        #expect(!s.moving, "the app is gone and the camera is still")
    }

    @Test func presetsHomeAndTheNamePrompt() throws {
        let s = try Session()
        #expect(s.openPreview().ok)
        // the simulator's two presets
        var r = s.t.wait(for: "Presets:  1 Gate  2 Yard")
        #expect(r.ok, "\(r.screen)")
        s.hold("Left", seconds: 0.5)
        #expect(eventually(timeout: 10) { !s.moving })
        let saved = s.pan
        s.t.keys("s")
        #expect(s.t.wait(for: "New preset name:").ok)
        s.t.type("Dock")
        s.t.keys("Enter")
        r = s.t.wait(for: "3 Dock")
        #expect(r.ok, "the preset is saved and listed:\n\(r.screen)")
        #expect(s.sim.ptz.report(channel: 1)?.presets.map(\.name) == ["Gate", "Yard", "Dock"])
        s.t.keys("0")
        #expect(eventually(timeout: 10) { abs(s.pan) < 0.001 }, "0 goes home")
        s.t.keys("3")
        #expect(eventually(timeout: 10) { abs(s.pan - saved) < 0.001 }, "1 goes to the preset")
        r = s.t.wait { Session.shownPan($0).map { abs($0 - saved) < 0.015 } ?? false }
        #expect(r.ok, "\(r.screen)")
        s.t.keys("q")
        #expect(s.t.wait(for: "Cameras — nvr_ptz").ok, "q closes the preview")
        s.t.keys("q")
        #expect(s.t.wait(for: "EXIT:0").ok)
    }

    /// The app's process id (the child of the tmux pane's shell).
    static func appPID(_ t: Tmux) -> pid_t? {
        guard let out = try? Tmux.run(["-L", t.socket, "display-message", "-p", "-t", t.name, "#{pane_pid}"]).output,
              let shell = Int32(out.trimmingCharacters(in: .whitespacesAndNewlines)),
              let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
        return children.split(separator: " ").compactMap { Int32($0) }.first
    }

    /// The process runs (it is not gone, nor a zombie waiting to be reaped).
    static func alive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func aSignalWhileTurningStopsTheCamera(_ signal: Int32) throws {
        let s = try Session()
        #expect(s.openPreview().ok)
        guard let pid = Self.appPID(s.t) else { Issue.record("no app process"); return }
        // the key is still held (its last repeat went 40 ms ago) when the signal comes: only
        // the app's way out can stop the camera now
        s.hold("Left", seconds: 0.3)
        #expect(s.moving)
        kill(pid, signal)
        #expect(s.t.wait(for: "EXIT:\(128 + signal)").ok, "the app leaves with 128 + signal")
        #expect(!s.moving, "stopped before the app was gone (signal \(signal))")
    }

    @Test func theTerminalGoingAwayStopsTheCamera() throws {
        let s = try Session()
        #expect(s.openPreview().ok)
        guard let pid = Self.appPID(s.t) else { Issue.record("no app process"); return }
        s.hold("Right", seconds: 0.3)
        #expect(s.moving)
        // the SSH session drops: tmux's server goes, the pane's terminal with it (SIGHUP, then EOF)
        _ = try? Tmux.run(["-L", s.t.socket, "kill-server"])
        #expect(eventually(timeout: 15) { !Self.alive(pid) }, "the app ends")
        #expect(!s.moving, "the camera was stopped on the way out")
    }
}
