import Common
import Foundation
import Logging
import ONVIF
import Store
import Synchronization

/// Runs one job: plans the cameras that have no plan yet (Profile G search, through
/// `RecordingAccess`), then runs up to `parallel` cameras at once on background threads, and
/// reports coalesced progress on the front's queue until every camera is done, failed, paused or
/// cancelled. Cameras in `held` are left as they were stored (not planned, not run) until
/// resumed: resuming one camera of a stopped job touches no other.
final class JobRunner: Sendable {
    let jobID: Int64
    private let sourceName: String
    private let range: DateInterval
    private let held: Set<String>
    private let repository: Repository
    private let options: DownloadOptions
    private let access: any RecordingAccess
    private let slots: ReplaySessionSlots
    private let logger: Logger
    private let deliver: @Sendable (DownloadEvent) -> Void
    private let onStopped: @Sendable (JobRunner) -> Void
    private let lock: JobLock
    private let summaryBuilder: DownloadSummaryBuilder.Build
    private let events = DispatchQueue(label: "vtrack.download.events")
    /// Left once the run is over: `.stopped` handed on and the job's lock given back.
    private let ended = DispatchGroup()

    private struct State {
        var runners: [CameraRunner] = []
        /// The cameras as stored, shown while the job is being planned (no runner yet).
        var preview: [CameraProgress] = []
        var running: Set<String> = []
        var parallel: Int
        var planned = false
        /// Pause/cancel asked before the cameras exist (while planning): camera key, or "" for all.
        var early: [String: CameraControl.Request] = [:]
        /// Cameras that have no plan (gone from the source, or held before they were planned): a
        /// resume cannot run them in this run; the next start plans them.
        var unplanned: Set<String> = []
        /// Fired by a pause or cancel of the whole job while planning: the planning back-off ends at once.
        var planningStop = CancelSignal()
        /// Cameras resumed while their run was still stopping (a pause asked, or paused but not yet
        /// off the `running` list): queued again as soon as that run ends.
        var resumeAsked: Set<String> = []
        var finished = false
        var jobState: DownloadState = .queued
        var jobReason: Localized?
        var coveredByCamera: [String: Double] = [:]
        var meters: [String: ProgressMeter] = [:]
        var lastSent: JobProgress?
        var started = ProcessInfo.processInfo.systemUptime
    }

    private let state: Mutex<State>

    init(job: DownloadJobRecord, held: Set<String> = [], parallel: Int, repository: Repository, options: DownloadOptions, access: any RecordingAccess,
         slots: ReplaySessionSlots, lock: JobLock, logger: Logger,
         summary: @escaping DownloadSummaryBuilder.Build = DownloadSummaryBuilder.build,
         deliver: @escaping @Sendable (DownloadEvent) -> Void, onStopped: @escaping @Sendable (JobRunner) -> Void) {
        summaryBuilder = summary
        ended.enter()
        self.jobID = job.id
        sourceName = job.sourceName
        range = job.range
        self.held = held
        self.repository = repository
        self.options = options
        self.access = access
        self.slots = slots
        self.lock = lock
        self.logger = logger
        self.deliver = deliver
        self.onStopped = onStopped
        state = Mutex(State(parallel: max(1, parallel)))
    }

    // MARK: Start

    /// Plans and starts the cameras, on a background thread.
    func start() {
        scheduleTick()
        DispatchQueue(label: "vtrack.download.job\(jobID)", qos: .utility).async { self.prepare() }
    }

    /// Progress every `progressInterval` while the job runs.
    private func scheduleTick() {
        events.asyncAfter(deadline: .now() + options.progressInterval) { [weak self] in
            guard let self, !self.state.withLock({ $0.finished }) else { return }
            self.tick(force: false)
            self.scheduleTick()
        }
    }

