import Common
import Foundation
import Logging
import Store
import Synchronization

/// Unattended sync (issue 15): keeps every ticked camera's folder filled with its footage, pass
/// after pass, through the download engine — ordinary jobs, with the same files, resume, progress,
/// vendor fallback and locks as `vtrack download`.
///
/// One pass, per source (every active source with ticked cameras, or `options.sources`):
/// 1. its unfinished sync jobs (left by a kill, a SIGTERM or a reboot) are resumed first: their
///    `.part` files are finished and they continue from the saved footage;
/// 2. known gaps of the device that are due are searched again; footage found there is fetched;
/// 3. each camera's window — from where it was left (`checked_until`; the first time, now −
///    `since`) up to now − `lag` — is downloaded as one job per window start.
///
/// After a job, each camera's high-water mark (end of its last saved file) and `checked_until`
/// (end of the last footage the device had in the window) move forward, and the window's holes
/// between footage become known gaps. A trailing part without footage is not a gap yet: the
/// next window starts before it, so footage the recorder writes late is never skipped. A camera
/// whose job failed keeps its high-water mark: the next window starts there (overlap ≤ 1 GOP,
/// as a replay starts at the keyframe at or before its start).
///
/// A camera another job downloads (a manual `vtrack download`) is left for the next pass, with
/// the engine's sentence. One pass at a time: `runPass()` is not reentrant.
public final class SyncService: Sendable {
    public let repository: Repository
    public let options: SyncOptions
    private let accessFactory: DownloadEngine.AccessFactory
    private let logger: Logger
    private let queue: DispatchQueue
    private let handler: @Sendable (SyncEvent) -> Void
    private let engineQueue = DispatchQueue(label: "vtrack.sync.engine")
    private let waits = Mutex<[Int64: Waiter]>([:])
    private let control = Mutex(Control())
    private let downloadOptions: DownloadOptions
    private let engine: Mutex<DownloadEngine?> = Mutex(nil)

    private final class Waiter: Sendable {
        let done = DispatchSemaphore(value: 0)
        let summary = Mutex<DownloadSummary?>(nil)
    }

    private struct Control {
        var stopping = false
        var current: Int64?
        var wake = CancelSignal()
    }

    /// - Parameters:
    ///   - access: how to reach a source's recordings (default: ONVIF Profile G with the vendor
    ///     fallbacks, as the download engine).
    ///   - queue: where `onEvent` is called (a serial queue).
    public init(repository: Repository, options: SyncOptions = SyncOptions(), download: DownloadOptions = DownloadOptions(),
                access: DownloadEngine.AccessFactory? = nil, queue: DispatchQueue = DispatchQueue(label: "vtrack.sync.events"),
                logger: Logger = Logger(label: "vtrack.sync"), onEvent: @escaping @Sendable (SyncEvent) -> Void = { _ in }) {
        self.repository = repository
        self.options = options
        self.downloadOptions = download
        self.accessFactory = access ?? { source, password in
            try ONVIFRecordingAccess(repository: repository, source: source, password: password)
        }
        self.logger = logger
        self.queue = queue
        self.handler = onEvent
    }

    private func emit(_ e: SyncEvent) {
        let h = handler
        queue.async { h(e) }
    }

    /// The download engine sync jobs run in (made on first use).
    private var downloads: DownloadEngine {
        engine.withLock { e in
            if let e { return e }
            let made = DownloadEngine(repository: repository, options: downloadOptions, queue: engineQueue, access: accessFactory,
                                      logger: logger) { [weak self] event in self?.downloadEvent(event) }
            e = made
            return made
        }
    }

    private func downloadEvent(_ event: DownloadEvent) {
        if case .stopped(let s) = event, let w = waits.withLock({ $0[s.jobID] }) {
            w.summary.withLock { $0 = s }
            w.done.signal()
        }
        emit(.download(event))
    }

    // MARK: Loop

    /// Runs passes every `options.interval` until `stop()`; returns when the last pass has ended
    /// (its job paused, its state saved). `wake()` starts the next pass at once.
    public func run() {
        while !isStopping {
            let started = Date()
            _ = runPass(nextRun: started.addingTimeInterval(options.interval))
            let wait = options.interval - Date().timeIntervalSince(started)
            let signal = control.withLock { $0.wake }
            if wait > 0, !isStopping { signal.wait(seconds: wait) }
            control.withLock { c in if c.wake.isCancelled { c.wake = CancelSignal() } }
        }
    }

