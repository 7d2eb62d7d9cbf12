import Common
import Foundation
import Simulator
import Store
import Testing
import TestSupport
@testable import Core

/// The download engine end to end against the in-process simulator: real RTSP replay, real files,
/// the database, progress events, pause/resume/cancel and the fault switches.
@Suite(.serialized, .requiresMediaTools) struct EngineTests {
    /// Checks one camera's files against its covered intervals: every file decodes, the files
    /// hold exactly the pictures of the intervals (the clips have a 2 s GOP starting on even
    /// seconds, and the intervals start on whole minutes), and the database lists them.
    static func checkCoverage(_ fx: EngineFixture, jobID: Int64, camera: String, covered: [DateInterval], fps: Int = 15,
                              decode: Bool = true, slackGOPs: Int = 0) throws {
        try checkCoverage(fx.repo, jobID: jobID, camera: camera, covered: covered, fps: fps, decode: decode, slackGOPs: slackGOPs)
    }

    /// `slackGOPs`: pictures may differ by this many GOPs (a server that enters footage after a
    /// gap at the keyframe at or after its start, not before).
    static func checkCoverage(_ repo: Repository, jobID: Int64, camera: String, covered: [DateInterval], fps: Int = 15,
                              decode: Bool = true, slackGOPs: Int = 0) throws {
        let rows = try repo.read { try $0.downloadFiles(jobID: jobID, camera: camera) }
        #expect(rows.allSatisfy { $0.state == .done }, "\(camera): unfinished rows")
        let folder = try #require(try repo.read { try $0.downloadCameras(jobID: jobID) }.first { $0.camera == camera }?.folder)
        let onDisk = mp4Files(folder).map { folder + "/" + $0 }
        #expect(Set(onDisk) == Set(rows.map(\.path)), "\(camera): files on disk \(onDisk) vs database \(rows.map(\.path))")
        #expect(!((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains { $0.hasSuffix(".part") })
        // every interval is covered by files that start and end within one GOP (2 s) of its edges
        for iv in covered {
            let inside = rows.filter { $0.start! >= iv.start.addingTimeInterval(-2) && $0.end! <= iv.end.addingTimeInterval(2) }
            #expect(!inside.isEmpty, "\(camera): nothing for \(iv)")
            guard let first = inside.map(\.start!).min(), let last = inside.map(\.end!).max() else { continue }
            #expect(abs(first.timeIntervalSince(iv.start)) <= 2.0, "\(camera): starts at \(first) for \(iv.start)")
            #expect(abs(last.timeIntervalSince(iv.end)) <= 2.0, "\(camera): ends at \(last) for \(iv.end)")
        }
        // file names are the real first/last times
        for r in rows {
            let name = (r.path as NSString).lastPathComponent
            #expect(name == DownloadFileName.final(cameraFolder: (folder as NSString).lastPathComponent, start: r.start!, end: r.end!) || name.contains("_2.mp4"))
        }
        // ffprobe and ffmpeg judge the files: the suites that check coverage require them
        try #require(MediaCheck.available, "ffmpeg and ffprobe are needed to judge the files (scripts/install-deps --test)")
        // the server starts at the keyframe at or before each start (2 s GOPs on even seconds);
        // every picture of the footage is there exactly once (no GOP missing or twice)
        let expected = covered.reduce(0) { sum, iv in
            let first = Int((iv.start.timeIntervalSince1970 / 2).rounded(.down)) * 2 * fps
            let end = Int((iv.end.timeIntervalSince1970 * Double(fps)).rounded(.up))
            return sum + end - first
        }
        var packets = 0
        for r in rows {
            let p = try #require(MediaCheck.probe(r.path), "ffprobe cannot read \(r.path)")
            packets += p.packets
            if decode { #expect(MediaCheck.decodeError(r.path) == nil, "\(r.path): \(MediaCheck.decodeError(r.path) ?? "")") }
        }
        #expect(abs(packets - expected) <= slackGOPs * 2 * fps, "\(camera): \(packets) pictures, expected \(expected)")
    }

    /// 4 cameras × 2 h across the end of the nightly gap, sub streams: H.264 on channels 1 and 3,
    /// H.265 on 2 and 4.
    @Test func fourCamerasTwoHoursWithAGapH264AndH265() throws {
        let fx = try EngineFixture()
        let range = nightEdgeRange()
        let access = fx.access()
        let log = EventLog()
        let engine = fx.engine(access, events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, parallel: 2, replaySessions: 2))
        #expect(engine.waitUntilIdle(timeout: 300))
        let summary = try #require(log.summaries.last)
        #expect(summary.state == .done, "\(summary)")
        #expect(summary.cameras.count == 4)
        #expect(summary.shortfallSeconds == 0)
        for c in summary.cameras {
            let footage = try fx.footage(c.camera, in: range)
            #expect(!footage.isEmpty && !c.gaps.isEmpty, "\(c.camera): footage \(footage), gaps \(c.gaps)")
            #expect(c.files.count >= footage.count)
            try Self.checkCoverage(fx, jobID: job.id, camera: c.camera, covered: footage)
        }
        // progress: every camera was seen running, and the last event says done at 100 %
        let p = log.progress
        #expect(p.contains { $0.cameras.contains { $0.state == .running } })
        // while running: media seconds of covered seconds, MB/s, × real time and an ETA, per camera and for the job
        #expect(p.contains { $0.cameras.contains { c in
            c.state == .running && c.mediaSeconds > 0 && (c.coveredSeconds ?? 0) > c.mediaSeconds && c.bytesPerSecond > 0
                && c.realTimeFactor > 1 && c.eta != nil } })
        #expect(p.contains { $0.bytesPerSecond > 0 && $0.realTimeFactor > 1 && $0.eta != nil && $0.fraction > 0 && $0.fraction < 1 })
        let last = try #require(p.last)
        #expect(last.state == .done && last.cameras.allSatisfy { $0.state == .done && $0.fraction == 1 })
        #expect(try fx.repo.read { try $0.downloadJob(id: job.id) }?.state == .done)
    }

    /// The plan says the whole range has footage but the device skips a gap (D flag): the files
    /// are split at the gap and the summary reports the shortfall in one sentence.
    @Test func lessFootageThanPlannedIsReportedAsAShortfall() throws {
        let fx = try EngineFixture()
        // an outage during a day of the last week, with 5 minutes of footage on each side
        var found: DateInterval?
        for day in 1...6 {
            let d = (Date().timeIntervalSince1970 / 86_400).rounded(.down) - Double(day)
            let daytime = DateInterval(start: Date(timeIntervalSince1970: d * 86_400 + 7 * 3600), duration: 15 * 3600)
            let f = try fx.footage("Camera 01", in: daytime)
            if f.count >= 2, let gap = IntervalSet.gaps(in: daytime, covered: f).first(where: { $0.start > daytime.start && $0.duration < 1800 }) {
                found = DateInterval(start: gap.start.addingTimeInterval(-300), end: gap.end.addingTimeInterval(300))
                break
            }
        }
        let chosen = try #require(found, "no outage in the simulator's week")
        let footage = try fx.footage("Camera 01", in: chosen)
        #expect(footage.count == 2)
        let range = chosen
        #expect(IntervalSet.measure(footage) < range.duration - 60, "the range has no gap: \(footage)")
        let log = EventLog()
        let engine = fx.engine(fx.access(coverage: { _, r in [r] }), events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01"]))
        #expect(engine.waitUntilIdle(timeout: 120))
        let summary = try #require(log.summaries.last)
        #expect(summary.state == .done)
        let cam = try #require(summary.cameras.first)
        #expect(abs(cam.shortfallSeconds - (range.duration - IntervalSet.measure(footage))) < 5, "\(cam)")
        #expect(cam.reason?.en.contains("short of the") == true)
        #expect(cam.gaps.isEmpty) // the plan saw none
        try Self.checkCoverage(fx, jobID: job.id, camera: "Camera 01", covered: footage, decode: false, slackGOPs: 1)
        #expect(try fx.doneFiles(job.id, "Camera 01").count == 2) // split at the gap
    }
}
