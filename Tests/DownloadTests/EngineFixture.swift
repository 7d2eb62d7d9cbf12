import Common
import Foundation
import ONVIF
import Simulator
import Store
import Synchronization
import TestSupport
@testable import Core

/// A running simulator (ONVIF + RTSP on loopback), a database in a scratch folder with the
/// simulator saved as source "sim" (probed over ONVIF, all cameras selected), and a video root.
final class EngineFixture: Sendable {
    let scratch = Scratch("engine")
    let sim: Simulator
    let repo: Repository
    let sourceName = "sim"
    let videoRoot: String

    init(_ configure: (inout SimulatorConfig) -> Void = { _ in }, videoRoot: String? = nil) throws {
        var config = SimulatorConfig()
        configure(&config)
        sim = Simulator(config: config)
        try sim.start()
        repo = try Repository(locations: scratch.locations())
        self.videoRoot = videoRoot ?? scratch.file("videos")
        let client = ONVIFClient(address: try DeviceAddress(parsing: "127.0.0.1:\(sim.httpPort)"),
                                 credentials: Credentials(user: config.user, password: config.password))
        let probe = try client.probe()
        let tested = TestedSource(name: sourceName, host: "127.0.0.1", port: sim.httpPort, username: config.user, password: config.password,
                                  device: probe.device, cameras: probe.cameras)
        _ = try SaveConfig(repository: repo).save(tested, choice: .all, videoRoot: self.videoRoot)
    }

    deinit { sim.stop() }

    var rtspBase: String { "rtsp://127.0.0.1:\(sim.rtspPort)" }

    /// The cameras as saved.
    func cameras() throws -> [DownloadCamera] {
        let s = try repo.requireSource(named: sourceName)
        return zip(CameraKeys.keys(for: s.config.detectedCameras), s.config.detectedCameras).map { DownloadCamera(key: $0, camera: $1) }
    }

    /// An engine whose device access is `SimulatorAccess` (coverage given by the test).
    func engine(_ access: SimulatorAccess, options: DownloadOptions = .testing, events: EventLog,
                summary: @escaping DownloadSummaryBuilder.Build = DownloadSummaryBuilder.build) -> DownloadEngine {
        DownloadEngine(repository: repo, options: options, queue: DispatchQueue(label: "test.events"), access: { _, _ in access },
                       summary: summary, onEvent: { events.append($0) })
    }

    /// Replay from the simulator with its real timeline as the coverage (or the test's own).
    func access(coverage: (@Sendable (DownloadCamera, DateInterval) -> [DateInterval])? = nil, subStream: Bool = true) -> SimulatorAccess {
        let recordings = sim.recordings
        let real: @Sendable (DownloadCamera, DateInterval) -> [DateInterval] = { c, r in
            recordings.all.first { $0.channel.sourceToken == c.camera.sourceToken }?.footage(in: r) ?? []
        }
        return SimulatorAccess(rtspBase: rtspBase, model: sim.model, coverage: coverage ?? real, subStream: subStream,
                               user: sim.config.user, password: sim.config.password)
    }

    /// The simulator's footage of a camera within `range`.
    func footage(_ camera: String, in range: DateInterval) throws -> [DateInterval] {
        guard let c = try cameras().first(where: { $0.key == camera }) else { return [] }
        return sim.recordings.all.first { $0.channel.sourceToken == c.camera.sourceToken }?.footage(in: range) ?? []
    }
}

/// Replays from the simulator's RTSP server (`/replay/<recording token>`, the sub stream by
/// default: H.264 on odd channels, H.265 on even ones) with the coverage the test decides.
struct SimulatorAccess: RecordingAccess {
    let rtspBase: String
    let model: NVRModel
    let coverage: @Sendable (DownloadCamera, DateInterval) -> [DateInterval]
    let subStream: Bool
    let user: String
    let password: String
    /// Offer Hikvision's playback URL as the fallback (for a simulator posing as Hikvision).
    var hikvisionFallback = false

    func plan(_ cameras: [DownloadCamera], in range: DateInterval) throws -> [PlannedCamera] {
        cameras.map { c in
            let token = model.channel(sourceToken: c.camera.sourceToken)?.recordingToken ?? "?"
            return PlannedCamera(camera: c.key, covered: IntervalSet.clamp(coverage(c, range), to: range), replay: .onvif(recordingToken: token))
        }
    }

