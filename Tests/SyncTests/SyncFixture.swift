import Common
import Foundation
import ONVIF
import Simulator
import Store
import Synchronization
import Testing
import TestSupport
@testable import Core

extension Scratch {
    /// A database and key file inside this folder.
    func locations() -> StoreLocations {
        StoreLocations(databaseFile: file("data/vtrack.db"), keyFile: file("config/secret.key"))
    }
}

/// A simulator in-process whose recordings end `behind` seconds in the past and grow `scale`
/// times faster than real time (its sub streams recorded: small files), a database with it
/// saved as source "sim" (every camera ticked), and a video root.
final class SyncFixture: Sendable {
    let scratch = Scratch("sync")
    let clock: RecordingClock
    let config: SimulatorConfig
    private let current: Mutex<Simulator>
    let repo: Repository
    let sourceName = "sim"
    let videoRoot: String

    init(channels: Int = 2, scale: Double = 60, behind: TimeInterval = 1200, videoRoot: String? = nil,
         _ configure: (inout SimulatorConfig) -> Void = { _ in }) throws {
        clock = RecordingClock(scale: scale, behind: behind)
        var c = SimulatorConfig()
        c.channels = channels
        c.recordingClock = clock
        c.recordings.recordSubStreams = true
        c.clockSkew = SyncFixture.skewWithFootage(channels: channels, seed: c.seed, around: clock.now(), span: behind + 1800)
        configure(&c)
        let sim = Simulator(config: c)
        try sim.start()
        // the same ports after a restart (an NVR outage)
        c.port = sim.httpPort
        c.rtspPort = sim.rtspPort
        config = c
        current = Mutex(sim)
        repo = try Repository(locations: scratch.locations())
        self.videoRoot = videoRoot ?? scratch.file("videos")
        let client = ONVIFClient(address: try DeviceAddress(parsing: "127.0.0.1:\(sim.httpPort)"),
                                 credentials: Credentials(user: c.user, password: c.password))
        let probe = try client.probe()
        let tested = TestedSource(name: sourceName, host: "127.0.0.1", port: sim.httpPort, username: c.user, password: c.password,
                                  device: probe.device, cameras: probe.cameras)
        _ = try SaveConfig(repository: repo).save(tested, choice: .all, videoRoot: self.videoRoot)
    }

    deinit { sim.stop() }

    var sim: Simulator { current.withLock { $0 } }

    /// The NVR goes away (its servers stop: connections refused).
    func stopNVR() { sim.stop() }

    /// The NVR is back, on the same ports, its recordings where the clock has brought them.
    func startNVR() throws {
        let s = Simulator(config: config)
        try s.start()
        current.withLock { $0 = s }
    }

    /// The camera keys as saved.
    func cameras() throws -> [String] {
        try repo.read { try $0.requireSource(named: sourceName) }.config.selectedCameraRecords.map(\.key)
    }

    /// The device's footage of a camera within `range` (our time), as the simulator holds it now.
    func footage(_ camera: String, in range: DateInterval) throws -> [DateInterval] {
        let source = try repo.read { try $0.requireSource(named: sourceName) }
        guard let rec = source.config.selectedCameraRecords.first(where: { $0.key == camera }),
              let recording = sim.recordings.all.first(where: { $0.channel.sourceToken == rec.camera.sourceToken }) else { return [] }
        let skew = config.clockSkew
        return recording.footage(in: DateInterval(start: range.start.addingTimeInterval(skew), end: range.end.addingTimeInterval(skew)),
                                 now: sim.recordings.deviceNow)
            .map { DateInterval(start: $0.start.addingTimeInterval(-skew), end: $0.end.addingTimeInterval(-skew)) }
    }

    /// A sync service on the database with quick back-off, its events in `log`.
    func service(_ configure: (inout SyncOptions) -> Void = { _ in }, access: DownloadEngine.AccessFactory? = nil,
                 log: SyncLog) -> SyncService {
        var o = SyncOptions()
        o.lag = 0
        o.since = 1800
        o.interval = 60
        configure(&o)
        var d = DownloadOptions()
        d.backoff = Backoff(initial: 0.05, factor: 2, maximum: 0.5, attempts: 4)
        d.rtsp.stallTimeout = 3
        d.rtsp.responseTimeout = 5
        d.planAttempts = 2
        return SyncService(repository: repo, options: o, download: d, access: access) { log.append($0) }
    }

    /// Waits (a bound, not a measurement) until the recordings have grown past `t`.
    func waitForRecordings(past t: Date) -> Bool {
        eventually(timeout: max(30, clock.realTime(whenRecorded: t).timeIntervalSinceNow + 30)) { sim.recordings.deviceNow > t.addingTimeInterval(config.clockSkew) }
    }

    /// Every finished file of sync jobs of a camera, oldest first.
    func syncFiles(_ camera: String) throws -> [DownloadFileRecord] {
        try repo.read { r in
            try r.downloadJobs().filter { $0.options["sync"] != nil }.flatMap { try r.downloadFiles(jobID: $0.id, camera: camera) }
        }.filter { $0.state == .done }.sorted { $0.start! < $1.start! }
    }

