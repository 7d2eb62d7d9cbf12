import ArgumentParser
import CLISupport
import Common
import Core
import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `vtrack download SOURCE --from T --to T [--cameras A,B] [--max-file-size-mb N] [--parallel N] [--json]`
/// and `vtrack download --resume [JOB]`: downloads recordings into the cameras' folders as MP4,
/// with progress bars on a terminal (JSON lines with `--json`) and a summary at the end.
/// Ctrl-C pauses cleanly and says how to resume.
struct Download: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "download",
        abstract: "Download the recordings of a saved source's cameras for a time range into MP4 files.",
        discussion: """
            Times: ISO 8601 with a zone (2024-01-15T08:30:00+07:00, …Z), local time (2024-01-15 08:30, 2024-01-15), \
            now, today, yesterday, or -2h / -7d (use --from=-2h). Stored and sent as UTC.
            Files go to each camera's folder, named <camera folder>_<first frame>_<end of last frame>.mp4 (UTC), \
            split at --max-file-size-mb on a keyframe and at every gap in the recording.
            Ctrl-C pauses: the files so far stay, and `vtrack download --resume JOB` continues. \
            A job killed in any way also resumes with no gap and no overlap larger than one GOP.
            Exit status 0 when everything was downloaded, 130 after Ctrl-C (or SIGTERM), otherwise 1 with one sentence on standard error.
            """)

    @Argument(help: "The saved source's name (or, with --resume, the job number; default: the latest unfinished job).")
    var source: String?
    @Option(help: "Start of the range.") var from: TimeArgument?
    @Option(help: "End of the range (default: now).") var to: TimeArgument?
    @Option(help: "Cameras by name, comma-separated (default: the source's selection).") var cameras: String?
    @Option(name: .customLong("max-file-size-mb"), help: "Split files on a keyframe before they grow past this many MB.")
    var maxFileSizeMB: Int = 500
    @Option(help: "Cameras downloaded at once.") var parallel: Int?
    @Option(name: .customLong("replay-sessions"),
            help: "Replay sessions the device may serve at once (lowered automatically when it answers 453).")
    var replaySessions: Int = 1
    @Flag(help: "Continue an unfinished job (its number, or the latest).") var resume = false
    @Flag(help: "Print progress and the summary as JSON lines.") var json = false
    @Flag(help: "Also log every retry and reconnection on standard error.") var verbose = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if resume {
            if let s = source, Int64(s) == nil { throw ValidationError("--resume takes a job number (see `vtrack jobs`).") }
            if from != nil || to != nil || cameras != nil { throw ValidationError("--resume continues a job as it was made: leave out --from, --to and --cameras.") }
        } else {
            if source == nil { throw ValidationError("Name the source to download from (see `vtrack sources list`), or use --resume.") }
            if from == nil { throw ValidationError("--from is required (for example --from 2024-01-15T08:00 or --from=-2h).") }
        }
    }

    func run() throws {
        global.apply()
        if let parallel { try NumberOption.count(parallel, option: "--parallel", in: 1...64) }
        try NumberOption.count(maxFileSizeMB, option: "--max-file-size-mb", in: 1...1_000_000)
        try NumberOption.count(replaySessions, option: "--replay-sessions", in: 1...64)
        let names = TimeRangeArguments.cameraNames(cameras) ?? []
        let repo = try store.open()
        let interactive = !json && isatty(STDOUT_FILENO) == 1
        let output = DownloadOutput(mode: json ? .json : (interactive ? .bars : .lines))
        let stopped = Mutex<DownloadSummary?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let events = DispatchQueue(label: "vtrack.download.cli")
        let engine = DownloadEngine(repository: repo, queue: events) { event in
            switch event {
            case .progress(let p):
                output.progress(p)
            case .stopped(let s):
                stopped.withLock { $0 = s }
                finished.signal()
            }
        }

        let job: DownloadJobRecord = try CLI.attempt {
            if resume { return try Self.jobToResume(source.flatMap { Int64($0) }, repo: repo) }
            let range: DateInterval
            do {
                range = try TimeRangeArguments.resolve(from: from, to: to, defaultDays: 1)
            } catch let e as any UserFacingError {
                CLI.fail(e.message, code: 64)
            }
            let request = DownloadRequest(sourceName: source ?? "", range: range, cameras: names, maxFileSizeMB: maxFileSizeMB,
                                          parallel: parallel ?? 2, replaySessions: replaySessions)
            do {
                return try engine.createJob(request)
            } catch let e as DownloadError {
                switch e {
                case .emptyRange, .rangeInFuture, .noCameras, .unknownCameras, .invalidOption: CLI.fail(e.message, code: 64)
                default: throw e
                }
            }
        }

        // Ctrl-C (or SIGTERM): pause (files kept, state saved); a second one leaves at once (still resumable)
        let interrupted = Mutex(0)
        let signals = SignalWatch(SignalWatch.termination) {
            let n = interrupted.withLock { $0 += 1; return $0 }
            if n == 1 {
                output.note(Localized(vi: "Đang tạm dừng… (nhấn Ctrl-C lần nữa để thoát ngay)", en: "Pausing… (Ctrl-C again to leave at once)"))
                engine.pause(jobID: job.id)
            } else {
                output.note(Self.resumeHint(job.id, db: store.database))
                Glibc.exit(130)
            }
        }
        defer { signals.cancel() }

        output.started(job)
        try CLI.attempt { try engine.start(jobID: job.id, parallel: parallel) }
        finished.wait()
        engine.waitUntilIdle()
        guard let summary = stopped.withLock({ $0 }) else { throw ExitCode(1) }
        output.finished(summary)
        switch summary.state {
        case .done:
            return
        case .paused where interrupted.withLock({ $0 }) > 0:
            output.note(Self.resumeHint(job.id, db: store.database))
            throw ExitCode(130)
        default:
            if let r = summary.reason { FileHandle.standardError.write(Data("vtrack: \(r.text())\n".utf8)) }
            if summary.state.isResumable { output.note(Self.resumeHint(job.id, db: store.database)) }
            throw ExitCode(1)
        }
    }

    /// The job `--resume` continues: the one named, else the latest unfinished.
    static func jobToResume(_ id: Int64?, repo: Repository) throws -> DownloadJobRecord {
        if let id {
            guard let job = try repo.read({ try $0.downloadJob(id: id) }) else { throw DownloadError.jobNotFound(id) }
            guard job.state.isResumable else { throw DownloadError.jobFinished(id, state: job.state.rawValue) }
            return job
        }
        guard let job = try repo.read({ try $0.downloadJobs(unfinishedOnly: true) }).first else { throw DownloadError.nothingToResume }
        return job
    }

    static func resumeHint(_ id: Int64, db: String?) -> Localized {
        let cmd = "vtrack download --resume \(id)" + (db.map { " --db \(CLI.shellQuoted($0))" } ?? "")
        return Localized(vi: "Đã lưu trạng thái; tải tiếp bằng: \(cmd)", en: "State saved; continue with: \(cmd)")
    }
}

extension CLI {
    /// `'…'` when the text needs quoting for a POSIX shell.
    static func shellQuoted(_ s: String) -> String {
        if s.allSatisfy({ $0.isLetter || $0.isNumber || "/._-+:=@".contains($0) }) { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