    private func prepare() {
        do {
            try repository.write { try $0.setDownloadJobState(jobID, .running) }
            state.withLock { $0.jobState = .running }
            let (job, cameras, source) = try repository.read { r -> (DownloadJobRecord, [DownloadCameraRecord], VideoSource?) in
                guard let job = try r.downloadJob(id: jobID) else { throw DownloadError.jobNotFound(jobID) }
                return (job, try r.downloadCameras(jobID: jobID), try r.source(id: job.sourceID))
            }
            state.withLock { s in
                s.preview = cameras.map { c in
                    let waits = c.state.isFinal || held.contains(c.camera)
                    var p = CameraProgress(camera: c.camera, state: waits ? c.state : .queued)
                    p.reason = waits ? c.reason : nil
                    p.coveredSeconds = c.covered.map(IntervalSet.measure)
                    p.mediaSeconds = c.mediaSeconds
                    p.bytes = c.bytes
                    return p
                }
            }
            changed()
            let records = source.map { s in Dictionary(zip(CameraKeys.keys(for: s.config.detectedCameras), s.config.detectedCameras),
                                                       uniquingKeysWith: { a, _ in a }) } ?? [:]
            // placeholders while planning, so the front sees every camera at once
            var plans: [String: (covered: [DateInterval], replay: ReplaySource)] = [:]
            for c in cameras {
                if let cov = c.covered, let r = c.replay.flatMap(ReplaySource.init(stored:)) { plans[c.camera] = (cov, r) }
            }
            let toPlan = cameras.filter { plans[$0.camera] == nil && $0.state != .cancelled && !held.contains($0.camera) }
            var planningStopped = false
            if !toPlan.isEmpty {
                let wanted = toPlan.compactMap { c in records[c.camera].map { DownloadCamera(key: c.camera, camera: $0) } }
                if !wanted.isEmpty {
                    let planned = try planWithRetries(wanted, range: job.range)
                    planningStopped = planned == nil
                    let found = planned ?? []
                    try repository.write { w in
                        for p in found {
                            try w.setDownloadCameraPlan(job: jobID, camera: p.camera, covered: p.covered, replay: p.replay.stored)
                        }
                    }
                    for p in found { plans[p.camera] = (p.covered, p.replay) }
                }
            }
            var runners: [CameraRunner] = []
            var unplanned: Set<String> = []
            for c in cameras {
                let onChange: @Sendable () -> Void = { [weak self] in self?.changed() }
                let keep = held.contains(c.camera)
                guard let record = records[c.camera], let plan = plans[c.camera] else {
                    unplanned.insert(c.camera)
                    if keep, let record = records[c.camera] {
                        // held and never planned: shown as stored, planned when it is resumed
                        let placeholder = CameraRunner(setup: .init(jobID: jobID, camera: DownloadCamera(key: c.camera, camera: record),
                                                                    folder: c.folder, maxFileBytes: 0, covered: [], replay: .fallback(name: "")),
                                                       repository: repository, access: access, slots: slots, options: options, logger: logger,
                                                       onChange: onChange)
                        placeholder.live.withLock { l in
                            l.state = c.state; l.reason = c.reason; l.bytes = c.bytes; l.mediaSeconds = c.mediaSeconds
                        }
                        runners.append(placeholder)
                        continue
                    }
                    // planning stopped by a pause or cancel of the whole job: the camera waits, unplanned, in that state
                    let asked = planningStopped && records[c.camera] != nil ? heldState(c.camera) : nil
                    let gone = asked == nil ? DownloadError.cameraGone(c.camera).message : nil
                    if c.state != .cancelled && c.state != .done {
                        try repository.write { try $0.setDownloadCameraState(job: jobID, camera: c.camera, asked ?? .failed, reason: gone) }
                    }
                    // a camera that cannot run is shown with its stored state
                    let placeholder = CameraRunner(setup: .init(jobID: jobID, camera: DownloadCamera(key: c.camera, camera: Camera(id: "", name: c.camera)),
                                                                folder: c.folder, maxFileBytes: 0, covered: c.covered ?? [], replay: .fallback(name: "")),
                                                   repository: repository, access: access, slots: slots, options: options, logger: logger,
                                                   onChange: onChange)
                    placeholder.live.withLock { l in
                        l.state = c.state == .done || c.state == .cancelled ? c.state : asked ?? .failed
                        l.reason = c.state == .done || c.state == .cancelled ? c.reason : gone
                        l.bytes = c.bytes
                        l.mediaSeconds = c.mediaSeconds
                    }
                    runners.append(placeholder)
                    continue
                }
                let setup = CameraRunner.Setup(jobID: jobID, camera: DownloadCamera(key: c.camera, camera: record), folder: c.folder,
                                               maxFileBytes: Int64(max(1, job.maxFileSizeMB)) * 1_000_000, covered: plan.covered,
                                               replay: plan.replay)
                let r = CameraRunner(setup: setup, repository: repository, access: access, slots: slots, options: options,
                                     logger: logger, onChange: onChange)
                let early = state.withLock { $0.early[c.camera] ?? $0.early[""] }
                if c.state == .cancelled {
                    r.live.withLock { $0.state = .cancelled; $0.bytes = c.bytes; $0.mediaSeconds = c.mediaSeconds }
                } else if keep {
                    r.live.withLock { $0.state = c.state; $0.reason = c.reason; $0.bytes = c.bytes; $0.mediaSeconds = c.mediaSeconds }
                } else {
                    r.live.withLock { $0.bytes = c.bytes; $0.mediaSeconds = c.mediaSeconds }
                    switch early {
                    case .pause?: r.set(.paused)
                    case .cancel?: r.set(.cancelled)
                    case nil: r.set(.queued)
                    }
                }
                runners.append(r)
            }
            state.withLock { s in
                s.runners = runners
                s.unplanned = unplanned
                s.planned = true
                for r in runners { s.coveredByCamera[r.key] = IntervalSet.measure(r.setup.covered) }
            }
            changed()
            schedule()
        } catch {
            let why = CameraRunner.sentence(error)
            logger.info("job \(jobID) could not start: \(why.en)")
            try? repository.write { w in
                try w.setDownloadJobState(jobID, .failed, reason: why)
            }
            state.withLock { s in
                s.jobState = .failed
                s.jobReason = why
                s.planned = true
                // the cameras shown while planning were waiting to run: they never will in this run
                s.preview = s.preview.map { p in
                    guard p.state == .queued else { return p }
                    var failed = p
                    failed.state = .failed
                    failed.reason = why
                    return failed
                }
            }
            finish()
        }
    }