    /// Ends the loop: the running job is paused (its files kept, resumed by the next sync) and no
    /// other starts. Safe from any thread (a signal handler's queue).
    public func stop() {
        let (job, wake) = control.withLock { c -> (Int64?, CancelSignal) in
            c.stopping = true
            return (c.current, c.wake)
        }
        wake.cancel()
        if let job { downloads.pause(jobID: job) }
    }

    /// Starts the next pass now (SIGHUP: sources and settings are read again by every pass).
    public func wake() { control.withLock { $0.wake }.cancel() }

    public var isStopping: Bool { control.withLock { $0.stopping } }

    // MARK: Pass

    /// One pass over every source (see the type's description); returns what it did.
    /// - Parameter nextRun: when the next pass will start (saved for `--status`), nil for `--once`.
    @discardableResult
    public func runPass(nextRun: Date? = nil) -> SyncPassSummary {
        let start = options.now()
        var summary = SyncPassSummary(started: start, ended: start, sources: [])
        let sources: [VideoSource]
        do {
            sources = try chosenSources()
        } catch {
            summary.problems.append(CameraRunner.sentence(error))
            summary.ended = options.now()
            emit(.passFinished(summary))
            return summary
        }
        summary.sources = sources.map(\.name)
        emit(.passStarted(at: start, sources: summary.sources))
        for source in sources {
            if isStopping { summary.interrupted = true; break }
            var record = (try? repository.read { try $0.syncSource(id: source.id) }) ?? SyncSourceRecord(sourceID: source.id)
            record.lastPassStart = options.now()
            record.nextRunAt = nextRun
            do {
                record.lastError = try sync(source, into: &summary)
                if let why = record.lastError { emit(.sourceFailed(source: source.name, why)) }
            } catch {
                let why = CameraRunner.sentence(error)
                record.lastError = why
                summary.problems.append(why)
                logger.info("sync of \(source.name) failed: \(why.en)")
                emit(.sourceFailed(source: source.name, why))
            }
            record.lastPassEnd = options.now()
            try? repository.write { try $0.saveSyncSource(record) }
        }
        if isStopping { summary.interrupted = true }
        if let policy = options.retention, !summary.interrupted {
            let deleted = Retention(repository: repository, policy: policy, now: options.now).run { d in self.emit(.deletion(d)) }
            summary.deletions = deleted.deletions
            summary.problems += deleted.problems
        }
        summary.ended = options.now()
        emit(.passFinished(summary))
        return summary
    }

    /// The names of the sources a pass covers now; throws when none (or an unknown name).
    public func chosenSourceNames() throws -> [String] { try chosenSources().map(\.name) }

    /// Blocks until every event sent so far has been handed to the front.
    public func flushEvents() {
        engineQueue.sync {}
        queue.sync {}
    }

    /// The sources a pass covers.
    func chosenSources() throws -> [VideoSource] {
        let all = try repository.read { try $0.sources() }
        if !options.sources.isEmpty {
            let unknown = options.sources.filter { n in !all.contains { $0.name == n } }
            if !unknown.isEmpty { throw SyncError.unknownSources(unknown) }
            let named = all.filter { options.sources.contains($0.name) && !$0.config.selectedCameras.isEmpty }
            if named.isEmpty { throw SyncError.nothingToSync }
            return named
        }
        let active = all.filter { $0.active && !$0.config.selectedCameras.isEmpty }
        if active.isEmpty { throw SyncError.nothingToSync }
        return active
    }

