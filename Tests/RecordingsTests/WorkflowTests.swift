import Common
import Core
import Foundation
import ONVIF
import Simulator
import Store
import Testing

/// The Recordings workflow from a saved source: password from the encrypted store, cameras by
/// name, coverage and replay URI per camera, or the fallback.
@Suite struct WorkflowTests {
    @Test func coverageAndReplayURIPerNamedCamera() throws {
        let f = try ProfileGSim { $0.days = 3 }
        let box = try StoreSandbox()
        try box.save(f)
        let range = DateInterval(start: secondsAgo(2 * 86_400), end: secondsAgo(300))
        let report = try Recordings(repository: box.repository)
            .report(RecordingsRequest(sourceName: "nvr_localhost", range: range, cameras: ["camera 02", "Camera 04"]))
        #expect(report.profileG)
        #expect(report.playback == .onvifReplay)
        #expect(!report.noRecordings)
        #expect(report.cameras.map(\.key) == ["Camera 02", "Camera 04"] || report.cameras.map(\.key) == ["Camera 04", "Camera 02"])
        for c in report.cameras {
            let ch = try #require(f.sim.model.channel(sourceToken: c.camera.sourceToken))
            #expect(c.recording?.token == ch.recordingToken)
            #expect(c.replayURI == "rtsp://127.0.0.1:\(f.sim.rtspPort)/replay/\(ch.recordingToken)")
            #expect(c.coverage.intervals == f.sim.recordings.recording(token: ch.recordingToken)!.footage(in: range))
            #expect(c.coverage.basis == .trackEvents)
            #expect(c.fallbackURL == nil)
        }
        #expect(f.sim.stats.count("EndSearch") == f.sim.stats.count("FindRecordings") + f.sim.stats.count("FindEvents"))
        #expect(f.sim.openSearchSessions == 0)
    }

    /// A device without track-state events: coverage falls back to the recording's first and
    /// last times (FindRecordings' RecordingInformation), clamped to the range and to now; the
    /// searches are still ended.
    @Test func withoutTrackEventsTheRecordingTimesAreTheCoverage() throws {
        let f = try ProfileGSim { $0.days = 2; $0.recordings.noTrackEvents = true }
        let box = try StoreSandbox()
        try box.save(f)
        let start = try #require(f.sim.recordings.recordings.first?.timeline.start)
        // from a day before the recordings begin until 5 minutes ago
        let range = DateInterval(start: start.addingTimeInterval(-86_400), end: secondsAgo(300))
        let report = try Recordings(repository: box.repository)
            .report(RecordingsRequest(sourceName: "nvr_localhost", range: range, cameras: ["Camera 01"]))
        let c = try #require(report.cameras.first)
        #expect(c.coverage.basis == .recordingRange)
        #expect(c.coverage.intervals == [DateInterval(start: start, end: range.end)])
        #expect(c.coverage.gaps == [DateInterval(start: range.start, end: start)])
        #expect(f.sim.stats.count("FindEvents") >= 1)
        #expect(f.sim.stats.count("EndSearch") == f.sim.stats.count("FindRecordings") + f.sim.stats.count("FindEvents"))
    }

    @Test func theSelectionIsTheDefault() throws {
        let f = try ProfileGSim()
        let box = try StoreSandbox()
        try box.save(f, select: .names(["Camera 03"]))
        let report = try Recordings(repository: box.repository)
            .report(RecordingsRequest(sourceName: "nvr_localhost", range: DateInterval(start: secondsAgo(7200), end: Date())))
        #expect(report.cameras.map(\.key) == ["Camera 03"])
    }

    @Test func unknownCamerasAndEmptyRangesAreNamed() throws {
        let f = try ProfileGSim()
        let box = try StoreSandbox()
        try box.save(f)
        let w = Recordings(repository: box.repository)
        let range = DateInterval(start: secondsAgo(7200), end: Date())
        let e = thrown { _ = try w.report(RecordingsRequest(sourceName: "nvr_localhost", range: range, cameras: ["Kitchen"])) }
        guard case RecordingsRequestError.unknownCameras(let names, let known)? = e else {
            Issue.record("expected unknownCameras, got \(String(describing: e))")
            return
        }
        #expect(names == ["Kitchen"])
        #expect(known.contains("Camera 01"))
        let future = DateInterval(start: Date().addingTimeInterval(3600), end: Date().addingTimeInterval(7200))
        #expect(thrown { _ = try w.report(RecordingsRequest(sourceName: "nvr_localhost", range: future)) } is RecordingsRequestError)
        #expect(thrown { _ = try w.report(RecordingsRequest(sourceName: "nope", range: range)) } is Store.StoreError)
    }