    /// The plans; nil when the whole job was paused or cancelled while planning (the back-off
    /// between tries then ends at once, and no further try is made).
    private func planWithRetries(_ cameras: [DownloadCamera], range: DateInterval) throws -> [PlannedCamera]? {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try access.plan(cameras, in: range)
            } catch {
                guard Self.isTransient(error), attempt < options.planAttempts else { throw error }
                logger.info("job \(jobID): planning failed (\(CameraRunner.sentence(error).en)) — retry \(attempt) in \(options.backoff.delay(attempt)) s")
                let stop = state.withLock { $0.planningStop }
                // (interrupted by a request that a resume has taken back since: simply try again)
                if !options.backoff.wait(before: attempt, cancel: stop), state.withLock({ $0.early[""] != nil }) {
                    logger.info("job \(jobID): planning stopped by a pause or cancel")
                    return nil
                }
            }
        }
    }

    /// What a camera left unplanned by a stopped planning becomes: what was asked for it.
    private func heldState(_ camera: String) -> DownloadState {
        state.withLock { $0.early[camera] ?? $0.early[""] } == .cancel ? .cancelled : .paused
    }

    /// A device that did not answer (worth another try), as opposed to one that answered no.
    static func isTransient(_ error: Error) -> Bool {
        (error as? ONVIFError)?.isTransientConnectionFailure ?? false
    }

    // MARK: Scheduling

    private func schedule() {
        let starting: [CameraRunner] = state.withLock { s in
            guard s.planned, !s.finished else { return [] }
            var out: [CameraRunner] = []
            for r in s.runners where s.running.count < s.parallel && !s.running.contains(r.key) && r.state == .queued {
                s.running.insert(r.key)
                // cleared here, under the lock `control` decides with: a pause or cancel from now
                // on is seen by the run
                r.control.reset()
                out.append(r)
            }
            return out
        }
        for r in starting {
            // its own serial queue: a thread of its own even when the CPUs are busy (the work
            // blocks on the network and the disk; the global queue would make cameras wait)
            DispatchQueue(label: "vtrack.download.job\(jobID).\(r.key)", qos: .utility).async {
                r.run()
                // A resume that came while this run was stopping is applied now, in the same step
                // that takes the camera off the list (so no other camera's end sees it idle).
                // A cancel that came as the run was ending (it stopped for another reason) still holds.
                let changed = self.state.withLock { s -> Bool in
                    s.running.remove(r.key)
                    if r.control.request == .cancel {
                        s.resumeAsked.remove(r.key)
                        return r.stopIfNotFinal(.cancel)
                    }
                    return s.resumeAsked.remove(r.key) != nil && r.queueAgainIfStopped()
                }
                if changed { r.saveState() }
                self.schedule()
                self.finishIfIdle()
            }
        }
        if starting.isEmpty { finishIfIdle() }
    }

    private func finishIfIdle() {
        let idle = state.withLock { s -> Bool in
            s.planned && !s.finished && s.running.isEmpty && !s.runners.contains { $0.state == .queued }
        }
        if idle { finish() }
    }

    // MARK: Control

    /// True once the run is over (its summary sent and its lock given back): a control that
    /// comes now is for a stopped job.
    var hasEnded: Bool { ended.wait(timeout: .now()) == .success }

    /// Blocks until the run is over; never call it on this runner's own event queue.
    func waitUntilEnded() { ended.wait() }

    /// Controls return false when the run has already finished (its state is being settled):
    /// the caller then treats the job as stopped, once `waitUntilEnded()` returns.
    @discardableResult
    func pause(camera: String?) -> Bool {
        if remember(.pause, camera) { return true }
        forgetResume(camera)
        return control(camera, .pause)
    }

    @discardableResult
    func cancel(camera: String?) -> Bool {
        if remember(.cancel, camera) { return true }
        forgetResume(camera)
        return control(camera, .cancel)
    }

    /// Before the cameras exist (planning), a request is kept and applied when they do. True
    /// when kept.
    private func remember(_ r: CameraControl.Request?, _ camera: String?) -> Bool {
        state.withLock { s in
            guard !s.planned, !s.finished else { return false }
            if let r { s.early[camera ?? ""] = r } else if let camera { s.early[camera] = nil } else { s.early = [:] }
            // the whole job paused or cancelled ends the planning back-off; resumed, it re-arms
            if camera == nil, r != nil { s.planningStop.cancel() }
            if camera == nil, r == nil, s.planningStop.isCancelled { s.planningStop = CancelSignal() }
            return true
        }
    }

    /// Queues paused or failed cameras again. A camera still on its way to stopping (its pause
    /// asked but not yet seen, or paused but its run not yet ended) is queued when that run ends;
    /// deciding under the lock that guards `running` means a resume is never lost in between.
    @discardableResult
    func resume(camera: String?) -> Bool {
        if remember(nil, camera) { return true }
        let resumed = state.withLock { s -> [CameraRunner]? in
            guard !s.finished else { return nil }
            var now: [CameraRunner] = []
            for r in s.runners where (camera == nil || r.key == camera) && !s.unplanned.contains(r.key) {
                if s.running.contains(r.key) {
                    if r.control.request == .pause || r.state == .paused || r.state == .failed { s.resumeAsked.insert(r.key) }
                } else if r.queueAgainIfStopped() {
                    now.append(r)
                }
            }
            return now
        }
        guard let resumed else { return false }
        for r in resumed { r.saveState() }
        schedule()
        return true
    }

    private func forgetResume(_ camera: String?) {
        state.withLock { s in
            if let camera { s.resumeAsked.remove(camera) } else { s.resumeAsked = [] }
        }
    }

    func setParallel(_ n: Int) {
        state.withLock { $0.parallel = max(1, n) }
        schedule()
    }

    /// Pauses or cancels cameras: the running ones are asked to stop; the others are stopped at
    /// once. Decided under the lock `schedule()` starts cameras with, so a camera cannot start
    /// between the look and the stop (and miss it).
    private func control(_ camera: String?, _ request: CameraControl.Request) -> Bool {
        let decided = state.withLock { s -> ([CameraRunner], [CameraRunner])? in
            guard !s.finished else { return nil }
            var ask: [CameraRunner] = [], stopped: [CameraRunner] = []
            for r in s.runners where camera == nil || r.key == camera {
                if s.running.contains(r.key) { ask.append(r) } else if r.stopIfNotFinal(request) { stopped.append(r) }
            }
            return (ask, stopped)
        }
        guard let (ask, stopped) = decided else { return false }
        for r in ask { r.control.ask(request) }
        for r in stopped { r.saveState() }
        finishIfIdle()
        return true
    }

    /// The progress now.
    var progress: JobProgress { snapshot(updateMeters: false) }

    // MARK: Events

    private func changed() {
        events.async { [weak self] in self?.tick(force: true) }
    }

    /// On `events`: sends the progress when it changed.
    private func tick(force: Bool) {
        let p = snapshot(updateMeters: !force)
        let send = state.withLock { s -> Bool in
            guard !s.finished, s.lastSent != p else { return false }
            s.lastSent = p
            return true
        }
        if send { deliver(.progress(p)) }
    }

    private func snapshot(updateMeters: Bool) -> JobProgress {
        let now = ProcessInfo.processInfo.systemUptime
        return state.withLock { s in
            var cams: [CameraProgress] = s.runners.isEmpty ? s.preview : []
            for r in s.runners {
                let l = r.live.withLock { $0 }
                var c = CameraProgress(camera: r.key, state: l.state)
                c.reason = l.reason
                c.coveredSeconds = s.planned ? s.coveredByCamera[r.key] : nil
                c.mediaSeconds = l.mediaSeconds
                c.bytes = l.bytes
                c.files = l.files
                c.position = l.position
                var meter = s.meters[r.key] ?? ProgressMeter()
                if updateMeters {
                    if l.state == .running { meter.add(time: now, bytes: l.bytes, media: l.mediaSeconds) } else { meter.reset() }
                    s.meters[r.key] = meter
                }
                if l.state == .running {
                    let rates = meter.rates
                    c.bytesPerSecond = rates.bytes
                    c.realTimeFactor = rates.media
                    if let cov = c.coveredSeconds, rates.media > 0 { c.eta = max(0, cov - l.mediaSeconds) / rates.media }
                }
                cams.append(c)
            }
            return JobProgress(jobID: jobID, sourceName: sourceName, range: range, state: s.jobState, reason: s.jobReason, cameras: cams)
        }
    }

    // MARK: Finish

    private func finish() {
        let proceed = state.withLock { s -> Bool in
            if s.finished { return false }
            s.finished = true
            return true
        }
        guard proceed else { return }
        let (runners, failedState, failedReason) = state.withLock { ($0.runners, $0.jobState, $0.jobReason) }
        let states = runners.map { ($0.state, $0.live.withLock { $0.reason }) }
        var jobState: DownloadState
        var reason: Localized?
        if runners.isEmpty {
            jobState = failedState == .failed ? .failed : .done
            reason = failedReason
        } else if let f = states.first(where: { $0.0 == .failed }) {
            jobState = .failed; reason = f.1
        } else if let p = states.first(where: { $0.0 == .paused }) {
            jobState = .paused; reason = p.1
        } else if states.contains(where: { $0.0 == .cancelled }) {
            jobState = .cancelled
        } else {
            jobState = .done
        }
        if failedState == .failed && runners.isEmpty { jobState = .failed }
        try? repository.write { try $0.setDownloadJobState(jobID, jobState, reason: reason) }
        state.withLock { s in
            s.jobState = jobState
            s.jobReason = reason
        }
        let elapsed = ProcessInfo.processInfo.systemUptime - state.withLock { $0.started }
        let final = snapshot(updateMeters: false)
        let summary: DownloadSummary
        do {
            summary = try summaryBuilder(repository, jobID, options, elapsed)
        } catch {
            // the run still ends with its summary: the totals it saw, and why the rest is missing
            let why = DownloadError.summaryUnavailable(jobID, CameraRunner.sentence(error)).message
            logger.warning("job \(jobID): \(why.en)")
            summary = DownloadSummary(progress: final, reason: why, elapsed: elapsed)
        }
        let over = jobState == .done || jobState == .cancelled
        events.async {
            self.deliver(.progress(final))
            self.deliver(.stopped(summary))
            // before the engine counts the job as stopped: a resume right after must get the lock
            // a job that will never run again leaves no lock file behind (removed while held)
            self.lock.release(removingFile: over)
            self.ended.leave()
            self.onStopped(self)
        }
    }
}
