import ArgumentParser
import Common
import Foundation
import TUI

/// `vtrack keys --markdown`: the key table the README shows, generated from the keymap.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Print the terminal app's key bindings.", shouldDisplay: false)

    @Flag(help: "Print the README's Markdown table.")
    var markdown = false

    @Option(help: "Language of the plain listing: vi or en.")
    var lang: String = "en"

    func run() throws {
        if markdown { print(Keymap.markdown(), terminator: ""); return }
        let l = Language(rawValue: lang) ?? .en
        for context in KeyContext.allCases {
            print(context.title.text(l))
            for b in Keymap.bindings(in: context) { print("  " + b.keysLabel.padding(toLength: 20, withPad: " ", startingAt: 0) + b.description.text(l)) }
        }
    }
}

/// `vtrack tui-scene NAME`: one sample screen as text or HTML (for screenshots and docs).
struct TUIScene: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui-scene", abstract: "Render a sample screen of the terminal app.", shouldDisplay: false)

    @Argument(help: "Scene: \(SampleScenes.Scene.allCases.map(\.rawValue).joined(separator: ", ")), or 'list'.")
    var scene: String

    @Option(help: "Size as WIDTHxHEIGHT.") var size: String = "120x40"
    @Option(help: "vi or en.") var lang: String = "en"
    @Option(help: "Theme name or path.") var theme: String = "default"
    @Flag(help: "Print an HTML page (one fixed-width span per cell, theme colours) instead of text.") var html = false

    func run() throws {
        if scene == "list" { SampleScenes.Scene.allCases.forEach { print($0.rawValue) }; return }
        guard let sc = SampleScenes.Scene(rawValue: scene) else { throw ValidationError("unknown scene \(scene)") }
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { throw ValidationError("--size must look like 120x40") }
        let t = try ThemeLoader.load(theme, environment: [:])
        let state = SampleScenes.state(sc, lang: Language(rawValue: lang) ?? .en, theme: t, width: parts[0], height: parts[1])
        let buffer = state.rendered()
        if html {
            // A light terminal for the light theme, a dark one otherwise.
            let light = t.name == "light"
            print(HTMLExport.page(buffer, title: "VTrack — \(scene)", background: light ? "#fafafa" : "#101418",
                                  foreground: light ? "#1c1c1c" : "#d0d0d0"))
        } else {
            print(buffer.plainText)
        }
    }
}

/// `vtrack tui-bench`: frame time of update + render + diff, no terminal involved (bench/tui.sh).
struct TUIBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui-bench", abstract: "Measure the terminal app's frame time.", shouldDisplay: false)

    @Option(help: "Frames to time.") var frames = 3000
    @Option(help: "Camera downloads on the downloads screen.") var cameras = 16
    @Option(help: "Size as WIDTHxHEIGHT.") var size = "120x40"

    func run() throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { throw ValidationError("--size must look like 120x40") }
        let theme = ThemeLoader.builtin("default")!
        // The workload: the downloads screen with N running cameras, every frame a progress event
        // that moves every bar (the worst case: most cells of the bars change).
        var downloads = SampleScenes.state(.downloads, lang: .vi, theme: theme, width: parts[0], height: parts[1])
        downloads.downloads.rows = (0..<cameras).map { i in
            DownloadRow(camera: "Camera \(i + 1)", phase: .running, mediaDone: 0, mediaTotal: 16 * 3600, bytes: 0,
                        bytesPerSecond: 20_000_000, realtimeFactor: 150, etaSeconds: 400, files: 1)
        }
        let work = measure(downloads) { s, n in
            let rows = s.downloads.rows.enumerated().map { i, r -> DownloadRow in
                var r = r
                r.mediaDone = min(r.mediaTotal, Double(n * (i + 3)) * 7)
                r.bytes = Int64(n * (i + 1)) * 1_000_000
                r.etaSeconds = Double(max(0, 4000 - n))
                return r
            }
            return .downloadProgress(s.downloads.jobs.first ?? DownloadJobInfo(id: 1, source: ""), rows)
        }
        // The baseline: the same loop on a screen that does not change (sources, clock ticks).
        let base = SampleScenes.state(.sources, lang: .vi, theme: theme, width: parts[0], height: parts[1])
        let idle = measure(base) { _, _ in .tick }
        func ms(_ ns: UInt64) -> String { String(format: "%.3f ms", Double(ns) / 1e6) }
        print("frames: \(frames) at \(parts[0])x\(parts[1]), downloads screen with \(cameras) running cameras")
        print("(wall = elapsed time, includes waiting for a CPU on a busy machine; cpu = this thread's CPU time)")
        for (label, r) in [("update+render+diff", work), ("baseline (static)", idle)] {
            print("\(label.padding(toLength: 19, withPad: " ", startingAt: 0)) wall median \(ms(r.wall.median)) p99 \(ms(r.wall.p99)) max \(ms(r.wall.max))"
                  + " | cpu median \(ms(r.cpu.median)) p99 \(ms(r.cpu.p99)) | cells changed/frame \(r.cells)")
        }
        print(String(format: "ratio to baseline: wall median %.2fx, cpu p99 %.2fx", Double(work.wall.median) / Double(max(1, idle.wall.median)),
                     Double(work.cpu.p99) / Double(max(1, idle.cpu.p99))))
        print(String(format: "goal p99 < 5 ms: wall p99 is %.0f%% of it, cpu p99 %.0f%%", Double(work.wall.p99) / 5e6 * 100,
                     Double(work.cpu.p99) / 5e6 * 100))
    }

    struct Stats {
        var median: UInt64, p99: UInt64, max: UInt64
        init(_ values: [UInt64]) {
            let v = values.sorted()
            median = v[v.count / 2]; p99 = v[min(v.count - 1, v.count * 99 / 100)]; max = v.last!
        }
    }
    struct Result { var wall: Stats; var cpu: Stats; var cells: Int }

    static func threadCPU() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    func measure(_ start: AppState, event: (AppState, Int) -> AppEvent) -> Result {
        var state = start
        var buffer = CellBuffer(width: 0, height: 0)
        var previous: CellBuffer?
        var wall: [UInt64] = [], cpu: [UInt64] = []
        wall.reserveCapacity(frames)
        cpu.reserveCapacity(frames)
        var cells = 0
        for n in 0..<(frames + 100) {
            let t0 = DispatchTime.now().uptimeNanoseconds, c0 = Self.threadCPU()
            state = update(state, event(state, n)).0
            render(state, into: &buffer)
            let changes = buffer.changes(from: previous)
            previous = buffer
            let t1 = DispatchTime.now().uptimeNanoseconds, c1 = Self.threadCPU()
            if n >= 100 { wall.append(t1 - t0); cpu.append(c1 - c0); cells += changes.count }   // the first 100 warm up
        }
        return Result(wall: Stats(wall), cpu: Stats(cpu), cells: cells / max(1, frames))
    }
}
