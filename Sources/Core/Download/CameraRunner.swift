import Common
import Foundation
import Logging
import ONVIF
import Store
import Streaming
import Synchronization

/// Downloads one camera of a job, on the calling (background) thread, from what the database
/// says is still missing: it finishes `.part` files left by a crash, subtracts the finished files
/// from the covered intervals, and replays each remaining piece (GetReplayUri, RTSP replay with
/// `Range: clock=…`, `Rate-Control: no`, `Require: onvif-replay`) into a `CameraSink`.
///
/// Faults: a dropped link or a stalled stream reconnects with back-off and continues from the last
/// picture written; 453 lowers the device's session limit and waits; 551 switches to the vendor
/// fallback; a write error (disk full, folder gone or read-only) pauses the camera with a sentence,
/// keeping every complete fragment.
final class CameraRunner: Sendable {
    struct Setup: Sendable {
        var jobID: Int64
        var camera: DownloadCamera
        var folder: String
        var maxFileBytes: Int64
        var covered: [DateInterval]
        var replay: ReplaySource
    }

    /// What the job reads for progress events.
    struct Live: Sendable {
        var state: DownloadState = .queued
        var reason: Localized?
        var mediaSeconds: Double = 0
        var bytes: Int64 = 0
        var files = 0
        var position: Date?
    }

    let setup: Setup
    let control = CameraControl()
    let live: Mutex<Live>
    private let repository: Repository
    private let access: any RecordingAccess
    private let slots: ReplaySessionSlots
    private let options: DownloadOptions
    private let logger: Logger
    private let onChange: @Sendable () -> Void

    /// What one `run()` changes as it goes (only its thread touches it).
    private final class Work {
        var replay: ReplaySource
        var pieces: [DateInterval] = []
        var pieceIndex = 0
        var baseBytes: Int64 = 0
        var runBytes: Int64 = 0
        var lastDatabaseWrite = 0.0
        /// The device answered a PLAY with 457 (no footage where asked).
        var toldNoFootage = false
        init(replay: ReplaySource) { self.replay = replay }
    }

    /// The replay source in use (it changes to the vendor fallback after a 551).
    private let currentReplay: Mutex<ReplaySource>

    init(setup: Setup, repository: Repository, access: any RecordingAccess, slots: ReplaySessionSlots, options: DownloadOptions,
         logger: Logger, onChange: @escaping @Sendable () -> Void) {
        self.setup = setup
        self.repository = repository
        self.access = access
        self.slots = slots
        self.options = options
        self.logger = logger
        self.onChange = onChange
        currentReplay = Mutex(setup.replay)
        live = Mutex(Live())
    }

    var cameraFolder: String { (setup.folder as NSString).lastPathComponent }
    var key: String { setup.camera.key }

    // MARK: State

    func set(_ state: DownloadState, _ reason: Localized? = nil) {
        let changed = live.withLock { l -> Bool in
            defer { l.state = state; l.reason = reason }
            return l.state != state || l.reason != reason
        }
        guard changed else { return }
        try? repository.write { try $0.setDownloadCameraState(job: setup.jobID, camera: key, state, reason: reason) }
        onChange()
    }

    var state: DownloadState { live.withLock { $0.state } }

    /// A paused or failed camera becomes queued, in memory only (callable under the job's lock);
    /// true when it did. `saveState()` then records it.
    func queueAgainIfStopped() -> Bool {
        live.withLock { l in
            guard l.state == .paused || l.state == .failed else { return false }
            l.state = .queued
            l.reason = nil
            return true
        }
    }

    /// A camera that is not running is paused (when queued or retrying) or cancelled (unless
    /// done or failed), in memory only (callable under the job's lock); true when it changed.
    /// `saveState()` then records it.
    func stopIfNotFinal(_ request: CameraControl.Request) -> Bool {
        live.withLock { l in
            switch request {
            case .pause:
                guard l.state == .queued || l.state == .retrying else { return false }
                l.state = .paused
            case .cancel:
                guard !l.state.isFinal else { return false }
                l.state = .cancelled
            }
            l.reason = nil
            return true
        }
    }