    func replayAddress(_ replay: ReplaySource, camera: DownloadCamera, piece: DateInterval) throws -> ReplayAddress {
        switch replay {
        case .onvif(let token): return ReplayAddress(url: "\(rtspBase)/replay/\(token)\(subStream ? "/sub" : "")", onvifReplay: true)
        case .fallback:
            guard hikvisionFallback else { throw DownloadError.noRecordingsOverONVIF(device: "sim") }
            let port = Int(rtspBase.split(separator: ":").last ?? "") ?? 554
            let r = PlaybackRequest(host: "127.0.0.1", port: port, channel: camera.camera.channel, subStream: subStream,
                                    start: piece.start, end: piece.end)
            return ReplayAddress(url: PlaybackURL.hikvision(r), onvifReplay: false)
        }
    }

    func fallback(for camera: DownloadCamera) -> ReplaySource? { hikvisionFallback ? .fallback(name: "hikvision") : nil }

    var rtspCredentials: (user: String, password: String)? { (user, password) }
}

/// Every event, in order, for the test to look at.
final class EventLog: Sendable {
    private let events = Mutex<[DownloadEvent]>([])
    func append(_ e: DownloadEvent) { events.withLock { $0.append(e) } }
    var all: [DownloadEvent] { events.withLock { $0 } }
    var summaries: [DownloadSummary] { all.compactMap { if case .stopped(let s) = $0 { return s } else { return nil } } }
    var progress: [JobProgress] { all.compactMap { if case .progress(let p) = $0 { return p } else { return nil } } }

    /// Waits until `condition` holds (polling), at most `timeout` seconds.
    @discardableResult
    func wait(timeout: Double = 120, _ condition: ([DownloadEvent]) -> Bool) -> Bool {
        eventually(timeout: timeout) { condition(all) }
    }
}

extension DownloadOptions {
    /// Quick back-off and short stall detection for tests.
    static var testing: DownloadOptions {
        var o = DownloadOptions()
        o.backoff = Backoff(initial: 0.05, factor: 2, maximum: 0.5, attempts: 6)
        o.rtsp.stallTimeout = 3
        o.rtsp.responseTimeout = 5
        o.progressInterval = 0.1
        return o
    }
}

/// Yesterday from 03:30 to 05:30 UTC: the simulator's nightly gap (01:00–05:00 ± 30 min per
/// camera) ends inside it, so every camera has a gap and footage.
func nightEdgeRange(hours: Double = 2) -> DateInterval {
    let day = (Date().timeIntervalSince1970 / 86_400).rounded(.down) - 1
    return DateInterval(start: Date(timeIntervalSince1970: day * 86_400 + 3.5 * 3600), duration: hours * 3600)
}

/// A range that ends an hour ago, starting on a whole minute (so on a keyframe of the clips).
func pastRange(minutes: Double, endingAgo: Double = 3600) -> DateInterval {
    let end = (Date().timeIntervalSince1970 - endingAgo) / 60
    let e = Date(timeIntervalSince1970: end.rounded(.down) * 60)
    return DateInterval(start: e.addingTimeInterval(-minutes * 60), end: e)
}

extension EngineFixture {
    /// `minutes` of uninterrupted footage of every camera, yesterday during the day.
    func steadyRange(minutes: Double) throws -> DateInterval {
        let day = (Date().timeIntervalSince1970 / 86_400).rounded(.down) - 1
        var t = Date(timeIntervalSince1970: day * 86_400 + 6 * 3600)
        let cams = try cameras().map(\.key)
        while t < Date(timeIntervalSince1970: day * 86_400 + 23 * 3600) {
            let r = DateInterval(start: t, duration: minutes * 60)
            if try cams.allSatisfy({ try footage($0, in: r) == [r] }) { return r }
            t = t.addingTimeInterval(600)
        }
        throw DownloadError.emptyRange
    }

    /// The job's files of a camera that are finished.
    func doneFiles(_ jobID: Int64, _ camera: String) throws -> [DownloadFileRecord] {
        try repo.read { try $0.downloadFiles(jobID: jobID, camera: camera) }.filter { $0.state == .done }
    }
}