    /// One source's part of a pass; returns why a job of it failed as a whole (the device could
    /// not be reached for planning…), nil when none did.
    private func sync(_ source: VideoSource, into summary: inout SyncPassSummary) throws -> Localized? {
        var failure: Localized?
        // 1. what an earlier sync left unfinished
        let leftover = try repository.read { try $0.downloadJobs(unfinishedOnly: true) }
            .filter { $0.sourceID == source.id && $0.options["sync"] != nil }
            .sorted { $0.id < $1.id }
        for job in leftover {
            if isStopping { return failure }
            emit(.jobStarted(source: source.name, jobID: job.id, range: job.range, cameras: job.cameras, resumed: true))
            do {
                failure = try run(jobID: job.id, source: source, kind: SyncJobKind(job), into: &summary) ?? failure
            } catch let e as DownloadError {
                // a manual download fetches one of its cameras now: the job waits for a later pass
                guard let camera = Self.busyCamera(e) else { throw e }
                noteProblem(source, camera, SyncError.cameraBusy(camera, e.message).message, into: &summary)
            }
        }
        // 2. known gaps due for another look
        if !isStopping, options.gapRechecks > 0 { try recheckGaps(source, into: &summary) }
        // 3. each camera's window
        let now = options.now()
        let to = now.addingTimeInterval(-options.lag)
        let keys = source.config.selectedCameraRecords.map(\.key)
        let states = try repository.read { try $0.syncCameras(sourceID: source.id) }
        var byStart: [Date: [String]] = [:]
        for key in keys {
            let from = states.first { $0.camera == key }?.checkedUntil ?? now.addingTimeInterval(-options.since)
            guard to.timeIntervalSince(from) >= options.minimumWindow else { continue }
            byStart[from, default: []].append(key)
        }
        for (from, cameras) in byStart.sorted(by: { $0.key < $1.key }) {
            if isStopping { return failure }
            failure = try window(source, range: DateInterval(start: from, end: to), cameras: cameras, kind: .window, into: &summary) ?? failure
        }
        return failure
    }

    /// Makes and runs a sync job over `range` for `cameras`; a camera another job downloads is
    /// left out (and told) until the next pass.
    @discardableResult
    private func window(_ source: VideoSource, range: DateInterval, cameras: [String], kind: SyncJobKind,
                        into summary: inout SyncPassSummary) throws -> Localized? {
        var cameras = cameras
        // a camera another job fetches now (a manual download of any range) waits for the next pass
        for (camera, why) in try camerasBeingFetched(source) where cameras.contains(camera) {
            noteProblem(source, camera, SyncError.cameraBusy(camera, why).message, into: &summary)
            cameras.removeAll { $0 == camera }
        }
        while !cameras.isEmpty {
            let request = DownloadRequest(sourceName: source.name, range: range, cameras: cameras, maxFileSizeMB: options.maxFileSizeMB,
                                          parallel: options.parallel, replaySessions: options.replaySessions)
            let job = try downloads.createJob(request, now: options.now())
            try repository.write { try $0.updateDownloadJobOptions(job.id, ["sync": .string(kind.rawValue)]) }
            do {
                emit(.jobStarted(source: source.name, jobID: job.id, range: range, cameras: cameras, resumed: false))
                return try run(jobID: job.id, source: source, kind: kind, into: &summary)
            } catch let e as DownloadError {
                guard let camera = Self.busyCamera(e), cameras.contains(camera) else { throw e }
                // the engine removed the refused job; the camera waits for the other one
                let why = SyncError.cameraBusy(camera, e.message).message
                noteProblem(source, camera, why, into: &summary)
                cameras.removeAll { $0 == camera }
            }
        }
        return nil
    }

    /// The camera another job holds when the engine refuses a start for that reason.
    static func busyCamera(_ e: DownloadError) -> String? {
        switch e {
        case let .overlapsRunningJob(_, camera, _): return camera
        case let .overlapsStoppedJob(_, camera, _): return camera
        case let .cameraFetchedElsewhere(_, camera, _, _): return camera
        default: return nil
        }
    }

    /// The cameras of this source that a running job of another kind (a manual download, here
    /// or in another process) fetches now, with the engine's sentence; looked at under the
    /// engine's start lock, as the engine looks at overlapping jobs.
    private func camerasBeingFetched(_ source: VideoSource) throws -> [(String, Localized)] {
        let others = try repository.read { try $0.downloadJobs(unfinishedOnly: true) }
            .filter { $0.sourceID == source.id && $0.options["sync"] == nil }
        guard !others.isEmpty else { return [] }
        let starting = try StartLock(databasePath: repository.path)
        defer { withExtendedLifetime(starting) {} }
        var out: [(String, Localized)] = []
        for job in others.sorted(by: { $0.id < $1.id }) where JobLock.isHeld(databasePath: repository.path, jobID: job.id) {
            let open = try repository.read { try $0.downloadCameras(jobID: job.id) }.filter { $0.state != .done && $0.state != .cancelled }
            for c in open where !out.contains(where: { $0.0 == c.camera }) {
                let e = DownloadError.cameraFetchedElsewhere(job.id, camera: c.camera, pid: JobLock.holder(databasePath: repository.path, jobID: job.id),
                                                            bySync: false)
                out.append((c.camera, e.message))
            }
        }
        return out
    }

