import Common
import Core
import Foundation
import ONVIF
import Simulator
import Testing

/// Coverage built from the simulator's FindEvents answers equals the simulator's own timeline.
@Suite struct CoverageThroughSimulatorTests {
    @Test func trackStateGapsMatchTheTimelineExactly() throws {
        let f = try ProfileGSim { $0.channels = 3; $0.days = 4; $0.seed = 7 }
        let client = f.client()
        let range = DateInterval(start: secondsAgo(3 * 86_400 + 1234), end: secondsAgo(3600))
        let recordings = try client.findRecordings()
        let events = try client.findTrackStates(in: range, options: SearchOptions(pageSize: 50))
        let now = Date()
        for r in recordings {
            let coverage = CoverageRules.fromTrackStates(events, recording: r, range: range, now: now)
            let truth = try #require(f.sim.recordings.recording(token: r.token)).footage(in: range, now: now)
            #expect(coverage.basis == .trackEvents)
            #expect(coverage.intervals == truth)
            // three days always hold nightly off-hours: at least 3 gaps
            #expect(coverage.gaps.count >= 3)
            #expect(coverage.seconds + TimeSpans.seconds(coverage.gaps) == range.duration)
        }
        #expect(f.searchesEnded == f.searchesStarted)
    }

    @Test func aRangeThatStartsInsideAGapAndEndsInsideFootageIsExact() throws {
        let f = try ProfileGSim { $0.channels = 1; $0.days = 3 }
        let rec = try #require(f.sim.recordings.recordings.first)
        let whole = DateInterval(start: rec.timeline.start, end: secondsAgo(60))
        let pieces = rec.footage(in: whole)
        try #require(pieces.count >= 3)
        // from the middle of the first gap to the middle of the third piece
        let gapMiddle = pieces[0].end.addingTimeInterval(pieces[1].start.timeIntervalSince(pieces[0].end) / 2).timeIntervalSince1970.rounded(.down)
        let pieceMiddle = (pieces[2].start.timeIntervalSince1970 + pieces[2].duration / 2).rounded(.down)
        let range = DateInterval(start: Date(timeIntervalSince1970: gapMiddle), end: Date(timeIntervalSince1970: pieceMiddle))
        let client = f.client()
        let info = try #require(try client.findRecordings().first)
        let events = try client.findTrackStates(in: range)
        let coverage = CoverageRules.fromTrackStates(events, recording: info, range: range, now: Date())
        #expect(coverage.intervals == rec.footage(in: range))
        #expect(coverage.intervals.first?.start == pieces[1].start)
        #expect(coverage.intervals.last?.end == range.end)
        #expect(events.contains { $0.isStartState && !$0.isDataPresent && $0.trackToken == "VIDEO001" })
    }

    @Test func placeholderTimesAreReportedAndClamped() throws {
        let f = try ProfileGSim { $0.recordings.placeholderTimes = true; $0.days = 3 }
        let client = f.client()
        let summary = try client.recordingSummary()
        #expect(summary.dataFrom == SimRecordings.placeholderStart)
        #expect(summary.numberOfRecordings == 4)
        let info = try #require(try client.findRecordings().first)
        #expect(info.earliest == SimRecordings.placeholderStart)
        #expect(try client.recordingInformation(token: info.token).tracks.first?.dataFrom == SimRecordings.placeholderStart)

        let range = DateInterval(start: secondsAgo(2 * 86_400), end: secondsAgo(600))
        // only the recording's times: one interval, inside the range, never from 1970
        let byRange = CoverageRules.fromRecordingRange(earliest: info.earliest, latest: info.latest, range: range, now: Date())
        #expect(byRange.intervals == [range])
        #expect(byRange.basis == .recordingRange)
        // a range asked from 1970 is still no 50-year plan: it ends now and starts where the range does
        let wide = DateInterval(start: SimRecordings.placeholderStart, end: Date().addingTimeInterval(86_400 * 365))
        let huge = CoverageRules.fromRecordingRange(earliest: info.earliest, latest: info.latest, range: wide, now: Date())
        #expect(huge.range.end <= Date())
        // with events, the placeholder does not matter: the truth again
        let events = try client.findTrackStates(in: range)
        let byEvents = CoverageRules.fromTrackStates(events, recording: info, range: range, now: Date())
        #expect(byEvents.intervals == f.sim.recordings.recording(token: info.token)!.footage(in: range))
    }

    @Test func recordingsAreFoundWithoutGetServicesThroughTheCapabilitiesExtension() throws {
        let f = try ProfileGSim { $0.noGetServices = true }
        let client = f.client()
        let map = try client.services()
        #expect(!map.fromGetServices)
        #expect(map.offers(.search) && map.offers(.replay) && map.offers(.recording))
        #expect(try client.findRecordings().count == 4)
        #expect(try client.recordings().count == 4)
        let uri = try client.replayURI(recordingToken: f.sim.model.channels[0].recordingToken)
        #expect(uri.hasPrefix("rtsp://127.0.0.1:"))
    }

    @Test func recordingsAreFoundOnAMedia2OnlyDevice() throws {
        let f = try ProfileGSim { $0.media2Only = true }
        let client = f.client()
        #expect(try client.findRecordings().count == 4)
        let cameras = try client.probe().cameras
        let recordings = try client.findRecordings()
        let matched = RecordingMatcher.match(cameras: cameras, recordings: recordings)
        #expect(matched.count == 4)
        for (i, r) in matched { #expect(r.sourceToken == cameras[i].sourceToken) }
    }
}
