import Common
import Core
import Dispatch
import Foundation
import Synchronization

/// Runs the app's commands with Core's services on background queues and reports back with
/// events. This file (with `EngineMapping.swift`) is the only glue between the terminal app and
/// Core: sources (test, save, list), discovery, coverage, stream checks, downloads and camera
/// pictures (Core's `PictureService`: loads, cache, live views) and PTZ (Core's `PTZService`). It keeps no state of its own
/// beyond the services it made and the live views it runs.
public final class EngineCommandRunner: CommandRunning {
    private let work = DispatchQueue(label: "vtrack.engine", attributes: .concurrent)
    private let events = DispatchQueue(label: "vtrack.engine.events")
    public let locations: StoreLocations
    private let repository = Mutex<Repository?>(nil)
    private let discovery = Mutex<DiscoveryService?>(nil)
    private let downloadEngine = Mutex<DownloadEngine?>(nil)
    let pictureService = Mutex<PictureService?>(nil)
    let lives = Mutex<LiveViews>(LiveViews())
    let ptzService = Mutex<PTZService?>(nil)
    let ptzTargets = Mutex<[String: PictureTarget]>([:])
    let ptzLane = PTZLane()
    let clientOptions: ClientOptions
    private let discoveryHosts: [String]

    /// - Parameters:
    ///   - locations: the database and key files (`--db`, or the XDG defaults).
    ///   - discoveryHosts: `host[:port]`s also probed by unicast (the demo's simulator on loopback).
    ///   - clientOptions: timeouts and limits of the device requests; nil for the defaults.
    public init(locations: StoreLocations, clientOptions: ClientOptions? = nil, discoveryHosts: [String] = []) {
        self.locations = locations
        self.clientOptions = clientOptions ?? ClientOptions()
        self.discoveryHosts = discoveryHosts
    }

    public func run(_ command: Command, send: @escaping @Sendable (AppEvent) -> Void) {
        work.async { [self] in execute(command, send) }
    }

    public func shutdown() {
        // First of all, no camera is left moving.
        stopMotion()
        // Running downloads are paused so their files are closed cleanly; they resume next time.
        if let engine = downloadEngine.withLock({ $0 }) {
            for id in engine.runningJobs { engine.pause(jobID: id) }
            engine.waitUntilIdle(timeout: 3)
        }
        discovery.withLock { $0?.stop(); $0 = nil }
        stopAllLiveViews()
        _ = repository.withLock { r in try? r?.close() }
    }

    /// The database, opened (and migrated) on first use.
    func openRepository() throws -> Repository {
        try repository.withLock { r in
            if let r { return r }
            let opened = try Repository(locations: locations)
            r = opened
            return opened
        }
    }

    private func execute(_ command: Command, _ send: @escaping @Sendable (AppEvent) -> Void) {
        switch command {
        case .loadSources:
            loadSources(send)
        case .startDiscovery:
            discover(send)
        case let .probe(connection):
            send(.probeFinished(connection, Result { try probe(connection) }.mapError(EngineFailure.init)))
        case let .checkStreams(_, cameras):
            DispatchQueue.concurrentPerform(iterations: cameras.count) { i in
                let uri = cameras[i].mainStream?.uri ?? cameras[i].streamURL
                send(.streamChecked(cameraID: cameras[i].id, reachable: !uri.isEmpty && StreamCheck.isReachable(uri)))
            }
        case let .saveConfig(connection, device, cameras, selected):
            send(.saveFinished(save(connection, device: device, cameras: cameras, selected: selected)))
        case let .loadCoverage(connection, cameras, from, to):
            coverage(connection, cameras: cameras, from: from, to: to, send)
        case let .startDownload(connection, cameras, from, to):
            do {
                let job = try downloads(send).start(DownloadRequest(sourceName: connection.name, range: DateInterval(start: from, end: to),
                                                                    cameras: cameras))
                send(.downloadStarted(jobID: job.id))
                send(.log(.info, Localized(vi: "Lượt tải số \(job.id) đã bắt đầu.", en: "Download job \(job.id) started.")))
            } catch {
                send(.commandFailed(command, EngineFailure(error).message))
            }
        case .resumeDownloads:
            resumeUnfinished(send)
        case let .pauseDownload(job, camera):
            guard let engine = try? downloads(send) else { return }
            engine.pause(jobID: job, camera: camera)
        case let .resumeDownload(job, camera):
            // a stopped job starts again with only that camera (or all, camera nil)
            do { try downloads(send).resume(jobID: job, camera: camera) } catch { send(.log(.error, EngineFailure(error).message)) }
        case let .cancelDownload(job, camera):
            // a job that does not run here is cancelled in place: what was kept, or why it was
            // refused (another process runs it, its unfinished file cannot be closed), is the
            // technician's to read
            do {
                if let kept = try downloads(send).cancel(jobID: job, camera: camera) { send(.log(.info, kept.message)) }
            } catch {
                send(.log(.warning, EngineFailure(error).message))
            }
        case let .loadPictures(connection, cameras, refresh):
            loadPictures(connection, cameras: cameras, refresh: refresh, command: command, send)
        case let .startLive(connection, camera, session):
            startLive(connection, camera: camera, session: session, send)
        case let .stopLive(session):
            stopLive(session)
        case let .liveReady(session):
            liveReady(session)
        case .loadSyncStatus:
            // auxiliary: a database that cannot be read now shows no sync lines (its sentence
            // reaches the technician from the screens that need it)
            let lines = (try? SyncService.status(repository: openRepository())) ?? []
            send(.syncStatusLoaded(lines.filter { $0.lastPassEnd != nil || $0.runningPID != nil || $0.lastSaved != nil }.map {
                SyncLine(source: $0.source, lastSaved: $0.lastSaved, nextRun: $0.nextRun, runningPID: $0.runningPID,
                         error: $0.firstError, cameras: $0.cameras.count)
            }))
        case .ptzOpen, .ptzStatus, .ptzMove, .ptzStop, .ptzGotoPreset, .ptzSavePreset, .ptzHome:
            runPTZ(command, send)
        case .quit:
            break
        }
    }

