import ArgumentParser
import CLISupport
import Common
import Dispatch
import Foundation
import Streaming

/// `vtrack record RTSP_URL [--duration S] [--user U] -o FILE.mp4`: records a live stream into a
/// fragmented MP4 — a quick stream check for technicians. Ctrl-C stops cleanly.
public struct Record: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record an RTSP stream (H.264/H.265, AAC) into an MP4 file.",
        discussion: """
            Credentials never travel in the URL: user info in RTSP_URL is used for the login only.
            The password comes from the URL, --password-stdin, VTRACK_PASSWORD, or a prompt (no echo).
            The file is written as FILE.part and renamed when done; Ctrl-C stops and keeps what was recorded.
            Exit status 0 on success; otherwise one sentence on standard error says what to check.
            """)

    @Argument(help: "rtsp://[user[:password]@]host[:port]/path")
    var url: String

    @Option(name: .customLong("duration"), help: "Seconds of video to record (default: until the stream ends or Ctrl-C).")
    var duration: Double?

    @Option(name: .customLong("user"), help: "RTSP user name (overrides the URL's).")
    var user: String?

    @OptionGroup var password: PasswordOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "The MP4 file to write.")
    var output: String

    @Option(name: .customLong("timeout"), help: "Seconds without data before giving up.")
    var timeout: Double = 15

    @OptionGroup var global: GlobalOptions

    public init() {}

    public func run() throws {
        global.apply()
        try NumberOption.seconds(timeout, option: "--timeout")
        if let duration { try NumberOption.seconds(duration, option: "--duration", in: NumberOption.durationSeconds) }
        do {
            try MP4RecordingSink.checkOutput(output)
        } catch let e as StreamingError {
            // a folder, a file, a link or a .part already there: nothing is touched or replaced, no prompt
            Usage.refuse(e.message)
        }
        do {
            guard let parsed = RTSPURL(url) else { throw StreamingError.invalidURL(url) }
            let login = user ?? parsed.user
            let pw = parsed.password != nil && user == nil ? parsed.password : try password.resolve(user: login)
            var options = RTSPOptions()
            options.stallTimeout = timeout
            options.responseTimeout = min(timeout, 10)
            let session = try RTSPSession(url: url, user: login, password: pw, options: options)

            // Ctrl-C, SIGTERM (kill, systemd) or SIGHUP (the SSH link dropped): stop the session;
            // it tears down and the file is finished below
            let interrupt = SignalWatch(SignalWatch.termination) { session.cancel() }
            defer { interrupt.cancel() }

            let progress = ProgressLine(enabled: isatty(STDERR_FILENO) == 1)
            let sink = MP4RecordingSink(path: output, maxDuration: duration) { p in progress.show(p) }
            let summary: StreamSummary
            do {
                summary = try session.run(PlayRequest(), sink: sink)
            } catch {
                progress.clear()
                // keep what was recorded before the failure, then report it
                if sink.pictures > 0, let files = try? sink.finish() { Record.report(files) } else { sink.abandon() }
                throw error
            }
            progress.clear()
            let files = try sink.finish()
            Record.report(files)
            if summary.video.droppedAccessUnits > 0 {
                let n = summary.video.droppedAccessUnits
                FileHandle.standardError.write(Data(Localized(vi: "Bỏ \(n) khung hình hỏng do mất gói tin.\n",
                                                               en: "Dropped \(n) damaged pictures after packet loss.\n").text().utf8))
            }
        } catch let e as any UserFacingError {
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            throw ExitCode(e.isBadInput ? 64 : 1)
        }
    }

    static func report(_ files: [MP4FileSummary]) {
        for f in files {
            let mb = String(format: "%.1f", Double(f.bytes) / 1_000_000)
            let secs = String(format: "%.1f", f.duration)
            print(Localized(vi: "Đã lưu \(f.path): \(f.videoSamples) khung hình, \(secs) giây, \(mb) MB",
                            en: "Saved \(f.path): \(f.videoSamples) pictures, \(secs) s, \(mb) MB").text())
        }
    }
}

/// One self-overwriting progress line on a terminal (at most 4 updates a second).
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let last = Mutex<Double>(0)

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ p: MP4RecordingSink.Progress) {
        guard enabled else { return }
        let now = Date().timeIntervalSince1970
        guard last.withLock({ l in
            if now - l < 0.25 { return false }
            l = now
            return true
        }) else { return }
        let s = Int(p.mediaSeconds)
        let time = String(format: "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        let mb = String(format: "%.1f", Double(p.bytes) / 1_000_000)
        let text = Localized(vi: "\r● REC \(time)  \(p.pictures) khung hình  \(mb) MB ", en: "\r● REC \(time)  \(p.pictures) pictures  \(mb) MB ").text()
        FileHandle.standardError.write(Data(text.utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

import Synchronization
