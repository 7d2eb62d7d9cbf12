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
            return .downloadProgress(rows)
        }
        // The baseline: the same loop on a screen that does not change (sources, clock ticks).
        let base = SampleScenes.state(.sources, lang: .vi, theme: theme, width: parts[0], height: parts[1])
        let idle = measure(base) { _, _ in .tick }
        func ms(_ ns: UInt64) -> String { String(format: "%.3f ms", Double(ns) / 1e6) }
        print("frames: \(frames) at \(parts[0])x\(parts[1]), downloads screen with \(cameras) running cameras")
        print("update+render+diff  median \(ms(work.median))  p99 \(ms(work.p99))  max \(ms(work.max))  cells changed/frame \(work.cells)")
        print("baseline (static)   median \(ms(idle.median))  p99 \(ms(idle.p99))  max \(ms(idle.max))  cells changed/frame \(idle.cells)")
        print(String(format: "ratio to baseline: median %.2fx, p99 %.2fx", Double(work.median) / Double(max(1, idle.median)),
                     Double(work.p99) / Double(max(1, idle.p99))))
        print(String(format: "goal p99 < 5 ms: p99 is %.1f%% of the goal (%@)", Double(work.p99) / 5e6 * 100, work.p99 < 5_000_000 ? "met" : "NOT met"))
    }

    struct Result { var median: UInt64; var p99: UInt64; var max: UInt64; var cells: Int }

    func measure(_ start: AppState, event: (AppState, Int) -> AppEvent) -> Result {
        var state = start
        var buffer = CellBuffer(width: 0, height: 0)
        var previous: CellBuffer?
        var times: [UInt64] = []
        times.reserveCapacity(frames)
        var cells = 0
        for n in 0..<(frames + 100) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            state = update(state, event(state, n)).0
            render(state, into: &buffer)
            let changes = buffer.changes(from: previous)
            previous = buffer
            let t1 = DispatchTime.now().uptimeNanoseconds
            if n >= 100 { times.append(t1 - t0); cells += changes.count }   // the first 100 warm up
        }
        times.sort()
        return Result(median: times[times.count / 2], p99: times[min(times.count - 1, times.count * 99 / 100)], max: times.last!,
                      cells: cells / max(1, frames))
    }
}
