import Foundation
import Simulator
import Testing
import TestSupport

/// The figures of `bench/ptz-keys.sh` (run only when VTRACK_BENCH_PTZ_KEYS=1): the real app in
/// tmux against a simulator in this process, which logs when each PTZ request arrives.
///  1. key press → ContinuousMove seen by the simulator: PRESSES (default 200) presses of ← and
///     → in turn (each a new direction, so each is sent at once), 150 ms apart, sent twice over:
///     through a tmux control-mode client kept open (the key written to tmux's server, no process
///     per key), then with `tmux send-keys` (a tmux client process per key); the time from just
///     before the key is sent to the request's arrival; p50/p90/p99/max.
///  2. requests while a key is held: ← sent 30 times a second for HOLD seconds (default 5);
///     ContinuousMoves per second, and every PTZ request per second (GetStatus included).
@Suite(.serialized, .enabled(if: Tmux.available && ProcessInfo.processInfo.environment["VTRACK_BENCH_PTZ_KEYS"] == "1"))
struct PTZKeysBenchmark {
    static func env(_ name: String, _ fallback: Int) -> Int { ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? fallback }

    static func percentile(_ v: [Double], _ p: Double) -> Double {
        let s = v.sorted()
        return s.isEmpty ? .nan : s[min(s.count - 1, Int((Double(s.count) * p).rounded(.up)) - 1)]
    }

    @Test func keyToRequestAndRequestsWhileHeld() throws {
        let presses = Self.env("PRESSES", 200)
        let holdSeconds = Double(Self.env("HOLD", 5))
        let s = try PTZEndToEndTests.Session(width: 120, height: 40, ignoreTimeout: false)
        let r = s.openPreview()
        guard r.ok else { Issue.record("no preview:\n\(r.screen)"); return }

        let f = { (v: Double) in String(format: "%.1f", v) }
        // 1a. latency, keys through a control-mode client (no process per key)
        let control = try ControlClient(s.t)
        usleep(300_000)
        let (direct, directMissed) = Self.presses(s, count: presses) { control.keys(s.t.name, $0) }
        s.t.keys("x")
        _ = eventually(timeout: 5) { !s.moving }
        usleep(500_000)

        // 1b. latency, keys through `tmux send-keys` (a tmux client process per key)
        var latencies: [Double] = []
        var afterTmux: [Double] = []
        var tmuxCalls: [Double] = []
        var missed = 0
        for i in 0..<presses {
            let left = i % 2 == 0
            let sent = Date()
            s.t.keys(left ? "Left" : "Right")
            let returned = Date()
            tmuxCalls.append(returned.timeIntervalSince(sent) * 1000)
            var arrived: Date?
            _ = eventually(timeout: 5) {
                arrived = s.sim.ptz.requests.last {
                    $0.operation == "ContinuousMove" && $0.received >= sent && (($0.velocity?.pan ?? 0) < 0) == left
                }?.received
                return arrived != nil
            }
            if let arrived {
                latencies.append(arrived.timeIntervalSince(sent) * 1000)
                afterTmux.append(max(0, arrived.timeIntervalSince(returned)) * 1000)
            } else {
                missed += 1
            }
            usleep(150_000)
        }
        s.t.keys("x")
        _ = eventually(timeout: 5) { !s.moving }
        usleep(1_000_000)

        // 2. holding
        let start = Date()
        var keys = 0
        while Date().timeIntervalSince(start) < holdSeconds {
            let t0 = Date()
            s.t.keys("Left")
            keys += 1
            let spent = Date().timeIntervalSince(t0)
            if spent < 1.0 / 30 { usleep(useconds_t((1.0 / 30 - spent) * 1e6)) }
        }
        let end = Date()
        let held = end.timeIntervalSince(start)
        let during = s.sim.ptz.requests.filter { $0.received >= start && $0.received <= end }
        let moves = during.filter { $0.operation == "ContinuousMove" }.count
        _ = eventually(timeout: 5) { !s.moving }

        print("ptz-keys: machine \(ProcessInfo.processInfo.activeProcessorCount) cores, load \(Self.loadAverage())")
        print("ptz-keys: key press (tmux control client) → ContinuousMove at the simulator, \(direct.count) presses (\(directMissed) missed): "
              + "p50 \(f(Self.percentile(direct, 0.5))) ms  p90 \(f(Self.percentile(direct, 0.9))) ms  "
              + "p99 \(f(Self.percentile(direct, 0.99))) ms  max \(f(direct.max() ?? .nan)) ms")
        print("ptz-keys: key press (tmux send-keys) → ContinuousMove at the simulator, \(latencies.count) presses (\(missed) missed): "
              + "p50 \(f(Self.percentile(latencies, 0.5))) ms  p90 \(f(Self.percentile(latencies, 0.9))) ms  "
              + "p99 \(f(Self.percentile(latencies, 0.99))) ms  max \(f(latencies.max() ?? .nan)) ms")
        print("ptz-keys:   of which `tmux send-keys` itself (a tmux client process started, the key written to the pane): "
              + "p50 \(f(Self.percentile(tmuxCalls, 0.5))) ms  p99 \(f(Self.percentile(tmuxCalls, 0.99))) ms; "
              + "after it returned: p50 \(f(Self.percentile(afterTmux, 0.5))) ms  p99 \(f(Self.percentile(afterTmux, 0.99))) ms")
        print("ptz-keys: holding ← for \(f(held)) s (\(keys) key presses, \(f(Double(keys) / held))/s): "
              + "\(moves) ContinuousMove = \(f(Double(moves) / held))/s; all PTZ requests \(during.count) = \(f(Double(during.count) / held))/s "
              + "(\(Dictionary(grouping: during, by: \.operation).map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: ", ")))")
        #expect(missed == 0 && directMissed == 0)
        #expect(Double(moves) / held <= 5, "no flood while a key is held")
        s.t.keys("C-c")
        #expect(s.t.wait(for: "EXIT:0").ok)
    }