    // MARK: Store

    private func loadSources(_ send: @escaping @Sendable (AppEvent) -> Void) {
        do {
            let (sources, config) = try self.sources().list()
            send(.configLoaded(AppState.Config(videoRoot: config.videoRoot, defaultDays: max(1, config.defaultDays))))
            send(.sourcesLoaded(.success(sources.filter(\.active).map { EngineMapping.savedSource($0, videoRoot: config.videoRoot) })))
        } catch {
            send(.sourcesLoaded(.failure(EngineFailure(error))))
        }
    }

    /// Core's sources service on the app's database.
    func sources() throws -> SourceService {
        SourceService(repository: try openRepository(), clientOptions: clientOptions)
    }

    /// Saves the source and selection, creating and checking the folders (all or nothing).
    func save(_ c: Connection, device: DeviceInfo, cameras: [Camera], selected: [String]) -> Result<SaveReport, EngineFailure> {
        Result {
            let tested = TestedSource(name: c.name, host: c.host, port: c.port, username: c.user, password: c.password,
                                      device: device, cameras: cameras)
            return EngineMapping.report(try sources().save(tested, selected: selected, videoRoot: c.videoRoot.isEmpty ? nil : c.videoRoot))
        }.mapError(EngineFailure.init)
    }

    /// Connects and lists the cameras; a nil password means the one saved for the source.
    func probe(_ c: Connection) throws -> ProbeOutcome {
        let tested = try sources().test(name: c.name, host: c.host, port: c.port, user: c.user, password: c.password)
        return ProbeOutcome(device: tested.device, cameras: tested.cameras)
    }

    /// One WS-Discovery sweep (devices stream in as they answer), and Hello/Bye listening
    /// for the rest of the session (Core's discovery service, made on first use).
    private func discover(_ send: @escaping @Sendable (AppEvent) -> Void) {
        let service = discovery.withLock { d -> DiscoveryService in
            if let d { return d }
            let made = DiscoveryService(options: DiscoveryOptions(hosts: discoveryHosts), queue: events) { event in
                if let out = EngineMapping.discoveryEvent(event) { send(out) }
            }
            d = made
            return made
        }
        service.sweep()
    }

    // MARK: Recordings and downloads

    /// Footage per camera from a Profile G search (FindEvents track states, or the recording's range).
    private func coverage(_ c: Connection, cameras: [String], from: Date, to: Date, _ send: @escaping @Sendable (AppEvent) -> Void) {
        let result = Result { () throws -> [CameraCoverage] in
            let repo = try openRepository()
            let end = max(from.addingTimeInterval(1), min(to, Date()))
            let report = try Recordings(repository: repo, clientOptions: clientOptions)
                .report(RecordingsRequest(sourceName: c.name, range: DateInterval(start: from, end: end), cameras: cameras))
            if let note = report.note { send(.log(.warning, note)) }
            for cam in report.cameras { if let note = cam.note { send(.log(.warning, Localized(vi: "\(cam.key): \(note.vi)", en: "\(cam.key): \(note.en)"))) } }
            return report.cameras.map(EngineMapping.coverage)
        }.mapError(EngineFailure.init)
        send(.coverageLoaded(from: from, to: to, result))
    }

    /// The download engine, made on first use; its events become `.downloadProgress` / `.downloadFinished`.
    /// (Every `send` the UI loop gives posts to its queue, so keeping the first one is enough.)
    private func downloads(_ send: @escaping @Sendable (AppEvent) -> Void) throws -> DownloadEngine {
        let repo = try openRepository()
        return downloadEngine.withLock { e in
            if let e { return e }
            let made = DownloadEngine(repository: repo, queue: events) { event in send(EngineMapping.downloadEvent(event)) }
            e = made
            return made
        }
    }

    /// Starts every job a previous session (or a killed CLI download) left unfinished.
    private func resumeUnfinished(_ send: @escaping @Sendable (AppEvent) -> Void) {
        do {
            let (started, problems) = try downloads(send).startUnfinished()
            if !started.isEmpty {
                send(.log(.info, Localized(vi: "Tải tiếp \(started.count) lượt tải chưa xong từ lần trước.",
                                           en: "Resuming \(started.count) unfinished download job\(started.count == 1 ? "" : "s") from last time.")))
            }
            for p in problems { send(.log(.warning, p)) }
        } catch {
            send(.log(.warning, EngineFailure(error).message))
        }
    }

}
