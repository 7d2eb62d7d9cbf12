import Common
import Foundation
import Logging
import Store
import Synchronization

/// The downloader, shared by the CLI and the TUI: creates jobs from requests, runs them on
/// background threads, and reports progress on the front's queue.
///
/// ```swift
/// let engine = DownloadEngine(repository: repo, queue: ui) { event in
///     switch event {
///     case .progress(let p): draw(p)            // coalesced, ≤ 1/progressInterval per second
///     case .stopped(let summary): done(summary) // done, failed, paused or cancelled
///     }
/// }
/// let job = try engine.createJob(DownloadRequest(sourceName: "nvr", range: range))
/// try engine.start(jobID: job.id)
/// engine.pause(jobID: job.id, camera: "Camera 01")   // or the whole job with camera: nil
/// try engine.resume(jobID: job.id, camera: "Camera 01") // a stopped job starts again with only it
/// try engine.cancel(jobID: job.id, camera: "Camera 02") // running or stopped, one camera or all
/// let leftover = try engine.unfinishedJobs()         // at start: what `--resume` would continue
/// ```
///
/// Every control is addressed by job id and camera; its effect comes back as events for that job
/// (a front never edits its rows ahead of them).
///
/// A job survives anything: a kill (even -9) at any instant leaves `.part` files and database
/// rows from which `start(jobID:)` continues with no gap and no overlap larger than one GOP.
/// Every method is safe from any thread.
public final class DownloadEngine: Sendable {
    /// Builds the device access for a source (its saved password, or nil when it has none).
    public typealias AccessFactory = @Sendable (VideoSource, String?) throws -> any RecordingAccess

    public let repository: Repository
    public let options: DownloadOptions
    private let queue: DispatchQueue
    private let handler: @Sendable (DownloadEvent) -> Void
    private let accessFactory: AccessFactory
    private let logger: Logger
    private let jobs = Mutex<[Int64: JobRunner]>([:])
    private let devices = Mutex<[String: ReplaySessionSlots]>([:])
    private let idle = DispatchGroup()
    private let summaryBuilder: DownloadSummaryBuilder.Build

    /// - Parameters:
    ///   - queue: where `onEvent` is called (use a serial queue: the UI queue, or the CLI's).
    ///   - access: how to reach a source's recordings; by default ONVIF Profile G with the vendor
    ///     fallbacks (`ONVIFRecordingAccess`).
    public init(repository: Repository, options: DownloadOptions = DownloadOptions(), queue: DispatchQueue,
                access: AccessFactory? = nil, logger: Logger = Logger(label: "vtrack.download"),
                summary: @escaping DownloadSummaryBuilder.Build = DownloadSummaryBuilder.build,
                onEvent: @escaping @Sendable (DownloadEvent) -> Void) {
        self.summaryBuilder = summary
        self.repository = repository
        self.options = options
        self.queue = queue
        self.handler = onEvent
        self.accessFactory = access ?? { source, password in
            try ONVIFRecordingAccess(repository: repository, source: source, password: password)
        }
        self.logger = logger
    }

    // MARK: Jobs

    /// Checks a request and saves it as a new job (state `queued`): the source exists, the range
    /// is sane, its saved password can be read, the cameras are known, and each camera's folder exists and is writable (folders
    /// are created as by save-config). Nothing is downloaded until `start(jobID:)`.
    public func createJob(_ request: DownloadRequest, now: Date = Date()) throws -> DownloadJobRecord {
        guard request.range.start < request.range.end else { throw DownloadError.emptyRange }
        guard request.range.start < now else { throw DownloadError.rangeInFuture }
        try UserTime.checkRange(request.range)
        guard (1...1_000_000).contains(request.maxFileSizeMB) else {
            throw DownloadError.invalidOption(name: "max-file-size-mb", value: request.maxFileSizeMB)
        }
        guard (1...64).contains(request.parallel) else { throw DownloadError.invalidOption(name: "parallel", value: request.parallel) }
        guard (1...64).contains(request.replaySessions) else {
            throw DownloadError.invalidOption(name: "replay-sessions", value: request.replaySessions)
        }
        let (source, config) = try repository.read { r in (try r.requireSource(named: request.sourceName), try r.processingConfig()) }
        // A job that could never log in (key file lost or replaced, no password saved) is not
        // made: the password is read first, before any folder or row is created.
        if !source.config.username.isEmpty { _ = try repository.password(for: source) }
        let all = CameraKeys.keys(for: source.config.detectedCameras)
        var keys: [String]
        if request.cameras.isEmpty {
            keys = source.config.selectedCameraRecords.map(\.key)
            if keys.isEmpty { throw DownloadError.noCameras(source: source.name) }
        } else {
            let (found, unknown) = CameraKeys.resolve(request.cameras, in: source.config.detectedCameras)
            if !unknown.isEmpty { throw DownloadError.unknownCameras(unknown, known: all) }
            keys = found
            if keys.isEmpty { throw DownloadError.noCameras(source: source.name) }
        }
        // Folders: the same names save-config gives (the selection decides them), plus the asked ones.
        let selected = Set(source.config.selectedCameras)
        let wanted = Set(keys)
        let folderKeys = all.filter { selected.contains($0) || wanted.contains($0) }
        let validation = PathValidator().validate(videoRoot: config.videoRoot, sourceName: source.name, cameraKeys: folderKeys,
                                                  sourceFolder: source.config.folder)
        let bad = validation.problems.filter { $0.severity == .error && ($0.camera == nil || wanted.contains($0.camera!)) }
        if let first = bad.first {
            // a download's own sentence (not save-config's "source was not saved")
            throw DownloadError.foldersUnusable(source: source.name, problem: first.message, more: bad.count - 1)
        }
        keys = all.filter { wanted.contains($0) }
        let cameras = keys.map { StoreWriter.NewDownloadCamera(camera: $0, folder: validation.cameraPaths[$0] ?? "") }
        return try repository.write { w in
            try w.createDownloadJob(sourceID: source.id, sourceName: source.name, range: request.range, cameras: cameras,
                                    format: request.format, maxFileSizeMB: request.maxFileSizeMB,
                                    options: ["parallel": .number(Double(request.parallel)),
                                              "replay_sessions": .number(Double(request.replaySessions))])
        }
    }

