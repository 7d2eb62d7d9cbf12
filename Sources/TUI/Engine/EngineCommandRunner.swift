import Common
import Core
import Dispatch
import Foundation
import ONVIF
import Store
import Synchronization

/// Runs the app's commands with the real engines on background queues and reports back
/// with events. This file (with `EngineMapping.swift`) is the only glue between the
/// terminal app and the engines: ONVIF (probe, WS-Discovery), Store and Core (save-config).
///
/// Engines not built into this binary yet answer with `.unavailable`, a sentence saying so.
public final class EngineCommandRunner: CommandRunning {
    private let work = DispatchQueue(label: "vtrack.engine", attributes: .concurrent)
    private let events = DispatchQueue(label: "vtrack.engine.events")
    public let locations: StoreLocations
    private let repository = Mutex<Repository?>(nil)
    private let listener = Mutex<DiscoveryListener?>(nil)
    private let clientOptions: ClientOptions
    private let discoveryHosts: [String]

    /// - Parameters:
    ///   - locations: the database and key files (`--db`, or the XDG defaults).
    ///   - discoveryHosts: `host[:port]`s also probed by unicast (the demo's simulator on loopback).
    public init(locations: StoreLocations, clientOptions: ClientOptions = ClientOptions(), discoveryHosts: [String] = []) {
        self.locations = locations
        self.clientOptions = clientOptions
        self.discoveryHosts = discoveryHosts
    }

    public func run(_ command: Command, send: @escaping @Sendable (AppEvent) -> Void) {
        work.async { [self] in execute(command, send) }
    }

    public func shutdown() {
        listener.withLock { $0?.stop(); $0 = nil }
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
        case .loadCoverage, .startDownload:
            send(.unavailable(command, Self.notBuilt(Localized(vi: "tìm và tải bản ghi (Profile G)", en: "recording search and download (Profile G)"))))
        case .resumeDownloads, .pauseDownload, .resumeDownload, .cancelDownload, .quit:
            break
        }
    }

    // MARK: Store

    private func loadSources(_ send: @escaping @Sendable (AppEvent) -> Void) {
        do {
            let repo = try openRepository()
            let (sources, config) = try repo.read { r in (try r.sources(), try r.processingConfig()) }
            send(.configLoaded(AppState.Config(videoRoot: config.videoRoot, defaultDays: max(1, config.defaultDays))))
            send(.sourcesLoaded(.success(sources.filter(\.active).map { EngineMapping.savedSource($0, videoRoot: config.videoRoot) })))
        } catch {
            send(.sourcesLoaded(.failure(EngineFailure(error))))
        }
    }

    /// Saves the source and selection, creating and checking the folders (all or nothing).
    func save(_ c: Connection, device: DeviceInfo, cameras: [Camera], selected: [String]) -> Result<SaveReport, EngineFailure> {
        do {
            let repo = try openRepository()
            let tested = TestedSource(name: c.name, host: c.host, port: c.port, username: c.user, password: c.password,
                                      device: device, cameras: cameras)
            let root = c.videoRoot.isEmpty ? nil : c.videoRoot
            let outcome = try SaveConfig(repository: repo).save(tested, choice: .names(selected), videoRoot: root)
            return .success(EngineMapping.report(outcome.validation))
        } catch let SaveConfigError.validationFailed(v) {
            return .success(EngineMapping.report(v))
        } catch {
            return .failure(EngineFailure(error))
        }
    }

    // MARK: ONVIF

    /// Connects and lists the cameras; a nil password means the one saved for the source.
    func probe(_ c: Connection) throws -> ProbeOutcome {
        var password = c.password
        if password == nil {
            let repo = try openRepository()
            password = try repo.password(for: try repo.requireSource(named: c.name))
        }
        let client = ONVIFClient(address: DeviceAddress(host: c.host, port: c.port),
                                 credentials: Credentials(user: c.user, password: password ?? ""), options: clientOptions)
        let result = try client.probe()
        return ProbeOutcome(device: result.device, cameras: result.cameras)
    }

    /// One WS-Discovery sweep (devices stream in as they answer), and Hello/Bye listening
    /// for the rest of the session.
    private func discover(_ send: @escaping @Sendable (AppEvent) -> Void) {
        let sink = DiscoveryEventSink(queue: events) { event in
            if let update = EngineMapping.discoveryUpdate(event) { send(.discovery(update)) }
        }
        let startListener = listener.withLock { l -> DiscoveryListener? in
            if l != nil { return nil }
            let created = DiscoveryListener(events: sink)
            l = created
            return created
        }
        if let startListener {
            do { try startListener.start() } catch {
                send(.log(.warning, Localized(vi: "Không nghe được thông báo Hello/Bye: \(error.message.vi)",
                                              en: "Cannot listen for Hello/Bye announcements: \(error.message.en)")))
            }
        }
        do {
            _ = try WSDiscovery.sweep(DiscoveryOptions(hosts: discoveryHosts), events: sink)
        } catch {
            events.async { send(.discovery(.failed(error.message))) }
        }
    }

    /// "This build does not include X yet."
    static func notBuilt(_ what: Localized) -> Localized {
        Localized(vi: "Bản VTrack này chưa có phần \(what.vi); hãy cập nhật lên bản mới hơn.",
                  en: "This build of VTrack does not include the \(what.en) yet; update to a newer build.")
    }
}