    private func noteProblem(_ source: VideoSource, _ camera: String, _ why: Localized, into summary: inout SyncPassSummary) {
        summary.problems.append(why)
        try? repository.write { w in
            var r = try w.read.syncCamera(sourceID: source.id, camera: camera) ?? SyncCameraRecord(sourceID: source.id, camera: camera)
            r.lastError = why
            r.lastPassAt = options.now()
            try w.saveSyncCamera(r)
        }
        emit(.cameraProblem(source: source.name, camera: camera, why))
    }

    /// Starts a job in the engine and waits for its end, then records what it brought. Returns why
    /// the job failed as a whole (nil when it did not).
    private func run(jobID: Int64, source: VideoSource, kind: SyncJobKind, into summary: inout SyncPassSummary) throws -> Localized? {
        let waiter = Waiter()
        waits.withLock { $0[jobID] = waiter }
        defer { waits.withLock { $0[jobID] = nil } }
        control.withLock { $0.current = jobID }
        defer { control.withLock { $0.current = nil } }
        if isStopping { return nil }
        try downloads.start(jobID: jobID, parallel: options.parallel)
        waiter.done.wait()
        // the run's lock is given back and the engine has counted it as stopped
        downloads.waitUntilIdle()
        summary.jobs.append(jobID)
        guard let result = waiter.summary.withLock({ $0 }) else { return nil }
        summary.files += result.files
        summary.bytes += result.bytes
        summary.mediaSeconds += result.mediaSeconds
        var final = result.state
        if !final.isFinal && !isStopping {
            // failed, or paused by itself (disk full, folder gone): finished here so the next
            // window is not refused by it; its files stay, the camera carries on from them
            if (try? downloads.cancelStopped(jobID: jobID)) != nil { final = .cancelled }
        }
        try absorb(jobID: jobID, source: source, kind: kind, final: final.isFinal)
        // a job that failed before any camera ran (planning: the device is unreachable) fails its source
        if result.state == .failed, let why = result.reason, !result.cameras.contains(where: { $0.reason != nil }) {
            summary.problems.append(why)
            return why
        }
        for c in result.cameras where c.state != .done {
            if let r = c.reason, c.state != .cancelled || !isStopping {
                summary.problems.append(r)
                emit(.cameraProblem(source: source.name, camera: c.camera, r))
            }
        }
        return nil
    }

    // MARK: Bookkeeping

    /// Moves each camera's marks after a job: the high-water mark to its last saved file, and —
    /// once the job is over (done or cancelled) — `checked_until` to the end of the last footage
    /// the device had (done) or to the high-water mark (not done), with the window's holes before
    /// that point recorded as known gaps.
    func absorb(jobID: Int64, source: VideoSource, kind: SyncJobKind, final: Bool) throws {
        let now = options.now()
        let delay = options.gapRecheckDelay ?? options.interval
        try repository.write { w in
            guard let job = try w.read.downloadJob(id: jobID) else { return }
            let files = try w.read.downloadFiles(jobID: jobID).filter { $0.state == .done }
            for c in try w.read.downloadCameras(jobID: jobID) {
                var r = try w.read.syncCamera(sourceID: source.id, camera: c.camera) ?? SyncCameraRecord(sourceID: source.id, camera: c.camera)
                let lastEnd = files.filter { $0.camera == c.camera }.compactMap(\.end).max()
                if let e = lastEnd { r.highWater = max(r.highWater ?? e, e) }
                r.lastJobID = jobID
                r.lastPassAt = now
                r.lastError = c.state == .done ? nil : (c.reason ?? job.reason ?? r.lastError)
                if final {
                    let covered = IntervalSet.clamp(c.covered ?? [], to: job.range).sorted { $0.start < $1.start }
                    let reached: Date? = c.state == .done ? covered.last?.end : lastEnd
                    if let reached, kind == .window {
                        if r.checkedUntil.map({ reached > $0 }) ?? true { r.checkedUntil = reached }
                        let known = try w.read.syncGaps(sourceID: source.id, camera: c.camera)
                        for gap in Self.holes(in: DateInterval(start: job.range.start, end: max(job.range.start, reached)), covered: covered)
                        where gap.duration >= options.minimumGap
                            && !known.contains(where: { $0.range.intersects(gap) && $0.range.intersection(with: gap)?.duration ?? 0 > 0 }) {
                            try w.addSyncGap(sourceID: source.id, camera: c.camera, range: gap, nextCheckAt: options.gapRechecks > 0 ? now.addingTimeInterval(delay) : nil)
                        }
                    }
                }
                try w.saveSyncCamera(r)
            }
        }
    }