    /// Runs a job (a new one, or one left unfinished by this or another process: its `.part`
    /// files are finished first and it continues from there). Returns at once; progress comes as
    /// events. Throws when the job does not exist, is done or cancelled, or already runs here or
    /// in another process.
    /// - Parameters:
    ///   - parallel: a new number of cameras at once (saved with the job).
    ///   - only: run just this camera; the job's other cameras stay as they were (paused stays
    ///     paused, failed stays failed, no new search for them) until they are resumed.
    public func start(jobID: Int64, parallel: Int? = nil, only: String? = nil) throws {
        if runner(jobID) != nil { throw DownloadError.jobRunning(jobID) }
        let (job, source) = try repository.read { r -> (DownloadJobRecord, VideoSource) in
            guard let job = try r.downloadJob(id: jobID) else { throw DownloadError.jobNotFound(jobID) }
            guard let source = try r.source(id: job.sourceID) else { throw StoreError.sourceNotFound(name: job.sourceName) }
            return (job, source)
        }
        guard job.state.isResumable else { throw DownloadError.jobFinished(jobID, state: job.state.rawValue) }
        if let p = parallel {
            guard (1...64).contains(p) else { throw DownloadError.invalidOption(name: "parallel", value: p) }
            try repository.write { try $0.updateDownloadJobOptions(jobID, ["parallel": .number(Double(p))]) }
        }
        // One start at a time across processes: the job's lock is taken and the other jobs are
        // looked at as one step, so two starts of the same camera and range cannot both go on.
        let lock: JobLock
        do {
            let starting = try StartLock(databasePath: repository.path)
            guard let held = try JobLock(databasePath: repository.path, jobID: jobID) else { throw DownloadError.jobRunning(jobID) }
            lock = held
            // cancelled by another process between the look above and the lock
            if let now = try repository.read({ try $0.downloadJob(id: jobID) }), !now.state.isResumable {
                lock.release()
                throw DownloadError.jobFinished(jobID, state: now.state.rawValue)
            }
            if let clash = try overlap(job, only: only) {
                lock.release()
                discardIfNeverStarted(job)
                throw clash
            }
            withExtendedLifetime(starting) {}
        }
        let password: String? = source.config.username.isEmpty ? nil : try repository.password(for: source)
        let access = try accessFactory(source, password)
        let deviceKey = "\(source.host):\(source.config.port ?? 80)"
        let sessions = job.options["replay_sessions"]?.intValue ?? 1
        let slots = devices.withLock { d -> ReplaySessionSlots in
            if let s = d[deviceKey] { return s }
            let s = ReplaySessionSlots(limit: sessions)
            d[deviceKey] = s
            return s
        }
        let queue = self.queue
        let handler = self.handler
        var held: Set<String> = []
        if let only {
            let cameras = try repository.read { try $0.downloadCameras(jobID: jobID) }
            guard cameras.contains(where: { $0.camera == only }) else {
                lock.release()
                throw DownloadError.unknownCameras([only], known: cameras.map(\.camera))
            }
            held = Set(cameras.map(\.camera).filter { $0 != only })
        }
        let runner = JobRunner(job: job, held: held, parallel: parallel ?? job.parallel ?? 2, repository: repository, options: options,
                               access: access, slots: slots, lock: lock, logger: logger, summary: summaryBuilder,
                               deliver: { event in queue.async { handler(event) } },
                               // after the front has seen `.stopped` (the queue is serial)
                               onStopped: { [weak self] r in
                                   let engine = self
                                   queue.async { engine?.stopped(r) }
                               })
        // a run that has ended but whose `.stopped` the front has not handled yet is replaced
        // (its `stopped` then finds another runner and leaves the count alone)
        let inserted = jobs.withLock { j -> (Bool, replaced: Bool) in
            if let old = j[jobID] {
                guard old.hasEnded else { return (false, false) }
                j[jobID] = runner
                return (true, true)
            }
            j[jobID] = runner
            return (true, false)
        }
        guard inserted.0 else { throw DownloadError.jobRunning(jobID) }
        if !inserted.replaced { idle.enter() }
        runner.start()
    }