    /// Records the current state in the database and tells the job.
    func saveState() {
        let (state, reason) = live.withLock { ($0.state, $0.reason) }
        try? repository.write { try $0.setDownloadCameraState(job: setup.jobID, camera: key, state, reason: reason) }
        onChange()
    }

    // MARK: Run

    /// Runs until the camera is done, failed, paused or cancelled; returns that state.
    @discardableResult
    func run() -> DownloadState {
        // (the job clears `control` when it picks the camera, so a stop asked since then holds)
        let w = Work(replay: currentReplay.withLock { $0 })
        let result = runPieces(w)
        let final: (DownloadState, Localized?)
        switch result {
        case .success:
            final = (.done, shortfallWarning())
        case .failure(let stop):
            switch stop {
            case .requested(.pause): final = (.paused, nil)
            case .requested(.cancel): final = (.cancelled, nil)
            case .paused(let why): final = (.paused, why)
            case .failed(let why): final = (.failed, why)
            }
        }
        writeProgress(w, force: true)
        set(final.0, final.1)
        return final.0
    }

    enum Stop: Error {
        case requested(CameraControl.Request)
        case paused(Localized)
        case failed(Localized)
    }

    private func runPieces(_ w: Work) -> Result<Void, Stop> {
        // the folder is checked again at every start (it may have become a link out of the video
        // root since the job was made): nothing is written, recovered or forgotten through it
        if let problem = Self.folderProblem(setup.folder, camera: key, repository: repository) {
            logger.info("camera \(key): \(problem.message.en)")
            return .failure(.paused(problem.message))
        }
        let files: [DownloadFileRecord]
        do {
            files = try recoverParts()
        } catch let stop as Stop {
            return .failure(stop)
        } catch {
            return .failure(.failed(Self.sentence(error)))
        }
        // What is still missing: the covered intervals minus the finished files.
        let done = files.compactMap { f -> DateInterval? in
            guard let s = f.start, let e = f.end, s < e else { return nil }
            return DateInterval(start: s, end: e)
        }
        w.pieces = IntervalSet.subtract(setup.covered, done, minimum: 0.5)
        w.pieceIndex = 0
        w.baseBytes = files.reduce(0) { $0 + $1.bytes }
        w.runBytes = 0
        live.withLock { l in
            l.files = files.count
            l.bytes = w.baseBytes
            l.mediaSeconds = mediaDone(w, position: nil)
        }
        onChange()
        if w.pieces.isEmpty { return .success(()) }

        let sink = CameraSink(settings: CameraSink.Settings(folder: setup.folder, cameraFolder: cameraFolder,
                                                            maxFileBytes: setup.maxFileBytes, gapThreshold: options.gapThreshold),
                              ledger: Ledger(runner: self))
        sink.onWrite = { [unowned self] position, delta in self.wrote(w, position: position, bytes: delta) }
        for (i, piece) in w.pieces.enumerated() {
            w.pieceIndex = i
            // A piece that starts where a finished file ends continues it: nothing before that.
            let follows = done.contains { abs($0.end.timeIntervalSince(piece.start)) < 0.01 }
            // (10 ms of slack for clocks that jitter; the picture before is never a keyframe, so
            // a new file cannot start on it)
            sink.beginPiece(piece, mode: follows ? .after(piece.start.addingTimeInterval(-0.01)) : .fresh(piece.start))
            do {
                try download(piece, sink: sink, w)
                try sink.finishFile()
                wroteFiles(sink)
            } catch let stop as Stop {
                // a pause ends the file at its last complete GOP, where the resume continues
                if case .requested(.pause) = stop { finishAfterStop(sink, dropIncompleteGOP: true) } else { finishAfterStop(sink) }
                return .failure(stop)
            } catch {
                finishAfterStop(sink)
                return .failure(stopFor(error))
            }
        }
        // 457 and not one picture of this camera, in this run or before: the device has nothing
        // there after all, which is a failure with its own sentence, not a done camera
        if w.toldNoFootage && w.baseBytes == 0 && w.runBytes == 0 { return .failure(.failed(DownloadError.noFootage.message)) }
        return .success(())
    }

