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
/// engine.resume(jobID: job.id)                       // paused cameras; starts a stopped job again
/// engine.cancel(jobID: job.id)
/// let leftover = try engine.unfinishedJobs()         // at start: what `--resume` would continue
/// ```
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

    /// - Parameters:
    ///   - queue: where `onEvent` is called (use a serial queue: the UI queue, or the CLI's).
    ///   - access: how to reach a source's recordings; by default ONVIF Profile G with the vendor
    ///     fallbacks (`ONVIFRecordingAccess`).
    public init(repository: Repository, options: DownloadOptions = DownloadOptions(), queue: DispatchQueue,
                access: AccessFactory? = nil, logger: Logger = Logger(label: "vtrack.download"),
                onEvent: @escaping @Sendable (DownloadEvent) -> Void) {
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
    /// is sane, the cameras are known, and each camera's folder exists and is writable (folders
    /// are created as by save-config). Nothing is downloaded until `start(jobID:)`.
    public func createJob(_ request: DownloadRequest, now: Date = Date()) throws -> DownloadJobRecord {
        guard request.range.start < request.range.end else { throw DownloadError.emptyRange }
        guard request.range.start < now else { throw DownloadError.rangeInFuture }
        guard (1...1_000_000).contains(request.maxFileSizeMB) else {
            throw DownloadError.invalidOption(name: "max-file-size-mb", value: request.maxFileSizeMB)
        }
        guard (1...64).contains(request.parallel) else { throw DownloadError.invalidOption(name: "parallel", value: request.parallel) }
        guard (1...64).contains(request.replaySessions) else {
            throw DownloadError.invalidOption(name: "replay-sessions", value: request.replaySessions)
        }
        let (source, config) = try repository.read { r in (try r.requireSource(named: request.sourceName), try r.processingConfig()) }
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
        if !bad.isEmpty { throw SaveConfigError.validationFailed(validation) }
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
    /// - Parameter parallel: a new number of cameras at once (saved with the job).
    public func start(jobID: Int64, parallel: Int? = nil) throws {
        if jobs.withLock({ $0[jobID] != nil }) { throw DownloadError.jobRunning(jobID) }
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
        guard let lock = try JobLock(databasePath: repository.path, jobID: jobID) else { throw DownloadError.jobRunning(jobID) }
        // cancelled by another process between the look above and the lock
        if let now = try repository.read({ try $0.downloadJob(id: jobID) }), !now.state.isResumable {
            throw DownloadError.jobFinished(jobID, state: now.state.rawValue)
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
        let runner = JobRunner(jobID: jobID, parallel: parallel ?? job.parallel ?? 2, repository: repository, options: options,
                               access: access, slots: slots, lock: lock, logger: logger,
                               deliver: { event in queue.async { handler(event) } },
                               // after the front has seen `.stopped` (the queue is serial)
                               onStopped: { [weak self] r in
                                   let engine = self
                                   queue.async { engine?.stopped(r) }
                               })
        let inserted = jobs.withLock { j -> Bool in
            if j[jobID] != nil { return false }
            j[jobID] = runner
            return true
        }
        guard inserted else { throw DownloadError.jobRunning(jobID) }
        idle.enter()
        runner.start()
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
        runner(jobID)?.pause(camera: camera)
    }

    /// Resumes paused (or failed) cameras of a running job; a job that is not running is started
    /// (as `start(jobID:)`).
    public func resume(jobID: Int64, camera: String? = nil) throws {
        if let r = runner(jobID) {
            r.resume(camera: camera)
        } else {
            try start(jobID: jobID)
        }
    }

    /// Cancels one camera (or the whole job). Files already written stay. A whole job that does
    /// not run here is cancelled as by `cancelStopped(jobID:)` (nothing happens when that fails).
    public func cancel(jobID: Int64, camera: String? = nil) {
        if let r = runner(jobID) {
            r.cancel(camera: camera)
        } else if camera == nil {
            _ = try? cancelStopped(jobID: jobID)
        }
    }

    /// Cancels a job that no process runs (paused, failed, or interrupted by a kill): every
    /// finished file stays, its `.part` files are finished at their last complete fragment (or
    /// deleted when they hold none), and the job and its unfinished cameras become `cancelled`.
    /// Throws `DownloadError.jobNotFound`, `.nothingToCancel` (done or cancelled already),
    /// `.jobRunning` (here: use `cancel`), `.jobRunningElsewhere` (another process holds its
    /// lock: nothing is touched) or `.cancelBlocked` (a `.part` cannot be finished: nothing changed).
    public func cancelStopped(jobID: Int64) throws -> CancelledJob {
        if runner(jobID) != nil { throw DownloadError.jobRunning(jobID) }
        return try CancelledJob.cancel(jobID: jobID, repository: repository)
    }

    /// Changes how many cameras of a running job download at once.
    public func setParallel(jobID: Int64, _ n: Int) {
        runner(jobID)?.setParallel(n)
    }

    // MARK: Queries

    /// Jobs running in this engine.
    public var runningJobs: [Int64] { jobs.withLock { Array($0.keys).sorted() } }

    /// The current progress of a running job.
    public func progress(jobID: Int64) -> JobProgress? { runner(jobID)?.progress }

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

    private func runner(_ id: Int64) -> JobRunner? { jobs.withLock { $0[id] } }
}
