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

/// `vtrack sync [SOURCE…] [--once] [--interval 10m] [--lag 5m] [--since 24h] [--json]`: keeps
/// every ticked camera's folder filled with its footage, pass after pass, as ordinary download
/// jobs; with retention. Also `--status` and `--install-service`.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Keep the ticked cameras' folders filled with their recordings, unattended (a service or cron).",
        discussion: """
            Each pass downloads, for every saved source and ticked camera (or the sources named), everything recorded since \
            that camera's last saved footage (the first time: --since) up to now minus --lag, as ordinary download jobs \
            (same files, resume, progress). Gaps of the recorder are remembered and searched again a few times; footage \
            that appears there later is fetched.
            Without --once it runs until SIGTERM or Ctrl-C (the running job pauses and the next sync continues it; exit 0); \
            SIGHUP reads the sources and settings again and starts a pass at once. A second sync on the same database says \
            which process holds the lock and exits 1.
            Retention after each pass: footage older than --max-days (default: default_days of the settings) is deleted, \
            and the oldest files go while a disk is under --min-free (default 10%); never a .part, never the last day. \
            --dry-run only shows what retention would delete.
            Durations: 90s, 10m, 24h, 7d or seconds. Sizes: 500M, 20G, or 10%.
            """)

    @Argument(help: "Saved sources to sync (default: every active source with ticked cameras).") var sources: [String] = []
    @Flag(help: "One pass, then exit (for cron or a systemd timer).") var once = false
    @Option(help: "Time between the starts of two passes.") var interval = DurationArgument(seconds: 600)
    @Option(help: "Footage younger than this is left for the next pass.") var lag = DurationArgument(seconds: 300)
    @Option(help: "How far back the first pass of a camera goes.") var since = DurationArgument(seconds: 86_400)
    @Option(help: "Cameras of a source downloaded at once.") var parallel = 2
    @Option(name: .customLong("replay-sessions"), help: "Replay sessions the device may serve at once.") var replaySessions = 1
    @Option(name: .customLong("max-file-size-mb"), help: "Split files on a keyframe before they grow past this many MB.") var maxFileSizeMB = 500
    @Option(name: .customLong("max-days"), help: "Retention: delete footage older than this many days (default: default_days of the settings).")
    var maxDays: Int?
    @Option(name: .customLong("min-free"), help: "Retention: keep this much free on each disk of the camera folders (e.g. 20G or 10%; default 10%).")
    var minFree: SizeArgument?
    @Flag(name: .customLong("no-retention"), help: "Never delete old files.") var noRetention = false
    @Flag(name: .customLong("dry-run"), help: "Only show what retention would delete (nothing is downloaded or deleted).") var dryRun = false
    @Flag(help: "Show each camera's last saved footage, lag, last error and next run, then exit.") var status = false
    @Flag(name: .customLong("install-service"), help: "Write a systemd unit (and a timer with --once) for this sync, and print how to enable it.")
    var installService = false
    @Flag(help: "With --install-service: a user unit (~/.config/systemd/user) instead of a system one.") var user = false
    @Option(name: .customLong("unit-dir"), help: ArgumentHelp("With --install-service: write the units into this folder.", valueName: "path"))
    var unitDir: String?
    @Flag(help: "Print JSON (JSON lines while syncing).") var json = false
    @Flag(help: "Also log every retry and reconnection on standard error.") var verbose = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.apply()
        try NumberOption.seconds(interval.seconds, option: "--interval", in: 1...604_800)
        try NumberOption.seconds(lag.seconds, option: "--lag", in: 0...604_800)
        try NumberOption.seconds(since.seconds, option: "--since", in: 1...(86_400 * 3650))
        try NumberOption.count(parallel, option: "--parallel", in: 1...64)
        try NumberOption.count(replaySessions, option: "--replay-sessions", in: 1...64)
        try NumberOption.count(maxFileSizeMB, option: "--max-file-size-mb", in: 1...1_000_000)
        if let maxDays { try NumberOption.count(maxDays, option: "--max-days", in: 1...36_500) }

        if installService { return try SyncInstall.install(self) }
        if status { return try showStatus() }

        let repo = try store.open()
        let output = SyncOutput(json: json)
        var options = SyncOptions()
        options.sources = sources
        options.interval = interval.seconds
        options.lag = lag.seconds
        options.since = since.seconds
        options.parallel = parallel
        options.replaySessions = replaySessions
        options.maxFileSizeMB = maxFileSizeMB
        options.retention = try retentionPolicy(repo)

        if dryRun {
            guard let policy = options.retention else { return }
            var p = policy
            p.dryRun = true
            let result = Retention(repository: repo, policy: p).run { output.deletion($0) }
            for r in result.problems { output.note(r) }
            if result.deletions.isEmpty { output.note(Localized(vi: "Không có tệp nào cần xoá.", en: "Nothing would be deleted.")) }
            return
        }

        // one sync per database: a second one names the holder and leaves (exit 1)
        let lock = try CLI.attempt { try SyncLock(databasePath: repo.path) }
        defer { withExtendedLifetime(lock) {} }
        let service = SyncService(repository: repo, options: options, queue: DispatchQueue(label: "vtrack.sync.cli")) { output.handle($0) }
        try CLI.attempt { _ = try service.chosenSourceNames() }

        // SIGTERM / Ctrl-C: pause the running job, end the loop (exit 0); SIGHUP: a pass now with fresh settings
        let stopping = SignalWatch([SIGINT, SIGTERM]) {
            output.note(Localized(vi: "Đang dừng đồng bộ… (lượt tải đang chạy được tạm dừng, lần đồng bộ sau sẽ tải tiếp)",
                                  en: "Stopping the sync… (the running job pauses; the next sync continues it)"))
            service.stop()
        }
        let reload = SignalWatch([SIGHUP]) { service.wake() }
        defer {
            stopping.cancel()
            reload.cancel()
        }
        if once {
            let summary = service.runPass()
            service.flushEvents()
            // cron mails a failure: a source or camera that could not be brought up to date
            if !summary.problems.isEmpty && !summary.interrupted { throw ExitCode(1) }
            return
        }
        service.run()
        service.flushEvents()
    }

    /// The retention of this run: nil with `--no-retention`.
    func retentionPolicy(_ repo: Repository) throws -> RetentionPolicy? {
        if noRetention && !dryRun { return nil }
        let days = try maxDays ?? CLI.attempt { try repo.read { try $0.processingConfig() }.defaultDays }
        var p = RetentionPolicy(maxDays: days > 0 ? days : nil)
        switch minFree {
        case .bytes(let b)?: p.minFreeBytes = b
        case .fraction(let f)?: p.minFreeFraction = f
        case nil: break
        }
        return p
    }

    private func showStatus() throws {
        let repo = try store.open(readOnly: true)
        let list = try CLI.attempt { try SyncService.status(repository: repo, sources: sources) }
        let now = Date()
        if json {
            CLI.printJSON(list.map { StatusOut($0, now: now) })
            return
        }
        if list.isEmpty {
            print(Localized(vi: "Không có nguồn nào có camera được chọn.", en: "No source has ticked cameras.").text())
            return
        }
        if let pid = list.first?.runningPID {
            print(Localized(vi: "Đồng bộ đang chạy (tiến trình \(pid)).", en: "Sync is running (process \(pid)).").text())
        } else {
            print(Localized(vi: "Không có tiến trình đồng bộ nào đang chạy.", en: "No sync process is running.").text())
        }
        for s in list {
            let next = s.nextRun.map { UTC.iso($0) } ?? "—"
            let last = s.lastPassEnd.map { UTC.iso($0) } ?? Localized(vi: "chưa", en: "never").text()
            print("\n\(CLI.shown(s.source)): " + Localized(vi: "lượt cuối \(last), lượt sau \(next)", en: "last pass \(last), next run \(next)").text())
            if let e = s.lastError { print("  " + e.text()) }
            var rows = [[Localized(vi: "camera", en: "camera").text(), Localized(vi: "đã lưu đến", en: "last saved").text(),
                         Localized(vi: "trễ", en: "lag").text(), Localized(vi: "khoảng trống", en: "gaps").text(),
                         Localized(vi: "lỗi gần nhất", en: "last error").text()]]
            for c in s.cameras {
                rows.append([CLI.shown(c.camera), c.lastSaved.map { UTC.iso($0) } ?? "—", c.lag(now: now).map { Format.duration($0) } ?? "—",
                             "\(c.gaps)", c.lastError?.text() ?? ""])
            }
            print(TextTable.render(rows).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        }
    }

    /// `--status --json`: one object per source.
    struct StatusOut: Encodable {
        struct CameraOut: Encodable {
            let camera: String
            let lastSaved: String?
            let lagSeconds: Double?
            let checkedUntil: String?
            let lastPass: String?
            let lastError: String?
            let gaps: Int
            let gapsPending: Int
            let lastJob: Int64?
            enum CodingKeys: String, CodingKey {
                case camera, lastSaved = "last_saved", lagSeconds = "lag_seconds", checkedUntil = "checked_until", lastPass = "last_pass"
                case lastError = "last_error", gaps, gapsPending = "gaps_pending", lastJob = "last_job"
            }
        }
        let source: String
        let lastPassStart: String?
        let lastPassEnd: String?
        let nextRun: String?
        let lastError: String?
        let lagSeconds: Double?
        let runningPID: Int32?
        let cameras: [CameraOut]
        enum CodingKeys: String, CodingKey {
            case source, lastPassStart = "last_pass_start", lastPassEnd = "last_pass_end", nextRun = "next_run", lastError = "last_error"
            case lagSeconds = "lag_seconds", runningPID = "running_pid", cameras
        }

        init(_ s: SyncSourceStatus, now: Date) {
            source = s.source
            lastPassStart = s.lastPassStart.map { UTC.iso($0) }
            lastPassEnd = s.lastPassEnd.map { UTC.iso($0) }
            nextRun = s.nextRun.map { UTC.iso($0) }
            lastError = s.lastError?.text()
            lagSeconds = s.lag(now: now).map { ($0 * 10).rounded() / 10 }
            runningPID = s.runningPID
            cameras = s.cameras.map { c in
                CameraOut(camera: c.camera, lastSaved: c.lastSaved.map { UTC.iso($0) }, lagSeconds: c.lag(now: now).map { ($0 * 10).rounded() / 10 },
                          checkedUntil: c.checkedUntil.map { UTC.iso($0) }, lastPass: c.lastPass.map { UTC.iso($0) }, lastError: c.lastError?.text(),
                          gaps: c.gaps, gapsPending: c.gapsPending, lastJob: c.lastJobID)
            }
        }
    }
}