    /// Closes the open file after a stop: kept whole when possible, else salvaged.
    private func finishAfterStop(_ sink: CameraSink, dropIncompleteGOP: Bool = false) {
        do {
            try sink.finishFile(dropIncompleteGOP: dropIncompleteGOP)
        } catch {
            sink.abandonAfterError()
        }
        wroteFiles(sink)
    }

    private func wroteFiles(_ sink: CameraSink) {
        let n = (try? repository.read { try $0.downloadFiles(jobID: setup.jobID, camera: key) })?.filter { $0.state == .done }.count
        if let n { live.withLock { $0.files = n } }
    }

    /// Replays one piece until its end, reconnecting as needed. Throws `Stop` or a storage error.
    private func download(_ piece: DateInterval, sink: CameraSink, _ w: Work) throws {
        var failures = 0
        var busy = 0
        var lastError: Localized?
        while true {
            if let r = control.request { throw Stop.requested(r) }
            if slots.active >= slots.limit { set(.queued, lastError) }
            guard slots.acquire(shouldStop: { control.stopRequested }) else { throw Stop.requested(control.request ?? .pause) }
            let before = sink.position
            let outcome: Result<StreamSummary, Error>
            let from = sink.beginSession()
            do {
                let address = try access.replayAddress(w.replay, camera: setup.camera, piece: DateInterval(start: min(from, piece.end), end: piece.end))
                let creds = access.rtspCredentials
                let session = try RTSPSession(url: address.url, user: creds?.user, password: creds?.password, options: options.rtsp, logger: logger)
                // the device's clock stamps its recordings: ask in its time, convert the pictures' times back
                let offset = try access.deviceClockOffset()
                control.attach(session)
                set(.running)
                let request = address.onvifReplay
                    ? PlayRequest.replay(from: from.addingTimeInterval(offset), to: piece.end.addingTimeInterval(offset))
                    : PlayRequest(onvifReplay: false, range: nil, rateControl: false)
                let target: MediaSink = offset == 0 ? sink : DeviceClockSink(sink, offset: offset)
                outcome = Result { try session.run(request, sink: target) }
                control.attach(nil)
            } catch {
                outcome = .failure(error)
            }
            slots.release()
            switch outcome {
            case .success(let summary):
                if case .rangeIgnored(let first) = sink.ending {
                    throw Stop.failed(DownloadError.rangeIgnored(asked: from, got: first).message)
                }
                if summary.endReason == .cancelled, let r = control.request { throw Stop.requested(r) }
                if summary.endReason == .cancelled { continue }
                return // end of range, T flag, BYE, or the end bound
            case .failure(let error):
                if let r = control.request { throw Stop.requested(r) }
                switch classify(error) {
                case .storage(let why):
                    sink.abandonAfterError()
                    throw Stop.paused(why)
                case .fatal(let why):
                    throw Stop.failed(why)
                case .busy(let why):
                    slots.refused()
                    busy += 1
                    lastError = why
                    if busy > options.backoff.attempts * 4 { throw Stop.failed(DownloadError.gaveUp(attempts: busy, last: why).message) }
                    set(.retrying, why)
                    if !control.wait(options.backoff, before: min(busy, 6)) { throw Stop.requested(control.request ?? .pause) }
                case .nothingThere:
                    // the device has no footage in this piece after all (457 Invalid Range):
                    // the piece is over; the summary reports the shortfall
                    logger.info("camera \(key): no footage from \(UTC.iso(from)) to \(UTC.iso(piece.end))")
                    w.toldNoFootage = true
                    return
                case .noReplay(let why):
                    guard w.replay.isONVIF, let fb = access.fallback(for: setup.camera) else { throw Stop.failed(why) }
                    logger.info("ONVIF replay refused; using the vendor playback address for \(key)")
                    w.replay = fb
                    currentReplay.withLock { $0 = fb }
                    try? repository.write { try $0.setDownloadCameraPlan(job: setup.jobID, camera: key, covered: setup.covered, replay: fb.stored) }
                case .transient(let why):
                    let progressed = sink.position != before
                    failures = progressed ? 1 : failures + 1
                    lastError = why
                    if failures > options.backoff.attempts {
                        throw Stop.failed(DownloadError.gaveUp(attempts: failures, last: why).message)
                    }
                    set(.retrying, why)
                    logger.info("camera \(key): \(why.en) — retry \(failures) in \(options.backoff.delay(failures)) s")
                    if !control.wait(options.backoff, before: failures) { throw Stop.requested(control.request ?? .pause) }
                }
            }
        }
    }

