import Common
import Foundation
import Simulator
import Store
import Testing
import TestSupport
@testable import Core

/// The recorder answers PLAY with 457 (Invalid Range) before a single picture came: a device
/// with no track-state events (`noTrackEvents`, `vtrack-sim --no-track-events`) only tells its
/// recordings' first and last times, so a range inside a gap is planned as covered and the replay
/// finds nothing. The camera fails with `DownloadError.noFootage`, writes no file, and nothing
/// else of the job is lost.
@Suite(.serialized, .requiresMediaTools) struct NoFootageTests {
    /// A window of `minutes` in which camera `empty` has no footage and camera `full` has footage
    /// all along: around the nightly off-hours of the last days, whose edges differ per camera.
    static func window(_ fx: EngineFixture, minutes: Double) throws -> (range: DateInterval, empty: String, full: String)? {
        let cams = try fx.cameras().map(\.key)
        let today = (Date().timeIntervalSince1970 / 86_400).rounded(.down)
        for day in stride(from: today - 1, through: today - 5, by: -1) {
            for minute in stride(from: 20.0, through: 100, by: 2) { // 00:20 to 01:40 UTC
                let range = DateInterval(start: Date(timeIntervalSince1970: day * 86_400 + minute * 60), duration: minutes * 60)
                let footage = try cams.map { try fx.footage($0, in: range) }
                if let e = footage.firstIndex(where: \.isEmpty), let f = footage.firstIndex(of: [range]) {
                    return (range, cams[e], cams[f])
                }
            }
        }
        return nil
    }

    @Test func a457BeforeAnyPictureFailsTheCameraWithItsSentenceAndKeepsTheRest() throws {
        let fx = try EngineFixture { $0.recordings.noTrackEvents = true }
        let (range, empty, full) = try #require(try Self.window(fx, minutes: 3), "no window with one camera in a gap and one recording")
        let log = EventLog()
        // the real ONVIF access: Profile G search (no track events), GetReplayUri, RTSP replay
        let engine = DownloadEngine(repository: fx.repo, options: .testing, queue: DispatchQueue(label: "test.events"),
                                    onEvent: { log.append($0) })
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: [empty, full]))
        #expect(engine.waitUntilIdle(timeout: 300))
        let summary = try #require(log.summaries.last)
        #expect(summary.state == .failed, "\(summary)")
        #expect(summary.reason == DownloadError.noFootage.message)
        // planned as covered, then refused: the 457 is the device's answer, not our plan's
        let cams = try fx.repo.read { try $0.downloadCameras(jobID: job.id) }
        #expect(cams.first { $0.camera == empty }?.covered == [range])
        #expect((fx.sim.rtspServer?.statistics.requests["PLAY"] ?? 0) >= 2)

        // the camera with nothing: failed with the sentence, no file, no row, nothing counted
        let e = try #require(summary.cameras.first { $0.camera == empty })
        #expect(e.state == .failed && e.reason == DownloadError.noFootage.message && e.files.isEmpty && e.bytes == 0)
        let stored = try #require(cams.first { $0.camera == empty })
        #expect(stored.state == .failed && stored.reason == DownloadError.noFootage.message && stored.bytes == 0)
        #expect(try fx.repo.read { try $0.downloadFiles(jobID: job.id, camera: empty) }.isEmpty)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: stored.folder)) ?? []).isEmpty)
        #expect(DownloadError.noFootage.message.vi.contains("không có đoạn ghi nào"))

        // the other camera: done, every picture of its footage once
        #expect(summary.cameras.first { $0.camera == full }?.state == .done)
        try EngineTests.checkCoverage(fx, jobID: job.id, camera: full, covered: [range], fps: 25) // the main stream
        let kept = try fx.doneFiles(job.id, full)

        // resumed (a failed job may be): the same answer, and the finished camera is left as it was
        try engine.resume(jobID: job.id)
        #expect(engine.waitUntilIdle(timeout: 300))
        let again = try #require(log.summaries.last)
        #expect(again.state == .failed && again.reason == DownloadError.noFootage.message, "\(again)")
        #expect(try fx.doneFiles(job.id, full) == kept)
        #expect(kept.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        #expect(try fx.repo.read { try $0.downloadFiles(jobID: job.id, camera: empty) }.isEmpty)
    }

    /// The same through `vtrack download` against `vtrack-sim --no-track-events`: one sentence,
    /// status 1, no file, the job and camera failed with that sentence, an earlier job's files intact.
    @Test func theCLISaysNoFootageAndWritesNothing() throws {
        let sim = try SimProcess(["--channels", "1", "--no-track-events"])
        let home = VTrackHome()
        try home.addSource(sim)
        let earlier = CLIDownloadTests.yesterday(hour: 12, minutes: 1)
        let first = home.vtrack(["download", "sim", "--from", isoZ(earlier.start), "--to", isoZ(earlier.end)])
        #expect(first.status == 0, "\(first.err)")
        let repo = try home.repository()
        let kept = try repo.read { try $0.downloadFiles(jobID: 1) }
        #expect(!kept.isEmpty)

        let night = CLIDownloadTests.yesterday(hour: 2, minutes: 5) // inside the nightly off-hours
        try #require(CLIDownloadTests.footage(channel: 1, in: night).isEmpty)
        let r = home.vtrack(["download", "sim", "--from", isoZ(night.start), "--to", isoZ(night.end)])
        #expect(r.status == 1)
        let sentences = r.err.split(separator: "\n").filter { $0.hasPrefix("vtrack:") }.map { String($0) }
        #expect(sentences == ["vtrack: " + DownloadError.noFootage.message.en], "\(r.err)")
        let job = try #require(try repo.read { try $0.downloadJob(id: 2) })
        #expect(job.state == .failed && job.reason == DownloadError.noFootage.message)
        let cam = try #require(try repo.read { try $0.downloadCameras(jobID: 2) }.first)
        #expect(cam.state == .failed && cam.reason == DownloadError.noFootage.message && cam.bytes == 0)
        #expect(try repo.read { try $0.downloadFiles(jobID: 2) }.isEmpty)
        // the camera's folder holds the earlier job's files and nothing else
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: cam.folder))
        #expect(names == Set(kept.map { ($0.path as NSString).lastPathComponent }), "\(names)")
        #expect(try repo.read { try $0.downloadJob(id: 1) }?.state == .done)
        #expect(try repo.read { try $0.downloadFiles(jobID: 1) } == kept)
        for f in kept { #expect(((try? FileManager.default.attributesOfItem(atPath: f.path))?[.size] as? Int64) == f.bytes) }
        let vi = home.vtrack(["jobs", "--lang", "vi"])
        #expect(vi.out.contains("2: " + DownloadError.noFootage.message.vi), "\(vi.out)")
    }
}
