import Foundation
import Simulator
import Testing
import TestSupport

/// The figures of `bench/ptz-keys.sh` (run only when VTRACK_BENCH_PTZ_KEYS=1): the real app in
/// tmux against a simulator in this process, which logs when each PTZ request arrives.
///  1. key press → ContinuousMove seen by the simulator: PRESSES (default 200) presses of ← and
///     → in turn (each a new direction, so each is sent at once), 150 ms apart; the time from
///     just before `tmux send-keys` runs to the request's arrival; p50/p90/p99/max.
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

        // 1. latency
        var latencies: [Double] = []
        var missed = 0
        for i in 0..<presses {
            let left = i % 2 == 0
            let sent = Date()
            s.t.keys(left ? "Left" : "Right")
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

        let f = { (v: Double) in String(format: "%.1f", v) }
        print("ptz-keys: machine \(ProcessInfo.processInfo.activeProcessorCount) cores, load \(Self.loadAverage())")
        print("ptz-keys: key press → ContinuousMove at the simulator, \(latencies.count) presses (\(missed) missed): "
              + "p50 \(f(Self.percentile(latencies, 0.5))) ms  p90 \(f(Self.percentile(latencies, 0.9))) ms  "
              + "p99 \(f(Self.percentile(latencies, 0.99))) ms  max \(f(latencies.max() ?? .nan)) ms")
        print("ptz-keys: holding ← for \(f(held)) s (\(keys) key presses, \(f(Double(keys) / held))/s): "
              + "\(moves) ContinuousMove = \(f(Double(moves) / held))/s; all PTZ requests \(during.count) = \(f(Double(during.count) / held))/s "
              + "(\(Dictionary(grouping: during, by: \.operation).map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: ", ")))")
        #expect(missed == 0)
        #expect(Double(moves) / held <= 5, "no flood while a key is held")
        s.t.keys("C-c")
        #expect(s.t.wait(for: "EXIT:0").ok)
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").first.map(String.init) ?? "?"
    }
}