    /// The parts of `range` that `covered` (sorted) leaves out.
    static func holes(in range: DateInterval, covered: [DateInterval]) -> [DateInterval] {
        var out: [DateInterval] = []
        var cursor = range.start
        for c in covered {
            if c.start > cursor { out.append(DateInterval(start: cursor, end: min(c.start, range.end))) }
            cursor = max(cursor, c.end)
            if cursor >= range.end { break }
        }
        if cursor < range.end { out.append(DateInterval(start: cursor, end: range.end)) }
        return out.filter { $0.duration > 0 }
    }

    // MARK: Known gaps

    /// Searches the device again over the gaps that are due; footage found in one is fetched by a
    /// job of its own, and what is left of the gap stays known (one check more).
    private func recheckGaps(_ source: VideoSource, into summary: inout SyncPassSummary) throws {
        let now = options.now()
        let delay = options.gapRecheckDelay ?? options.interval
        let due = try repository.read { try $0.syncGaps(sourceID: source.id) }.filter { g in g.nextCheckAt.map { $0 <= now } ?? false }
        let keys = Set(source.config.selectedCameraRecords.map(\.key))
        let mine = due.filter { keys.contains($0.camera) }
        guard !mine.isEmpty else { return }
        let records = Dictionary(zip(CameraKeys.keys(for: source.config.detectedCameras), source.config.detectedCameras), uniquingKeysWith: { a, _ in a })
        let password: String? = source.config.username.isEmpty ? nil : try repository.password(for: source)
        let access = try accessFactory(source, password)
        let cameras = Set(mine.map(\.camera)).sorted().compactMap { k in records[k].map { DownloadCamera(key: k, camera: $0) } }
        guard let lo = mine.map(\.range.start).min(), let hi = mine.map(\.range.end).max() else { return }
        let plans = try access.plan(cameras, in: DateInterval(start: lo, end: hi))
        for gap in mine {
            let covered = plans.first { $0.camera == gap.camera }?.covered ?? []
            let found = IntervalSet.clamp(covered, to: gap.range).filter { $0.duration >= options.minimumGap }.sorted { $0.start < $1.start }
            let checks = gap.checks + 1
            let next: Date? = checks >= options.gapRechecks ? nil : now.addingTimeInterval(delay * pow(2, Double(checks)))
            if found.isEmpty {
                try repository.write { try $0.updateSyncGap(gap.id, checks: checks, nextCheckAt: next) }
                continue
            }
            try repository.write { w in
                try w.removeSyncGap(gap.id)
                for rest in Self.holes(in: gap.range, covered: found) where rest.duration >= options.minimumGap {
                    try w.addSyncGap(sourceID: source.id, camera: gap.camera, range: rest, checks: checks, nextCheckAt: next)
                }
            }
            emit(.gapFilled(source: source.name, camera: gap.camera, found: found))
            guard let first = found.first, let last = found.last else { continue }
            if isStopping { return }
            if let why = try window(source, range: DateInterval(start: first.start, end: last.end), cameras: [gap.camera], kind: .gap,
                                    into: &summary) {
                throw PlainError(why)
            }
        }
    }
}

/// Why a sync job was made (stored as `options.sync` of its `download_job` row).
enum SyncJobKind: String, Sendable {
    /// A camera's window from where it was left up to now − lag.
    case window
    /// Footage found later in a known gap.
    case gap

    init(_ job: DownloadJobRecord) {
        if case .string(let s)? = job.options["sync"], let k = SyncJobKind(rawValue: s) { self = k } else { self = .window }
    }
}