    /// A tmux control-mode client (`tmux -C attach`) kept open: keys go to the pane as commands
    /// written to its standard input, with no process started per key.
    final class ControlClient {
        let process = Process()
        let input = Pipe()
        let output = Pipe()

        init(_ t: Tmux) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["tmux", "-L", t.socket, "-C", "attach", "-t", t.name]
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            // its notifications (%output …) are read and dropped, so tmux never waits on them
            output.fileHandleForReading.readabilityHandler = { h in _ = h.availableData }
            try process.run()
        }

        func keys(_ target: String, _ key: String) {
            input.fileHandleForWriting.write(Data("send-keys -t \(target) \(key)\n".utf8))
        }

        deinit {
            try? input.fileHandleForWriting.close()
            output.fileHandleForReading.readabilityHandler = nil
            if process.isRunning { process.terminate() }
        }
    }

    /// Presses ← and → in turn `count` times, 150 ms apart, with `press`; the key → request times (ms)
    /// and the number of presses the simulator never saw.
    static func presses(_ s: PTZEndToEndTests.Session, count: Int, _ press: (String) -> Void) -> ([Double], Int) {
        var latencies: [Double] = []
        var missed = 0
        for i in 0..<count {
            let left = i % 2 == 0
            let sent = Date()
            press(left ? "Left" : "Right")
            var arrived: Date?
            _ = eventually(timeout: 5) {
                arrived = s.sim.ptz.requests.last {
                    $0.operation == "ContinuousMove" && $0.received >= sent && (($0.velocity?.pan ?? 0) < 0) == left
                }?.received
                return arrived != nil
            }
            if let arrived { latencies.append(arrived.timeIntervalSince(sent) * 1000) } else { missed += 1 }
            usleep(150_000)
        }
        return (latencies, missed)
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").first.map(String.init) ?? "?"
    }
}