    /// Another unfinished job of the same source that would download the same footage: one that
    /// runs now (its lock is held, here or in another process) and has a camera of this start
    /// not yet done over an overlapping range; or an older one that has run and stopped (paused,
    /// failed, killed), which is to be continued instead (`--resume`) — so a stopped job is never
    /// downloaded twice by a newer one, and of two overlapping stopped jobs the older one can
    /// always go on. A job never started (`queued`, lock free) does not count: it may be another
    /// process's, created at the same moment and about to start (whichever starts second is
    /// refused, naming the first). A sync job and a manual one never run the same camera at once,
    /// whatever their ranges (the sync's high-water mark and a manual job's files would race).
    /// Call it under `StartLock`.
    private func overlap(_ job: DownloadJobRecord, only: String?) throws -> DownloadError? {
        let open: (DownloadCameraRecord) -> Bool = { $0.state != .done && $0.state != .cancelled }
        let (others, mine) = try repository.read { r in (try r.downloadJobs(unfinishedOnly: true), try r.downloadCameras(jobID: job.id)) }
        let cameras = Set(mine.filter { open($0) && (only == nil || $0.camera == only) }.map(\.camera))
        let isSync = job.options["sync"] != nil
        for other in others.sorted(by: { $0.id < $1.id }) where other.id != job.id && other.sourceID == job.sourceID {
            let rangesMeet = other.range.start < job.range.end && job.range.start < other.range.end
            let otherKind = (other.options["sync"] != nil) != isSync
            guard rangesMeet || otherKind else { continue }
            let shared = try repository.read { try $0.downloadCameras(jobID: other.id) }.filter { open($0) && cameras.contains($0.camera) }
            guard let camera = shared.first?.camera else { continue }
            if JobLock.isHeld(databasePath: repository.path, jobID: other.id) {
                let pid = JobLock.holder(databasePath: repository.path, jobID: other.id)
                if otherKind { return .cameraFetchedElsewhere(other.id, camera: camera, pid: pid, bySync: !isSync) }
                return .overlapsRunningJob(other.id, camera: camera, pid: pid)
            }
            if rangesMeet, other.id < job.id, other.state != .queued { return .overlapsStoppedJob(other.id, camera: camera, state: other.state.rawValue) }
        }
        return nil
    }

    /// A job refused before it ever ran (made for this start, nothing planned or written) is
    /// removed, so it does not linger as an unfinished job that `--resume` would pick.
    private func discardIfNeverStarted(_ job: DownloadJobRecord) {
        guard job.state == .queued else { return }
        try? repository.write { w in
            let cameras = try w.read.downloadCameras(jobID: job.id)
            guard try w.read.downloadFiles(jobID: job.id).isEmpty,
                  cameras.allSatisfy({ $0.state == .queued && $0.covered == nil && $0.bytes == 0 }) else { return }
            try w.deleteDownloadJob(job.id)
        }
    }

    /// Creates a job from `request` and starts it; returns the job.
    @discardableResult
    public func start(_ request: DownloadRequest) throws -> DownloadJobRecord {
        let job = try createJob(request)
        try start(jobID: job.id, parallel: request.parallel)
        return job
    }

    private func stopped(_ runner: JobRunner) {
        let removed = jobs.withLock { j -> Bool in
            guard j[runner.jobID] === runner else { return false }
            j[runner.jobID] = nil
            return true
        }
        if removed { idle.leave() }
    }

    // MARK: Control

    /// Pauses one camera (or the whole job): the current file is closed and kept; `resume`
    /// continues from its end.
    public func pause(jobID: Int64, camera: String? = nil) {
        // a job that has stopped has nothing to pause
        runner(jobID)?.pause(camera: camera)
    }

