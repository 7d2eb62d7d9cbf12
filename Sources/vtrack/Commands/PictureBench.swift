import ArgumentParser
import Common
import Core
import Foundation
import Synchronization
import Pictures
import TUI

/// `vtrack picture-bench`: the terminal app's camera pictures against a running device
/// (bench/pictures-app.sh starts `vtrack-sim --channels 32`), through the app's own loop —
/// `update`, the engine glue, `render` and the cell diff — with no terminal: the time from
/// "connected" to every tile drawn (cold), the memory the cached pictures take, the CPU of a
/// preview refreshing every second and of the live view, and the bytes the live view would
/// send to a terminal. Each figure has a same-run baseline.
struct PictureBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "picture-bench",
                                                    abstract: "Measure the terminal app's camera pictures.", shouldDisplay: false)

    @Option(help: "Device host.") var host = "127.0.0.1"
    @Option(help: "Device ONVIF port.") var port: Int
    @Option(help: "User.") var user = "admin"
    @Option(help: "Password.") var password = "admin123"
    @Option(help: "Size as WIDTHxHEIGHT.") var size = "200x60"
    @Option(help: "Seconds for each of the CPU measurements.") var seconds = 10.0

    /// Events from the engine's queues, taken by the loop.
    final class Inbox: Sendable {
        private let items = Mutex<[AppEvent]>([])
        private let signal = DispatchSemaphore(value: 0)
        func send(_ e: AppEvent) {
            items.withLock { $0.append(e) }
            signal.signal()
        }
        /// The events waiting, after waiting up to `timeout` seconds for one.
        func take(timeout: Double) -> [AppEvent] {
            _ = signal.wait(timeout: .now() + timeout)
            let out = items.withLock { l -> [AppEvent] in let o = l; l.removeAll(); return o }
            // the semaphore may count events already taken: drain it
            while signal.wait(timeout: .now()) == .success {}
            return out
        }
    }

    /// The app's loop without a terminal: events in, update, commands to the engine, render, diff.
    final class Loop {
        var state: AppState
        let runner: EngineCommandRunner
        let inbox = Inbox()
        var buffer = CellBuffer(width: 0, height: 0)
        var previous: CellBuffer?
        var nextTick = DispatchTime.now().uptimeNanoseconds
        var cellsSent = 0
        var bytesSent = 0
        var liveFrames = 0

        init(state: AppState, runner: EngineCommandRunner) { self.state = state; self.runner = runner }

        func handle(_ event: AppEvent) {
            if case .liveFrame = event { liveFrames += 1 }
            let (s, commands) = update(state, event)
            state = s
            var after: [Command] = []
            for c in commands {
                if c.runsAfterDraw { after.append(c) } else { runner.run(c, send: inbox.send) }
            }
            draw()
            for c in after { runner.run(c, send: inbox.send) }
        }

        func draw() {
            render(state, into: &buffer)
            let changes = buffer.changes(from: previous)
            previous = buffer
            cellsSent += changes.count
            bytesSent += Self.terminalBytes(changes)
        }

        /// Runs until `done` says so or `limit` seconds pass; ticks every 0.1 s as the app does.
        /// Returns the seconds it ran.
        @discardableResult
        func run(for limit: Double, until done: (AppState) -> Bool = { _ in false }) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            let end = start + UInt64(limit * 1e9)
            while !done(state) {
                let now = DispatchTime.now().uptimeNanoseconds
                if now >= end { break }
                if now >= nextTick {
                    nextTick = now + UInt64(AppState.tickSeconds * 1e9)
                    handle(.tick)
                    continue
                }
                let wait = Double(min(nextTick, end) - now) / 1e9
                for e in inbox.take(timeout: wait) { handle(e) }
            }
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }

        /// About what ncurses writes for `changes` on a 256-colour terminal: a cursor move where
        /// the next cell is not the one after, an SGR sequence where the style changes, the text.
        static func terminalBytes(_ changes: [CellChange]) -> Int {
            var bytes = 0
            var last: (x: Int, y: Int)? = nil
            var style: Style? = nil
            for c in changes {
                if last == nil || last!.y != c.y || last!.x + 1 != c.x { bytes += 8 }
                if style != c.cell.style { bytes += 22; style = c.cell.style }
                bytes += max(1, c.cell.text.utf8.count)
                last = (c.x, c.y)
            }
            return bytes
        }
    }

    static func processCPU() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
    }

    static func rssMB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }

    func run() throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { throw ValidationError("--size must look like 200x60") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vtrack-picture-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let runner = EngineCommandRunner(locations: StoreLocations(databaseFile: dir + "/vtrack.db", keyFile: dir + "/secret.key"))
        defer { runner.shutdown() }
        var state = AppState(lang: .en, theme: ThemeLoader.builtin("default")!, width: parts[0], height: parts[1], now: Date())
        state.pictureSettings.depth = ColorDepth.indexed256
        let loop = Loop(state: state, runner: runner)
        let conn = Connection(name: "nvr_bench", host: host, port: port, user: user, password: password, videoRoot: dir + "/videos")
        func f(_ v: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", v) }

        // 1. Cold: connect (the baseline), then every tile drawn.
        let rss0 = Self.rssMB()
        let t0 = DispatchTime.now().uptimeNanoseconds
        runner.run(.probe(conn), send: loop.inbox.send)
        var connected: UInt64 = 0
        var cameras: [String] = []
        while connected == 0 {
            for e in loop.inbox.take(timeout: 30) {
                if case .probeFinished(_, let r) = e {
                    connected = DispatchTime.now().uptimeNanoseconds
                    if case .success(let o) = r { cameras = o.cameras.map { $0.id } }
                }
                loop.handle(e)
            }
            if DispatchTime.now().uptimeNanoseconds - t0 > 60_000_000_000 { throw ValidationError("the device did not answer the probe") }
        }
        guard !cameras.isEmpty else { throw ValidationError("the probe failed or found no camera") }
        func settled(_ s: AppState, _ ids: ArraySlice<String>) -> Bool {
            ids.allSatisfy { s.pictures[$0].shown != nil || (s.pictures[$0].failure != nil && !s.pictures[$0].loading) }
        }
        let screenful = cameras.prefix(15)
        loop.run(for: 60) { settled($0, screenful) }
        let firstScreen = DispatchTime.now().uptimeNanoseconds
        loop.run(for: 60) { settled($0, cameras[...]) }
        let all = DispatchTime.now().uptimeNanoseconds
        let failed = cameras.filter { loop.state.pictures[$0].shown == nil }.count
        let probeS = Double(connected - t0) / 1e9
        let screenS = Double(firstScreen - connected) / 1e9
        let allS = Double(all - connected) / 1e9
        print("cameras: \(cameras.count) at \(parts[0])x\(parts[1]), 256 colours\(failed > 0 ? ", \(failed) without a picture" : "")")
        print("connect (probe, baseline):                 \(f(probeS)) s")
        print("connected -> first screenful (15) drawn:   \(f(screenS)) s  (\(f(screenS / probeS, 2))x the probe)")
        print("connected -> all \(cameras.count) pictures drawn:        \(f(allS)) s  (\(f(allS / probeS, 2))x the probe; goal < 1.5 s)")
        let rss1 = Self.rssMB()
        print("memory: RSS \(f(rss0, 1)) MB before, \(f(rss1, 1)) MB with \(cameras.count) pictures cached (+\(f(rss1 - rss0, 1)) MB, \(f((rss1 - rss0) / Double(cameras.count), 2)) MB a camera)")

        // 2. Baseline: the grid on screen, nothing loading, ticks only.
        var c0 = Self.processCPU()
        var wall = loop.run(for: seconds)
        let idleCPU = (Self.processCPU() - c0) / wall * 100
        print("grid idle (baseline):        \(f(idleCPU, 2)) % of a core over \(f(wall, 1)) s")

        // 3. The preview refreshing every second.
        loop.handle(.key(.char("p")))
        guard loop.state.pictures.preview != nil else { throw ValidationError("the preview did not open") }
        let refreshesBefore = loop.state.pictures.preview.map { _ in loop.cellsSent } ?? 0
        _ = refreshesBefore
        c0 = Self.processCPU()
        let bytes0 = loop.bytesSent
        wall = loop.run(for: seconds)
        let previewCPU = (Self.processCPU() - c0) / wall * 100
        print("preview refreshing at 1/s:   \(f(previewCPU, 2)) % of a core (\(f(previewCPU - idleCPU, 2)) above idle; goal < 5 %), "
              + "\(Int(Double(loop.bytesSent - bytes0) / wall)) bytes/s to the terminal")

        // 4. Live view of the sub stream.
        loop.handle(.key(.char("l")))
        c0 = Self.processCPU()
        let frames0 = loop.liveFrames, bytes1 = loop.bytesSent
        wall = loop.run(for: seconds)
        let liveCPU = (Self.processCPU() - c0) / wall * 100
        let fps = Double(loop.liveFrames - frames0) / wall
        print("live view:                   \(f(liveCPU, 2)) % of a core (goal < 25 %), \(f(fps, 1)) pictures/s, "
              + "\(Int(Double(loop.bytesSent - bytes1) / wall)) bytes/s to the terminal (estimated: cursor moves, SGR, text)")
        loop.handle(.key(.char("l")))
        loop.handle(.key(.escape))
    }
}