    /// A device clock offset (0, 6 h, 12 h, 18 h) under which every channel has footage over most
    /// of `span` before `around`: the timeline's nightly off-hours never swallow a test.
    static func skewWithFootage(channels: Int, seed: UInt64, around: Date, span: TimeInterval) -> TimeInterval {
        let skews: [TimeInterval] = [0, 6 * 3600, 12 * 3600, 18 * 3600]
        for skew in skews {
            let range = DateInterval(start: around.addingTimeInterval(skew - span), end: around.addingTimeInterval(skew + 3600))
            let ok = (1...channels).allSatisfy { ch in
                let t = RecordingTimeline(channel: ch, seed: seed, start: range.start.addingTimeInterval(-86_400))
                return IntervalMath.measure(t.footage(in: range, now: range.end)) > 0.8 * range.duration
            }
            if ok { return skew }
        }
        return 0
    }
}

/// Every sync event, in order.
final class SyncLog: Sendable {
    private let events = Mutex<[SyncEvent]>([])
    func append(_ e: SyncEvent) { events.withLock { $0.append(e) } }
    var all: [SyncEvent] { events.withLock { $0 } }
    var problems: [String] {
        all.compactMap { e in
            switch e {
            case let .cameraProblem(_, c, why): return "\(c): \(why.en)"
            case let .sourceFailed(s, why): return "\(s): \(why.en)"
            default: return nil
            }
        }
    }
}

/// Interval arithmetic for the coverage checks.
enum IntervalMath {
    static func measure(_ xs: [DateInterval]) -> Double { union(xs).reduce(0) { $0 + $1.duration } }

    static func union(_ xs: [DateInterval]) -> [DateInterval] {
        var out: [DateInterval] = []
        for x in xs.sorted(by: { $0.start < $1.start }) {
            if let last = out.last, x.start <= last.end {
                out[out.count - 1] = DateInterval(start: last.start, end: max(last.end, x.end))
            } else {
                out.append(x)
            }
        }
        return out
    }

    /// `a` minus `b`.
    static func subtract(_ a: [DateInterval], _ b: [DateInterval]) -> [DateInterval] {
        var out: [DateInterval] = []
        let bs = union(b)
        for x in union(a) {
            var cursor = x.start
            for y in bs where y.end > cursor && y.start < x.end {
                if y.start > cursor { out.append(DateInterval(start: cursor, end: y.start)) }
                cursor = max(cursor, y.end)
            }
            if cursor < x.end { out.append(DateInterval(start: cursor, end: x.end)) }
        }
        return out
    }

    static func clamp(_ xs: [DateInterval], to r: DateInterval) -> [DateInterval] {
        xs.compactMap { x in
            let s = max(x.start, r.start), e = min(x.end, r.end)
            return s < e ? DateInterval(start: s, end: e) : nil
        }
    }
}

/// One GOP of the simulator's sub streams (30 pictures at 15 fps), plus a picture.
let oneGOP = 2.0 + 1.0 / 15

/// The coverage rules of sync for one camera's files against the device's footage over `span`:
/// no two files overlap by more than one GOP, no hole between files holds more than a GOP of
/// footage the device has, and the device's footage is all there (within a GOP per interval edge).
func checkSyncCoverage(files: [DownloadFileRecord], footage: [DateInterval], span: DateInterval, camera: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
    let sorted = files.sorted { ($0.start!, $0.end!) < ($1.start!, $1.end!) }
    let overlaps = sharedFootage(sorted.map { DateInterval(start: $0.start!, end: $0.end!) })
    for (i, overlap) in overlaps.enumerated() where overlap.seconds > oneGOP {
        Issue.record("\(camera): \(sorted[overlap.with].path) and \(sorted[i + 1].path) overlap by \(overlap.seconds) s",
                     sourceLocation: sourceLocation)
    }
    let have = IntervalMath.union(sorted.map { DateInterval(start: $0.start!, end: $0.end!) })
    let device = IntervalMath.clamp(footage, to: span)
    let missing = IntervalMath.subtract(device, have)
    for m in missing {
        #expect(m.duration <= oneGOP, "\(camera): the device has \(m) but no file holds it", sourceLocation: sourceLocation)
    }
    let extra = IntervalMath.clamp(IntervalMath.subtract(have, device), to: span)
    for x in extra {
        #expect(x.duration <= oneGOP, "\(camera): files hold \(x) where the device has nothing", sourceLocation: sourceLocation)
    }
}

/// For each file after the first (sorted by start, then end), the footage it shares with the
/// files before it: with the one reaching furthest, whose index is `with`. Two files can begin on
/// the same key frame (a job's last second and the next job's first GOP, which starts at the key
/// frame before the high-water mark), and a short file can lie inside a long one.
func sharedFootage(_ sorted: [DateInterval]) -> [(with: Int, seconds: Double)] {
    guard var reach = sorted.indices.first else { return [] }
    var out: [(with: Int, seconds: Double)] = []
    for i in sorted.indices.dropFirst() {
        let a = sorted[reach], b = sorted[i]
        out.append((reach, max(0, min(a.end, b.end).timeIntervalSince(b.start))))
        if b.end > a.end { reach = i }
    }
    return out
}
