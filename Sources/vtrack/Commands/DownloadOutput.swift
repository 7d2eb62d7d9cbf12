import Common
import Core
import Foundation
import Synchronization

/// How `vtrack download` shows a job: progress bars redrawn in place on a terminal (at most 10
/// times a second), JSON lines with `--json`, or one line per state change otherwise; then a
/// summary (files, bytes, media duration, gaps, shortfall).
final class DownloadOutput: Sendable {
    enum Mode: Sendable { case bars, json, lines }

    let mode: Mode
    private struct State {
        var drawnLines = 0
        var lastDraw = 0.0
        var lastStates: [String: DownloadState] = [:]
        var pending: JobProgress?
    }
    private let state = Mutex(State())

    init(mode: Mode) { self.mode = mode }

    func started(_ job: DownloadJobRecord) {
        switch mode {
        case .json:
            line(JSONOut.object(["type": "job", "job": job.id, "source": job.sourceName, "from": UTC.iso(job.range.start),
                                 "to": UTC.iso(job.range.end), "cameras": job.cameras, "max_file_size_mb": job.maxFileSizeMB]))
        case .bars, .lines:
            line(Localized(vi: "Lượt tải \(job.id): \(job.sourceName), \(UTC.iso(job.range.start)) → \(UTC.iso(job.range.end)), \(job.cameras.count) camera",
                           en: "Job \(job.id): \(job.sourceName), \(UTC.iso(job.range.start)) → \(UTC.iso(job.range.end)), \(job.cameras.count) cameras").text())
        }
    }

    func progress(_ p: JobProgress) {
        switch mode {
        case .json:
            line(JSONOut.progress(p))
        case .lines:
            let changes = state.withLock { s -> [CameraProgress] in
                let changed = p.cameras.filter { s.lastStates[$0.camera] != $0.state }
                for c in p.cameras { s.lastStates[c.camera] = c.state }
                return changed
            }
            for c in changes { line(Self.stateLine(c)) }
        case .bars:
            let now = ProcessInfo.processInfo.systemUptime
            let draw = state.withLock { s -> Bool in
                // at most 10 redraws a second; state changes may wait 0.1 s
                if now - s.lastDraw < 0.1 { s.pending = p; return false }
                s.lastDraw = now
                s.pending = nil
                return true
            }
            if draw { redraw(p) }
        }
    }

    func note(_ text: Localized) {
        if mode == .json {
            line(JSONOut.object(["type": "note", "message": text.text()]))
        } else {
            FileHandle.standardError.write(Data((text.text() + "\n").utf8))
        }
    }

    func finished(_ s: DownloadSummary) {
        if mode == .bars, let p = state.withLock({ $0.pending }) { redraw(p) }
        switch mode {
        case .json: line(JSONOut.summary(s))
        case .bars, .lines: FileHandle.standardOutput.write(Data(Self.summaryText(s).utf8))
        }
    }

    // MARK: Terminal

