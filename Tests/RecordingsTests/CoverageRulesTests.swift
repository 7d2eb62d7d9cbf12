import Common
import Core
import Foundation
import ONVIF
import Testing

/// Coverage from events and recording times, without a device.
@Suite struct CoverageRulesTests {
    let t0 = UTC.parse("2024-03-01T00:00:00Z")!
    func at(_ h: Double) -> Date { t0.addingTimeInterval(h * 3600) }
    func span(_ a: Double, _ b: Double) -> DateInterval { DateInterval(start: at(a), end: at(b)) }
    var now: Date { at(100) }
    let rec = RecordingInformation(token: "R", sourceToken: "S", earliest: UTC.parse("2024-02-01T00:00:00Z"), latest: nil,
                                   tracks: [RecordingTrack(token: "V", type: .video), RecordingTrack(token: "M", type: .metadata)])
    func ev(_ h: Double, _ present: Bool, track: String = "V", start: Bool = false, recording: String = "R") -> TrackStateEvent {
        TrackStateEvent(recordingToken: recording, trackToken: track, time: at(h), isDataPresent: present, isStartState: start)
    }

    @Test func startStateThenChanges() {
        let events = [ev(0, true, start: true), ev(2, false), ev(5, true), ev(9, false), ev(10, true)]
        let c = CoverageRules.fromTrackStates(events, recording: rec, range: span(0, 12), now: now)
        #expect(c.intervals == [span(0, 2), span(5, 9), span(10, 12)])
        #expect(c.gaps == [span(2, 5), span(9, 10)])
        #expect(c.hours == 8)
        #expect(c.basis == .trackEvents)
    }

    @Test func withoutStartStateAFirstFalseMeansFootageBefore() {
        let c = CoverageRules.fromTrackStates([ev(3, false), ev(4, true)], recording: rec, range: span(1, 6), now: now)
        #expect(c.intervals == [span(1, 3), span(4, 6)])
    }

    @Test func otherTracksAndRecordingsAreIgnored() {
        // metadata is continuous, another recording is always on: neither fills the video gap
        let events = [ev(0, true, start: true), ev(2, false), ev(4, true), ev(0, true, track: "M", start: true),
                      ev(0, true, start: true, recording: "OTHER")]
        let c = CoverageRules.fromTrackStates(events, recording: rec, range: span(0, 6), now: now)
        #expect(c.intervals == [span(0, 2), span(4, 6)])
    }

    @Test func theEndIsClampedToNow() {
        let c = CoverageRules.fromTrackStates([ev(0, true, start: true)], recording: rec, range: span(0, 200), now: now)
        #expect(c.range == span(0, 100))
        #expect(c.intervals == [span(0, 100)])
    }

    @Test func noEventsFallsBackToTheRecordingTimes() {
        var r = rec
        r.earliest = at(3)
        r.latest = at(7)
        let c = CoverageRules.fromTrackStates([], recording: r, range: span(0, 10), now: now)
        #expect(c.basis == .recordingRange)
        #expect(c.intervals == [span(3, 7)])
    }

    @Test func placeholderTimesAreNotBelieved() {
        let placeholder = Date(timeIntervalSince1970: 195)
        let c = CoverageRules.fromRecordingRange(earliest: placeholder, latest: at(50), range: span(10, 20), now: now)
        #expect(c.intervals == [span(10, 20)])
        // a range from 1970 to next year: clamped to now, and the start is the range's, not 50 years of plan
        let wide = CoverageRules.fromRecordingRange(earliest: placeholder, latest: nil, range: DateInterval(start: placeholder, end: at(10_000)), now: now)
        #expect(wide.range.end == now)
        #expect(CoverageRules.plausible(placeholder, now: now) == nil)
        #expect(CoverageRules.plausible(at(1), now: now) == at(1))
        #expect(CoverageRules.plausible(at(1000), now: now) == nil) // the future
        // events win; the placeholder earliest does not move the start state
        var r = rec
        r.earliest = placeholder
        let e = CoverageRules.fromTrackStates([ev(10, false, start: true), ev(12, true)], recording: r, range: span(10, 20), now: now)
        #expect(e.intervals == [span(12, 20)])
    }

    @Test func unknownTrackTypesUseTheVideoNamedTrack() {
        let r = RecordingInformation(token: "R", tracks: [RecordingTrack(token: "videotracktoken_1", type: .unknown),
                                                          RecordingTrack(token: "audiotracktoken_1", type: .unknown)])
        #expect(r.videoTracks.map(\.token) == ["videotracktoken_1"])
    }

    @Test func daysOfACalendar() throws {
        let tz = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh")) // UTC+7, no DST
        // footage 2024-03-01 20:00 to 2024-03-02 05:00 local = 13:00Z to 22:00Z on 2024-03-01
        let c = Coverage(range: span(0, 48), intervals: [span(13, 22)], basis: .trackEvents)
        let days = c.days(in: tz)
        #expect(days.map(\.day) == ["2024-03-01", "2024-03-02", "2024-03-03"])
        #expect(days[0].coveredSeconds == 4 * 3600)
        #expect(days[1].coveredSeconds == 5 * 3600)
        #expect(abs(days[1].fraction - 5.0 / 24) < 1e-9)
        #expect(days[2].coveredSeconds == 0)
    }

    @Test func spans() {
        #expect(TimeSpans.merge([span(5, 6), span(0, 2), span(1, 3), span(3, 4), span(8, 8)]) == [span(0, 4), span(5, 6)])
        #expect(TimeSpans.complement([span(1, 2), span(4, 5)], in: span(0, 6)) == [span(0, 1), span(2, 4), span(5, 6)])
        #expect(TimeSpans.clamp([span(-1, 1), span(5, 9)], to: span(0, 6)) == [span(0, 1), span(5, 6)])
    }

    @Test func matchingBySourceTokenThenName() {
        let cams = [Camera(id: "a", name: "Door", sourceToken: "VS1"), Camera(id: "b", name: "Yard", sourceToken: "VS2"),
                    Camera(id: "c", name: "Gate", sourceToken: "VS3")]
        let recs = [RecordingInformation(token: "R2", sourceToken: "VS2"),
                    RecordingInformation(token: "R9", sourceToken: "SourceId_9", sourceName: "gate"),
                    RecordingInformation(token: "R1", sourceToken: "VS1")]
        let m = RecordingMatcher.match(cameras: cams, recordings: recs)
        #expect(m[0]?.token == "R1")
        #expect(m[1]?.token == "R2")
        #expect(m[2]?.token == "R9")
        #expect(RecordingMatcher.match(cameras: cams, recordings: [RecordingInformation(token: "X", sourceToken: "other")]).isEmpty)
    }
}