    // MARK: Errors

    enum Kind {
        case storage(Localized)
        case fatal(Localized)
        case busy(Localized)
        case noReplay(Localized)
        case transient(Localized)
        case nothingThere
    }

    func classify(_ error: Error) -> Kind {
        if let s = error as? StreamingError {
            switch s {
            case .fileWrite(let path, let e): return .storage(DownloadError.storage(e, folder: setup.folder, path: path).message)
            case .tooManySessions: return .busy(s.message)
            case .replayNotSupported: return .noReplay(s.message)
            case .connectionClosed, .stalled, .responseTimeout, .connectTimeout, .connectionRefused, .hostNotFound,
                 .sessionExpired, .malformedResponse:
                return .transient(s.message)
            case .serverError(_, let status, _) where status >= 500 && status != 551:
                return .transient(s.message)
            case .serverError("PLAY", 457, _):
                return .nothingThere
            default:
                return .fatal(s.message)
            }
        }
        if let o = error as? ONVIFError {
            switch o {
            case _ where o.isTransientConnectionFailure: return .transient(o.message)
            case .serviceNotSupported: return .noReplay(o.message)
            default: return .fatal(o.message)
            }
        }
        if let d = error as? DownloadError {
            switch d {
            case .folderMissing, .folderReplaced: return .storage(d.message)
            default: return .fatal(d.message)
            }
        }
        if let u = error as? any UserFacingError { return .fatal(u.message) }
        return .fatal(.unexpected(error))
    }

    private func stopFor(_ error: Error) -> Stop {
        switch classify(error) {
        case .storage(let why): return .paused(why)
        case .fatal(let why), .busy(let why), .noReplay(let why), .transient(let why): return .failed(why)
        case .nothingThere: return .failed(DownloadError.noFootage.message)
        }
    }

    /// What makes a job's camera folder unsafe to write in now (a link out of the configured
    /// video root, see `PathValidator.checkFolder`), nil when it is safe.
    static func folderProblem(_ folder: String, camera: String, repository: Repository) -> PathProblem? {
        let root: String
        do {
            root = try repository.read { try $0.processingConfig() }.videoRoot
        } catch {
            return nil   // the database cannot be read: the run stops on it with its own sentence
        }
        return PathValidator().checkFolder(folder, videoRoot: root, camera: camera)
    }

    static func sentence(_ error: Error) -> Localized {
        if let u = error as? any UserFacingError { return u.message }
        return .unexpected(error)
    }

    // MARK: Progress

    private func wrote(_ w: Work, position: Date, bytes: Int64) {
        w.runBytes += bytes
        let media = mediaDone(w, position: position)
        live.withLock { l in
            l.bytes = w.baseBytes + w.runBytes
            l.mediaSeconds = media
            l.position = position
        }
        writeProgress(w, force: false)
    }