    /// Resumes paused (or failed) cameras of a running job. A job that is not running is started:
    /// the whole job (camera nil), or only that camera — the others stay as they were.
    public func resume(jobID: Int64, camera: String? = nil) throws {
        if let r = runner(jobID) {
            if r.resume(camera: camera) { return }
            r.waitUntilEnded()   // it was ending: start it again
        }
        try start(jobID: jobID, only: camera)
    }

    /// Cancels one camera (or the whole job), running or not. Files already written stay. For a
    /// job that does not run here this is `cancelStopped(jobID:camera:)`, whose result (what was
    /// kept) is returned; a running job's cameras stop and report by events (nil is returned).
    @discardableResult
    public func cancel(jobID: Int64, camera: String? = nil) throws -> CancelledJob? {
        if let r = runner(jobID) {
            if r.cancel(camera: camera) { return nil }
            r.waitUntilEnded()   // it was ending: cancel what it left
        }
        return try cancelStopped(jobID: jobID, camera: camera)
    }

    /// Cancels a job that no process runs (paused, failed, or interrupted by a kill), or one camera
    /// of it: every finished file stays, the `.part` files are finished at their last complete
    /// fragment (or deleted when they hold none), and the unfinished cameras become `cancelled`
    /// (the job too, once no camera is left to run). The new state comes as a `.progress` event.
    /// Throws `DownloadError.jobNotFound`, `.unknownCameras`, `.nothingToCancel` (done or cancelled
    /// already), `.jobRunning` (here: use `cancel`), `.jobRunningElsewhere` (another process holds
    /// its lock: nothing is touched) or `.cancelBlocked` (a `.part` cannot be finished: nothing
    /// changed).
    public func cancelStopped(jobID: Int64, camera: String? = nil) throws -> CancelledJob {
        if runner(jobID) != nil { throw DownloadError.jobRunning(jobID) }
        let result = try CancelledJob.cancel(jobID: jobID, camera: camera, repository: repository)
        if let p = try? storedProgress(jobID: jobID) {
            let handler = self.handler
            queue.async { handler(.progress(p)) }
        }
        return result
    }

    /// Starts every unfinished job that no other process runs (a front at start-up), and says in
    /// one sentence each what could not start.
    public func startUnfinished() throws -> (started: [Int64], problems: [Localized]) {
        var started: [Int64] = [], problems: [Localized] = []
        for job in try unfinishedJobs() {
            do {
                try start(jobID: job.id)
                started.append(job.id)
            } catch DownloadError.jobRunning {
                // this engine or another process (a CLI download) runs it
            } catch {
                problems.append(CameraRunner.sentence(error))
            }
        }
        return (started, problems)
    }

    /// Changes how many cameras of a running job download at once.
    public func setParallel(jobID: Int64, _ n: Int) {
        runner(jobID)?.setParallel(n)
    }

    // MARK: Queries

    /// Jobs running in this engine.
    public var runningJobs: [Int64] { jobs.withLock { $0.filter { !$0.value.hasEnded }.keys.sorted() } }

    /// The current progress of a running job.
    public func progress(jobID: Int64) -> JobProgress? { runner(jobID)?.progress }

    /// A job's progress as the database holds it (for a job that does not run here).
    public func storedProgress(jobID: Int64) throws -> JobProgress {
        try repository.read { r in
            guard let job = try r.downloadJob(id: jobID) else { throw DownloadError.jobNotFound(jobID) }
            let files = try r.downloadFiles(jobID: jobID).filter { $0.state == .done }
            let cameras = try r.downloadCameras(jobID: jobID).map { c in
                var p = CameraProgress(camera: c.camera, state: c.state)
                p.reason = c.reason
                p.coveredSeconds = c.covered.map(IntervalSet.measure)
                p.mediaSeconds = c.mediaSeconds
                p.bytes = c.bytes
                p.files = files.filter { $0.camera == c.camera }.count
                return p
            }
            return JobProgress(jobID: jobID, sourceName: job.sourceName, range: job.range, state: job.state, reason: job.reason,
                               cameras: cameras)
        }
    }

    /// Jobs that `--resume` (or the TUI at start) would continue: not done, not cancelled.
    public func unfinishedJobs() throws -> [DownloadJobRecord] {
        try repository.read { try $0.downloadJobs(unfinishedOnly: true) }
    }

    /// Blocks until no job runs (or `timeout` seconds pass); true when idle. Every `.stopped`
    /// event has been handled by then. Never call it on the event queue.
    @discardableResult
    public func waitUntilIdle(timeout: Double? = nil) -> Bool {
        if let t = timeout { return idle.wait(timeout: .now() + t) == .success }
        idle.wait()
        return true
    }

    /// The job's runner while its run goes on (one that has ended counts as none).
    private func runner(_ id: Int64) -> JobRunner? {
        guard let r = jobs.withLock({ $0[id] }), !r.hasEnded else { return nil }
        return r
    }
}
