import Common
import Foundation
import ONVIF
import Simulator
import Store
import Testing
import TestSupport
@testable import Core

/// Downloads through the real device access (`ONVIFRecordingAccess`: Profile G search,
/// GetReplayUri, RTSP replay) rather than a test access, for what only that path can show: the
/// codec the device recorded, and a device clock that is off.
@Suite(.serialized, .requiresMediaTools) struct ONVIFReplayPathTests {
    /// An engine with the default device access (ONVIF Profile G with the vendor fallbacks).
    static func onvifEngine(_ fx: EngineFixture, events: EventLog) -> DownloadEngine {
        DownloadEngine(repository: fx.repo, options: .testing, queue: DispatchQueue(label: "test.events"), onEvent: { events.append($0) })
    }

    /// `minutes` either side of the end of `camera`'s nightly gap yesterday, in the device's time
    /// (the simulator's timelines are stamped by its clock).
    static func aroundNightGapEnd(_ fx: EngineFixture, _ camera: String, minutes: Double) throws -> DateInterval {
        let day = (fx.sim.recordings.deviceNow.timeIntervalSince1970 / 86_400).rounded(.down) - 1
        let night = DateInterval(start: Date(timeIntervalSince1970: day * 86_400 + 3 * 3600), duration: 4 * 3600)
        let end = try #require(try fx.footage(camera, in: night).first { $0.start > night.start }?.start, "no nightly gap end")
        return DateInterval(start: end.addingTimeInterval(-minutes * 60), end: end.addingTimeInterval(minutes * 60))
    }

    /// An NVR recording H.265 cameras: GetReplayUri leads to H.265 footage (even channels), which
    /// is written as H.265 files that ffprobe reads and ffmpeg decodes without an error; the gap
    /// found by the search is respected.
    @Test func h265RecordingsDownloadAsH265ThroughGetReplayUri() throws {
        let fx = try EngineFixture { $0.channels = 2; $0.recordings.recordSubStreams = true }
        let range = try Self.aroundNightGapEnd(fx, "Camera 02", minutes: 8)
        let log = EventLog()
        let engine = Self.onvifEngine(fx, events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, parallel: 2, replaySessions: 2))
        #expect(engine.waitUntilIdle(timeout: 300))
        let summary = try #require(log.summaries.last)
        #expect(summary.state == .done, "\(summary)")
        let planned = try fx.repo.read { try $0.downloadCameras(jobID: job.id) }
        for (camera, codec) in [("Camera 01", "h264"), ("Camera 02", "hevc")] {
            let footage = try fx.footage(camera, in: range)
            let plan = try #require(planned.first { $0.camera == camera })
            #expect(plan.replay?.hasPrefix("onvif:") == true, "\(camera): \(plan.replay ?? "-")")
            // the search found the footage (and the gap) exactly
            #expect(plan.covered?.count == footage.count)
            for (a, b) in zip(plan.covered ?? [], footage) {
                #expect(abs(a.start.timeIntervalSince(b.start)) < 1 && abs(a.end.timeIntervalSince(b.end)) < 1, "\(a) vs \(b)")
            }
            let files = try fx.doneFiles(job.id, camera)
            #expect(!files.isEmpty)
            for f in files { #expect(MediaCheck.probe(f.path)?.codec == codec, "\(f.path)") }
            try EngineTests.checkCoverage(fx, jobID: job.id, camera: camera, covered: footage)
        }
        #expect(try fx.footage("Camera 02", in: range).first.map { $0.start > range.start } == true, "the range holds no gap")
    }

    /// The NVR's clock is an hour ahead (or behind): its recordings are stamped with it. The
    /// requested range is asked in the device's time, the coverage and the files come back in
    /// ours: the same pictures as the device's footage an hour off, named by our clock.
    @Test(arguments: [3600.0, -3600.0])
    func aDeviceClockAnHourOffIsConverted(_ skew: Double) throws {
        let fx = try EngineFixture { $0.channels = 1; $0.clockSkew = skew; $0.recordings.recordSubStreams = true }
        let deviceRange = try Self.aroundNightGapEnd(fx, "Camera 01", minutes: 4)
        let range = deviceRange.shifted(by: -skew)
        let truth = try fx.footage("Camera 01", in: deviceRange).map { $0.shifted(by: -skew) }
        #expect(truth.count == 1 && truth[0].start > range.start, "\(truth)")

        // vtrack recordings: coverage in our time
        let report = try Recordings(repository: fx.repo).report(RecordingsRequest(sourceName: "sim", range: range))
        #expect(abs(report.clockOffset - skew) < 2, "offset \(report.clockOffset)")
        let cov = try #require(report.cameras.first?.coverage)
        #expect(cov.intervals.count == truth.count, "\(cov.intervals) vs \(truth)")
        for (a, b) in zip(cov.intervals, truth) {
            #expect(abs(a.start.timeIntervalSince(b.start)) < 2 && abs(a.end.timeIntervalSince(b.end)) < 2, "\(a) vs \(b)")
        }

        // vtrack download: the footage, with files named by our clock
        let log = EventLog()
        let engine = Self.onvifEngine(fx, events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range))
        #expect(engine.waitUntilIdle(timeout: 300))
        let summary = try #require(log.summaries.last)
        #expect(summary.state == .done, "\(summary)")
        // the offset is measured to about half a second (the device tells whole seconds): the
        // edges that are the range's own may move by that much
        try EngineTests.checkCoverage(fx, jobID: job.id, camera: "Camera 01", covered: truth, slackGOPs: 1)
    }

    /// Without Profile G, a vendor playback URL (Hikvision's, which plays past its end) carries
    /// the device's times too: an NVR an hour ahead still gives the footage of the range asked in
    /// our time, stopped at its end by the client.
    @Test func aVendorPlaybackURLCarriesTheDeviceTime() throws {
        let skew = 3600.0
        let fx = try EngineFixture { $0.channels = 1; $0.clockSkew = skew; $0.profileG = false; $0.vendor = .hikvision }
        let deviceRange = try Self.aroundNightGapEnd(fx, "Camera 01", minutes: 2)
        let range = deviceRange.shifted(by: -skew)
        let truth = try fx.footage("Camera 01", in: deviceRange).map { $0.shifted(by: -skew) }
        #expect(truth.count == 1 && truth[0].start > range.start, "\(truth)")
        let log = EventLog()
        let engine = Self.onvifEngine(fx, events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range))
        #expect(engine.waitUntilIdle(timeout: 300))
        let summary = try #require(log.summaries.last)
        #expect(summary.state == .done, "\(summary)")
        #expect(try fx.repo.read { try $0.downloadCameras(jobID: job.id) }.first?.replay == "fallback:hikvision")
        try EngineTests.checkCoverage(fx, jobID: job.id, camera: "Camera 01", covered: truth, fps: 25, slackGOPs: 1)
    }
}