    /// Covered seconds minus what is still ahead of `position` in the remaining pieces.
    private func mediaDone(_ w: Work, position: Date?) -> Double {
        var ahead = 0.0
        for (i, p) in w.pieces.enumerated() where i >= w.pieceIndex {
            if i == w.pieceIndex, let pos = position {
                ahead += max(0, p.end.timeIntervalSince(max(p.start, pos)))
            } else {
                ahead += p.duration
            }
        }
        return max(0, IntervalSet.measure(setup.covered) - ahead)
    }

    private func writeProgress(_ w: Work, force: Bool) {
        let now = ProcessInfo.processInfo.systemUptime
        guard force || now - w.lastDatabaseWrite >= options.databaseInterval else { return }
        w.lastDatabaseWrite = now
        let l = live.withLock { $0 }
        try? repository.write { try $0.setDownloadCameraProgress(job: setup.jobID, camera: key, mediaSeconds: l.mediaSeconds, bytes: l.bytes) }
    }

    private func shortfallWarning() -> Localized? {
        let received = ((try? repository.read { try $0.downloadFiles(jobID: setup.jobID, camera: key) }) ?? [])
            .filter { $0.state == .done }.reduce(0) { $0 + $1.duration }
        let covered = IntervalSet.measure(setup.covered)
        let missing = covered - received
        let tolerance = options.shortfallTolerancePerInterval * Double(max(1, setup.covered.count))
        guard missing > tolerance else { return nil }
        return DownloadShortfall(camera: key, missing: missing, covered: covered).message
    }

    // MARK: Recovery

    /// Finishes this camera's files left as `writing` (a crash, kill -9, a read-only folder),
    /// forgets finished files that no longer exist, then returns the finished files.
    private func recoverParts() throws -> [DownloadFileRecord] {
        let rows = try repository.read { try $0.downloadFiles(jobID: setup.jobID, camera: key) }
        // finished files that are gone (deleted, or with their folder): their footage is downloaded again
        for row in rows where row.state == .done && !FileManager.default.fileExists(atPath: row.path) {
            logger.info("camera \(key): \(row.path) is gone; its footage is downloaded again")
            try repository.write { try $0.removeDownloadFile(row.id) }
        }
        for row in rows where row.state == .writing {
            do {
                try PartFileRecovery.settle(row, folder: setup.folder, cameraFolder: cameraFolder, repository: repository)
            } catch StreamingError.fileWrite(let path, let errno) {
                throw Stop.paused(DownloadError.storage(errno, folder: setup.folder, path: path).message)
            }
        }
        return try repository.read { try $0.downloadFiles(jobID: setup.jobID, camera: key) }.filter { $0.state == .done }
    }

    /// The sink's bookkeeping, in the database.
    final class Ledger: DownloadLedger {
        unowned let runner: CameraRunner
        init(runner: CameraRunner) { self.runner = runner }

        func fileOpening(partPath: String, start: Date) throws -> Int64 {
            try runner.repository.write { try $0.addDownloadFile(job: runner.setup.jobID, camera: runner.key, partPath: partPath, start: start) }
        }

        func fileFinished(_ id: Int64, _ s: MP4FileSummary) throws {
            try runner.repository.write {
                try $0.finishDownloadFile(id, path: s.path, start: s.firstWallClock, end: s.endWallClock, bytes: s.bytes, duration: s.duration)
            }
            runner.live.withLock { $0.files += 1 }
            runner.onChange()
        }

        func fileDropped(_ id: Int64) {
            try? runner.repository.write { try $0.removeDownloadFile(id) }
        }
    }
}

/// The warning when less footage arrived than the device said it had.
struct DownloadShortfall: UserFacingError {
    var camera: String
    var missing: Double
    var covered: Double

    var message: Localized {
        let m = Int(missing.rounded()), c = Int(covered.rounded())
        return Localized(vi: "Camera \"\(camera)\": thiếu \(m) giây so với \(c) giây có trên thiết bị; hãy xem lại bản ghi trên đầu ghi hoặc tải lại khoảng đó.",
                         en: "Camera \"\(camera)\": \(m) s short of the \(c) s the device has; check the recordings on the NVR or download that range again.")
    }
}