    private func redraw(_ p: JobProgress) {
        let width = max(60, min(Self.terminalWidth(), 140))
        var rows = p.cameras.map { Self.bar(name: $0.camera, fraction: $0.fraction, state: $0.state, media: $0.mediaSeconds,
                                           covered: $0.coveredSeconds, bytes: $0.bytes, rate: $0.bytesPerSecond, factor: $0.realTimeFactor,
                                           eta: $0.eta, reason: $0.reason, width: width) }
        let total = Localized(vi: "Tổng", en: "Total").text()
        rows.append(Self.bar(name: total, fraction: p.fraction, state: p.state, media: p.mediaSeconds, covered: p.coveredSeconds,
                             bytes: p.bytes, rate: p.bytesPerSecond, factor: p.realTimeFactor, eta: p.eta, reason: nil, width: width))
        var out = ""
        let up = state.withLock { s -> Int in defer { s.drawnLines = rows.count }; return s.drawnLines }
        if up > 0 { out += "\u{1B}[\(up)A" }
        for r in rows { out += "\r\u{1B}[2K" + r + "\n" }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    static func bar(name: String, fraction: Double, state: DownloadState, media: Double, covered: Double?, bytes: Int64, rate: Double,
                    factor: Double, eta: Double?, reason: Localized?, width: Int) -> String {
        let label = String(name.prefix(14)).padding(toLength: 14, withPad: " ", startingAt: 0)
        let cells = 20
        let filled = Int((fraction * Double(cells)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled)
        var text = "\(label) \(bar) \(Format.percent(fraction))  \(Format.duration(media))/\(Format.duration(covered))"
        text += "  " + Format.bytes(bytes)
        if state == .running {
            text += "  " + Format.speed(rate) + "  " + Format.realtime(factor)
            if let e = eta { text += "  " + Format.etaWord.text() + Format.duration(e) }
        }
        text += "  " + state.label.text()
        if let r = reason, state != .running { text += ": " + r.text() }
        return String(text.prefix(width + 40))
    }

    static func terminalWidth() -> Int {
        var w = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0 { return Int(w.ws_col) }
        return 100
    }

    // MARK: Text

    static func stateLine(_ c: CameraProgress) -> String {
        var s = "\(c.camera): \(c.state.label.text())"
        if let r = c.reason { s += " — " + r.text() }
        if c.state == .done || c.state == .paused { s += " (\(Format.duration(c.mediaSeconds)), \(Format.bytes(c.bytes)))" }
        return s
    }

    static func summaryText(_ s: DownloadSummary) -> String {
        let speed = s.elapsed > 0 ? s.mediaSeconds / s.elapsed : 0
        let state = s.state.label, size = Format.bytes(s.bytes), rt = Format.realtime(speed)
        let media = Format.duration(s.mediaSeconds), took = Format.duration(s.elapsed)
        var out = "\n" + Localized(
            vi: "Lượt tải \(s.jobID): \(state.vi) — \(s.files) tệp, \(size), \(media) video trong \(took) (\(rt) thời gian thực), \(s.gaps) khoảng trống",
            en: "Job \(s.jobID): \(state.en) — \(s.files) file\(s.files == 1 ? "" : "s"), \(size), \(media) of video in \(took) (\(rt) real time), \(s.gaps) gaps").text() + "\n"
        for c in s.cameras {
            let files = c.files.count, size = Format.bytes(c.bytes), media = Format.duration(c.mediaSeconds)
            let covered = Format.duration(c.coveredSeconds), short = Format.duration(c.shortfallSeconds)
            out += "  " + Localized(vi: "\(c.camera): \(c.state.label.vi), \(files) tệp, \(size), \(media) / \(covered) có trên thiết bị",
                                    en: "\(c.camera): \(c.state.label.en), \(files) file\(files == 1 ? "" : "s"), \(size), \(media) of \(covered) on the device").text()
            if c.shortfallSeconds > 0 { out += Localized(vi: ", thiếu \(short)", en: ", \(short) short").text() }
            out += "\n"
            for g in c.gaps {
                out += "    " + Localized(vi: "không có hình", en: "no footage").text() + " \(UTC.iso(g.start)) → \(UTC.iso(g.end))\n"
            }
            if let r = c.reason, c.state != .done || c.shortfallSeconds > 0 { out += "    " + r.text() + "\n" }
        }
        return out
    }

    private func line(_ s: String) {
        FileHandle.standardOutput.write(Data((s + "\n").utf8))
    }
}

/// The JSON lines of `vtrack download --json` (one object per line, keys sorted).
enum JSONOut {
    static func object(_ d: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: d, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func camera(_ c: CameraProgress) -> [String: Any] {
        var d: [String: Any] = ["camera": c.camera, "state": c.state.rawValue, "media_seconds": round3(c.mediaSeconds), "bytes": c.bytes,
                                "mb_per_s": round3(c.bytesPerSecond / 1_000_000), "x_realtime": round3(c.realTimeFactor), "files": c.files,
                                "fraction": round3(c.fraction)]
        d["covered_seconds"] = c.coveredSeconds.map(round3) ?? NSNull()
        d["eta_s"] = c.eta.map(round3) ?? NSNull()
        d["reason"] = c.reason?.text() ?? NSNull()
        return d
    }

    static func progress(_ p: JobProgress) -> String {
        object(["type": "progress", "job": p.jobID, "state": p.state.rawValue, "cameras": p.cameras.map(camera),
                "media_seconds": round3(p.mediaSeconds), "covered_seconds": round3(p.coveredSeconds), "bytes": p.bytes,
                "mb_per_s": round3(p.bytesPerSecond / 1_000_000), "x_realtime": round3(p.realTimeFactor),
                "eta_s": p.eta.map(round3) ?? NSNull(), "fraction": round3(p.fraction)])
    }

    static func summary(_ s: DownloadSummary) -> String {
        let cams: [[String: Any]] = s.cameras.map { c in
            ["camera": c.camera, "state": c.state.rawValue, "reason": c.reason?.text() ?? NSNull(), "files": c.files, "bytes": c.bytes,
             "media_seconds": round3(c.mediaSeconds), "covered_seconds": round3(c.coveredSeconds),
             "shortfall_seconds": round3(c.shortfallSeconds),
             "gaps": c.gaps.map { ["start": UTC.iso($0.start), "end": UTC.iso($0.end)] }]
        }
        return object(["type": "summary", "job": s.jobID, "state": s.state.rawValue, "reason": s.reason?.text() ?? NSNull(),
                       "from": UTC.iso(s.range.start), "to": UTC.iso(s.range.end), "files": s.files, "bytes": s.bytes,
                       "media_seconds": round3(s.mediaSeconds), "elapsed_seconds": round3(s.elapsed), "gaps": s.gaps,
                       "shortfall_seconds": round3(s.shortfallSeconds), "cameras": cams])
    }

    static func round3(_ d: Double) -> Double { (d * 1000).rounded() / 1000 }
}