    @Test func zeroRecordingsIsAReportWithAHint() throws {
        let f = try ProfileGSim { $0.recordings.zeroRecordings = true }
        let box = try StoreSandbox()
        try box.save(f)
        let report = try Recordings(repository: box.repository)
            .report(RecordingsRequest(sourceName: "nvr_localhost", range: DateInterval(start: secondsAgo(7200), end: Date())))
        #expect(report.noRecordings)
        #expect(report.playback == .none)
        #expect(report.cameras.count == 4)
        #expect(report.cameras.allSatisfy { $0.coverage.basis == .none && $0.coverage.intervals.isEmpty && $0.replayURI == nil })
        let note = try #require(report.note)
        #expect(note.en.contains("lists no recordings over ONVIF") && note.en.contains("playback URL template"))
        #expect(note.vi.contains("không liệt kê bản ghi"))
        // a Hikvision NVR without ONVIF recordings: the vendor URLs are offered instead
        let h = try ProfileGSim { $0.recordings.zeroRecordings = true; $0.vendor = .hikvision }
        try box.save(h, name: "hik")
        let hr = try Recordings(repository: box.repository)
            .report(RecordingsRequest(sourceName: "hik", range: DateInterval(start: secondsAgo(7200), end: secondsAgo(60))))
        #expect(hr.noRecordings)
        #expect(hr.playback == .fallback(PlaybackFallback(kind: .vendor(.hikvision), host: "127.0.0.1")))
        #expect(hr.cameras.allSatisfy { $0.fallbackURL?.contains("/Streaming/tracks/") == true })
    }

    @Test func noProfileGWithoutFallbackIsTheSentence() throws {
        let f = try ProfileGSim { $0.profileG = false }
        let box = try StoreSandbox()
        try box.save(f)
        let e = thrown {
            _ = try Recordings(repository: box.repository)
                .report(RecordingsRequest(sourceName: "nvr_localhost", range: DateInterval(start: secondsAgo(7200), end: Date())))
        }
        #expect(e as? RecordingsError == .noProfileG(missing: ["Search", "Replay"]))
    }

    @Test func noProfileGOnADahuaUsesItsPlaybackURLs() throws {
        let f = try ProfileGSim { $0.profileG = false; $0.vendor = .dahua }
        let box = try StoreSandbox()
        try box.save(f)
        let range = DateInterval(start: UTC.parse("2024-01-15T08:00:00Z")!, end: UTC.parse("2024-01-15T09:00:00Z")!)
        let report = try Recordings(repository: box.repository).report(RecordingsRequest(sourceName: "nvr_localhost", range: range))
        #expect(!report.profileG)
        guard case .fallback(let fb) = report.playback else {
            Issue.record("expected the Dahua fallback")
            return
        }
        #expect(fb.name == "dahua")
        for c in report.cameras {
            #expect(c.coverage.basis == .unknown)
            #expect(c.coverage.intervals == [range])
            let url = try #require(c.fallbackURL)
            #expect(url == "rtsp://127.0.0.1:\(f.sim.rtspPort)/cam/playback?channel=\(c.camera.channel)&subtype=0&starttime=2024_01_15_08_00_00&endtime=2024_01_15_09_00_00")
            #expect(!url.contains("admin"))
        }
        #expect(report.note?.en.contains("dahua-style playback URLs") == true)
        // a user template saved on the source wins
        try PlaybackFallback.save(template: "/rec/{channel:2}?from={start:unix}", sourceName: "nvr_localhost", repository: box.repository)
        let again = try Recordings(repository: box.repository).report(RecordingsRequest(sourceName: "nvr_localhost", range: range, cameras: ["Camera 01"]))
        #expect(again.cameras.first?.fallbackURL?.contains("/rec/") == true)
        #expect(try box.repository.requireSource(named: "nvr_localhost").config.extras[PlaybackFallback.configKey] != nil)
    }

    @Test func aSourceWithoutASavedPasswordSaysSo() throws {
        let f = try ProfileGSim()
        let box = try StoreSandbox()
        try box.save(f, password: nil)
        let e = thrown {
            _ = try Recordings(repository: box.repository)
                .report(RecordingsRequest(sourceName: "nvr_localhost", range: DateInterval(start: secondsAgo(7200), end: Date())))
        }
        #expect(e as? StoreError == .noPassword(source: "nvr_localhost"))
        #expect(f.sim.stats.failedLogins == 0) // the device was never asked with an empty password
    }
}
