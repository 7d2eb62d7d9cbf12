import Common
import Core
import Foundation
import ONVIF
import Simulator
import Streaming
import Testing

/// Replay of the simulator's recordings through its RTSP server, with the RTSP client of
/// `Streaming`: ONVIF replay skips the timeline's gaps; vendor playback URLs play from their
/// start time, Hikvision's past endtime and Dahua's not.
@Suite struct ReplayThroughRTSPTests {
    /// Keeps every access unit (small streams only), stopping after `limit`.
    final class Units: MediaSink {
        var units: [AccessUnit] = []
        let limit: Int?
        init(limit: Int? = nil) { self.limit = limit }
        func received(_ au: AccessUnit) throws -> SinkDecision {
            units.append(au)
            return limit.map { units.count >= $0 } == true ? .stop : .continue
        }
    }

    /// A gap of channel 1 between 2 and 45 minutes long (an outage), at least a day ago.
    func shortGap(_ rec: SimRecordings.Recording) throws -> (before: DateInterval, gap: DateInterval, after: DateInterval) {
        let pieces = rec.footage(in: DateInterval(start: rec.timeline.start, end: Date().addingTimeInterval(-86_400)))
        for i in 0..<(pieces.count - 1) {
            let gap = DateInterval(start: pieces[i].end, end: pieces[i + 1].start)
            if gap.duration <= 2700, pieces[i].duration > 60, pieces[i + 1].duration > 60 { return (pieces[i], gap, pieces[i + 1]) }
        }
        throw PlainError(vi: "không có khoảng trống ngắn", en: "no short gap in the timeline")
    }

    @Test func onvifReplaySkipsTheGapsOfTheTimeline() throws {
        // find a seed whose channel 1 has an outage in the last days
        let f = try ProfileGSim { $0.days = 6; $0.channels = 1; $0.seed = 3 }
        let rec = try #require(f.sim.recordings.recordings.first)
        let (_, gap, _) = try shortGap(rec)
        let client = f.client()
        let uri = try client.replayURI(recordingToken: rec.token)
        let from = gap.start.addingTimeInterval(-4), to = gap.end.addingTimeInterval(4)
        let sink = Units()
        let summary = try RTSPSession(url: uri, user: "admin", password: "admin123").run(.replay(from: from, to: to), sink: sink)
        #expect(summary.endReason == .endOfRange)
        let times = sink.units.compactMap(\.wallClock)
        #expect(times.count == sink.units.count)
        #expect(!times.contains { $0 >= gap.start && $0 < gap.end }) // nothing from inside the gap
        let flagged = sink.units.filter(\.discontinuity)
        #expect(flagged.count == 1)
        let resumed = try #require(flagged.first)
        #expect(resumed.isKeyframe)
        #expect(resumed.wallClock! >= gap.end && resumed.wallClock! < gap.end.addingTimeInterval(2.01)) // the first keyframe after the gap
        #expect(times.contains { $0 < gap.start } && times.contains { $0 >= gap.end })
    }

    /// A whole-second instant in the middle of a long piece of channel `n`'s footage, a day ago or more.
    func inFootage(_ f: ProfileGSim, vendorChannel n: Int) throws -> Date {
        let rec = try #require(f.sim.recordings.recording(vendorChannel: n))
        let piece = try #require(rec.footage(in: DateInterval(start: rec.timeline.start, end: Date().addingTimeInterval(-86_400)))
            .first { $0.duration > 3600 })
        return Date(timeIntervalSince1970: ((piece.start.timeIntervalSince1970 + 600) / 2).rounded(.down) * 2)
    }

    @Test func hikvisionPlaybackDoesNotStopAtEndtime() throws {
        let f = try ProfileGSim { $0.profileG = false; $0.vendor = .hikvision; $0.channels = 2 }
        let start = try inFootage(f, vendorChannel: 2)
        let url = PlaybackURL.hikvision(PlaybackRequest(host: "127.0.0.1", port: f.sim.rtspPort, channel: 2, start: start, end: start + 4))
        let sink = Units(limit: 250) // 10 s at 25 fps: far past the 4 s asked for
        let summary = try RTSPSession(url: url, user: "admin", password: "admin123").run(PlayRequest(rateControl: false), sink: sink)
        #expect(summary.endReason == .stoppedBySink)
        #expect(sink.units.count == 250)
        #expect(sink.units.first?.wallClock == start)
        #expect(sink.units.last!.wallClock! > start + 9)
    }

    @Test func dahuaPlaybackStopsAtEndtime() throws {
        let f = try ProfileGSim { $0.vendor = .dahua; $0.channels = 3 }
        let start = try inFootage(f, vendorChannel: 3)
        let url = PlaybackURL.dahua(PlaybackRequest(host: "127.0.0.1", port: f.sim.rtspPort, channel: 3, start: start, end: start + 4))
        let sink = Units()
        let summary = try RTSPSession(url: url, user: "admin", password: "admin123").run(PlayRequest(rateControl: false), sink: sink)
        #expect(summary.endReason == .endOfRange)
        #expect(sink.units.count == 100)
        #expect(sink.units.first?.wallClock == start)
        #expect(sink.units.last!.wallClock! < start + 4)
    }

    @Test func withoutProfileGOnvifReplayIsRefusedWith551() throws {
        let f = try ProfileGSim { $0.profileG = false }
        let token = f.sim.model.channels[0].recordingToken
        let start = Date().addingTimeInterval(-3600)
        #expect(throws: StreamingError.replayNotSupported) {
            try RTSPSession(url: "rtsp://127.0.0.1:\(f.sim.rtspPort)/replay/\(token)", user: "admin", password: "admin123")
                .run(.replay(from: start, to: start + 4), sink: Units())
        }
        #expect(thrown { _ = try f.client().replayURI(recordingToken: token) } as? RecordingsError == .noProfileG(missing: ["Replay"]))
    }
}
