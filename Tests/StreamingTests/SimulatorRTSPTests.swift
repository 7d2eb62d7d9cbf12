import Foundation
import Logging
import Simulator
import Synchronization
import Testing
import TestSupport
@testable import Streaming

/// Our client against the simulator's RTSP server (and the server against ffmpeg): live and
/// replay, H.264 and H.265, headers, limits, auth variants.
@Suite("Simulator RTSP: streams and files", .serialized)
struct SimulatorRTSPTests {
    static func recordLive(_ sim: SimRTSP, _ path: String, seconds: Double, dir: URL) throws -> (StreamSummary, MP4FileSummary, String) {
        let file = dir.appendingPathComponent("live.mp4").path
        let sink = MP4RecordingSink(path: file, maxDuration: seconds)
        let s = try RTSPSession(url: sim.url(path)).run(PlayRequest(), sink: sink)
        return (s, try sink.finish()[0], file)
    }

    @Test(.enabled(if: MediaCheck.available), arguments: [("/live/ch01/main", "h264", 1920, 1080, 25.0), ("/live/ch02/sub", "hevc", 640, 360, 15.0),
                                                            ("/live/ch01/sub", "h264", 640, 360, 15.0)])
    func liveStreamsBecomeCleanFiles(path: String, codec: String, width: Int, height: Int, fps: Double) throws {
        let sim = try SimRTSP()
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (summary, file, p) = try Self.recordLive(sim, path, seconds: 2, dir: dir)
        #expect(summary.endReason == .stoppedBySink)
        #expect(file.videoSamples == Int(2 * fps))
        #expect(file.firstWallClock != nil)  // from the RTCP sender report (live has no 0xABAC)
        try GStreamerInteropTests.check(p, codec: codec, width: width, height: height, pictures: file.videoSamples, fps: fps)
    }

    @Test(.enabled(if: MediaCheck.available), arguments: [("", "h264", 1920, 1080, 25), ("/sub", "hevc", 640, 360, 15)])
    func unpacedReplayOfAMinuteEndsWithTheTFlag(query: String, codec: String, width: Int, height: Int, fps: Int) throws {
        let sim = try SimRTSP()
        let token = sim.model.channels[1].recordingToken
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let start = alignedReplayStart()
        let file = dir.appendingPathComponent("replay.mp4").path
        let sink = MP4RecordingSink(path: file)
        let summary = try RTSPSession(url: sim.url("/replay/\(token)\(query)")).run(.replay(from: start, to: start + 60), sink: sink)
        let f = try sink.finish()[0]
        #expect(summary.endReason == .endOfRange)
        #expect(f.videoSamples == 60 * fps)
        #expect(f.firstWallClock.map { abs($0.timeIntervalSince(start)) < 0.001 } == true)
        #expect(f.endWallClock.map { abs($0.timeIntervalSince(start + 60)) < 0.001 } == true)
        try GStreamerInteropTests.check(file, codec: codec, width: width, height: height, pictures: f.videoSamples, fps: Double(fps))
    }

    @Test func replayStartsAtTheKeyframeAtOrBeforeTheRequestedStart() throws {
        let sim = try SimRTSP()
        let start = alignedReplayStart().addingTimeInterval(1.3)  // GOP is 2 s: keyframe 1.3 s earlier
        let sink = CollectingSink(limit: 3)
        try RTSPSession(url: sim.url("/replay/\(sim.model.channels[0].recordingToken)")).run(.replay(from: start, to: start + 10), sink: sink)
        let first = try #require(sink.units.first)
        #expect(first.isKeyframe)
        #expect(abs(first.wallClock!.timeIntervalSince(start - 1.3)) < 0.001)
    }

    @Test func replayOverAGapMarksDiscontinuityAndEnds() throws {
        struct Gappy: FootageTimeline {
            let a: DateInterval, b: DateInterval
            func span(recordingToken: String) -> DateInterval? { DateInterval(start: a.start, end: b.end) }
            func footage(recordingToken: String, from: Date, to: Date) -> [DateInterval] {
                [a, b].compactMap { i in
                    let s = max(i.start, from), e = min(i.end, to)
                    return s < e ? DateInterval(start: s, end: e) : nil
                }
            }
        }
        let t0 = alignedReplayStart()
        let footage = Gappy(a: DateInterval(start: t0, end: t0 + 4), b: DateInterval(start: t0 + 60, end: t0 + 64))
        let sim = try SimRTSP(footage: footage)
        let sink = CollectingSink()
        let s = try RTSPSession(url: sim.url("/replay/\(sim.model.channels[0].recordingToken)")).run(.replay(from: t0, to: t0 + 64), sink: sink)
        #expect(s.endReason == .endOfRange)
        #expect(sink.units.count == 200)
        #expect(sink.units.filter(\.discontinuity).count == 1)
        #expect(sink.units[100].discontinuity && sink.units[100].isKeyframe)
        #expect(abs(sink.units[100].wallClock!.timeIntervalSince(t0 + 60)) < 0.001)
        #expect(sink.units.last!.isLastInRange)
    }

    @Test func headersGoOnlyWhereTheyBelong() throws {
        let sim = try SimRTSP()
        let start = alignedReplayStart()
        let sink = CollectingSink()
        try RTSPSession(url: sim.url("/replay/\(sim.model.channels[0].recordingToken)")).run(
            PlayRequest(onvifReplay: true, range: .clock(start: start, end: start + 2), rateControl: false, scale: 1), sink: sink)
        let log = sim.server.statistics.requestLog
        let require = Set(log.filter { $0.contains(" Require: onvif-replay") }.map { String($0.split(separator: " ")[0]) })
        #expect(require == ["DESCRIBE", "SETUP", "PLAY"])
        for header in ["Range", "Rate-Control", "Scale"] {
            let methods = Set(log.filter { $0.contains(" \(header): ") }.map { String($0.split(separator: " ")[0]) })
            #expect(methods == ["PLAY"], "\(header) sent on \(methods)")
        }
        #expect(log.contains("PLAY Rate-Control: no"))
        #expect(log.contains { $0.hasPrefix("PLAY Range: clock=") && $0.hasSuffix("Z") })
        #expect(!log.contains { $0.contains("Session:") && $0.contains(";") })  // F7: the id only
        #expect(eventually { sim.server.statistics.teardowns == 1 })
    }

    /// `Rate-Control: no` sends a replay as fast as the socket takes it; otherwise it is paced at
    /// `Scale` × real time. Checked through the server's record of each PLAY and, for pacing, by a
    /// lower bound only (picture k never leaves before k / (fps × scale) s), which no slow machine can break.
    @Test func pacingFollowsRateControlAndScale() throws {
        let sim = try SimRTSP()
        let url = sim.url("/replay/\(sim.model.channels[0].recordingToken)/sub")  // 15 fps
        let start = alignedReplayStart()
        func run(_ request: PlayRequest) throws -> (pictures: [AccessUnit], seconds: Double, play: RTSPServer.Play?) {
            let sink = CollectingSink()
            let t0 = Date()
            let s = try RTSPSession(url: url).run(request, sink: sink)
            #expect(s.endReason == .endOfRange)
            return (sink.units, Date().timeIntervalSince(t0), sim.server.statistics.plays.last)
        }
        // unpaced: the server's choice is recorded, Scale plays no part
        let fast = try run(.replay(from: start, to: start + 60))
        #expect(fast.play == RTSPServer.Play(path: "/replay/\(sim.model.channels[0].recordingToken)/sub", paced: false, scale: 1))
        #expect(fast.pictures.count == 900)

        // paced at real time: 30 pictures over 2 s of recording take at least 29/15 s
        let real = try run(.replay(from: start, to: start + 2, unpaced: false))
        #expect(real.play?.paced == true && real.play?.scale == 1)
        #expect(real.pictures.count == 30)
        #expect(real.seconds >= 29.0 / 15 - 0.01, "paced replay took only \(real.seconds) s")

        // Scale 4: 8 s of recording (120 pictures) paced at 4× real time, at least 119/60 s;
        // the pictures still carry the recording's own wall-clock times
        let quick = try run(PlayRequest(onvifReplay: true, range: .clock(start: start, end: start + 8), scale: 4))
        #expect(quick.play?.paced == true && quick.play?.scale == 4)
        #expect(quick.pictures.count == 120)
        #expect(quick.seconds >= 119.0 / 60 - 0.01, "Scale 4 replay took only \(quick.seconds) s")
        let span = try #require(quick.pictures.last?.wallClock).timeIntervalSince(try #require(quick.pictures.first?.wallClock))
        #expect(abs(span - 119.0 / 15) < 0.001)
        #expect(sim.server.statistics.requestLog.contains("PLAY Scale: 4.0") || sim.server.statistics.requestLog.contains("PLAY Scale: 4"))

        // live streams cannot run ahead of the camera: always paced
        let live = CollectingSink(limit: 3)
        _ = try RTSPSession(url: sim.url("/live/ch01/sub")).run(PlayRequest(rateControl: false), sink: live)
        #expect(sim.server.statistics.plays.last == RTSPServer.Play(path: "/live/ch01/sub", paced: true, scale: 1))
    }

    /// The simulator's SDP carries the clip's own parameter sets (sprop-parameter-sets, sprop-vps/sps/pps)
    /// and, for replay, `a=x-onvif-track`.
    @Test func sdpCarriesTheClipsParameterSetsAndTheONVIFTrack() throws {
        let sim = try SimRTSP()
        let cases: [(String, Bool, String)] = [
            ("/replay/\(sim.model.channels[0].recordingToken)", true, "main_1080p25.h264"),
            ("/replay/\(sim.model.channels[1].recordingToken)/sub", true, "sub_360p15.h265"),
            ("/live/ch01/sub", false, "sub_360p15.h264"),
        ]
        for (path, replay, asset) in cases {
            let client = try RTSPClient(url: try #require(RTSPURL(sim.url(path))))
            defer { client.close() }
            let video = try #require(try client.describe(requireReplay: replay).video, "\(path)")
            let clip = try StreamingSupport.stream(asset)
            #expect(video.codec == clip.codec, "\(path)")
            #expect(video.parameterSets == clip.parameterSets, "\(path)")
            #expect(video.onvifTrack == (replay ? "VIDEO001" : nil), "\(path)")
        }
    }

    @Test func replayIsRefusedWithoutProfileG() throws {
        let sim = try SimRTSP { $0.profileG = false }
        let start = alignedReplayStart()
        #expect(throws: StreamingError.replayNotSupported) {
            try RTSPSession(url: sim.url("/replay/\(sim.model.channels[0].recordingToken)")).run(.replay(from: start, to: start + 2), sink: CollectingSink())
        }
    }

    @Test func concurrentReplayLimitGives453() throws {
        let sim = try SimRTSP { $0.rtsp.replayLimit = 1 }
        let token = sim.model.channels[0].recordingToken
        let start = alignedReplayStart()
        let first = try RTSPClient(url: RTSPURL(sim.url("/replay/\(token)"))!)
        let sdp = try first.describe(requireReplay: true)
        _ = try first.setup(sdp.video!, channel: 0, requireReplay: true)
        #expect(throws: StreamingError.tooManySessions) {
            try RTSPSession(url: sim.url("/replay/\(token)")).run(.replay(from: start, to: start + 2), sink: CollectingSink())
        }
        first.teardown(first.aggregateURL(sdp))
        // the slot is free again once the first session is torn down
        #expect(eventually(timeout: 10) {
            (try? RTSPSession(url: sim.url("/replay/\(token)")).run(.replay(from: start, to: start + 2), sink: CollectingSink())) != nil
        })
        #expect(sim.server.statistics.refusedForLimit >= 1)
    }

    @Test(.enabled(if: MediaCheck.available))
    func ffmpegReadsTheSimulatorStreams() throws {
        let sim = try SimRTSP()
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (path, codec) in [("/live/ch01/main", "h264"), ("/live/ch02/sub", "hevc")] {
            let out = dir.appendingPathComponent("ff-\(codec).mp4").path
            let r = Spawn.run(try #require(Tools.find("ffmpeg")), ["-nostdin", "-v", "error", "-rtsp_transport", "tcp", "-i", sim.url(path),
                                                                     "-t", "2", "-c", "copy", "-y", out])
            #expect(r.status == 0, "ffmpeg: \(r.err)")
            let p = try StreamingSupport.probe(out)
            #expect(p.codec == codec && p.packets >= 20)
        }
    }
}

@Suite("Simulator RTSP: PAUSE and format changes", .serialized)
struct SimulatorRTSPMoreTests {
    final class StopAfter: MediaSink {
        var units: [AccessUnit] = []
        var stopAt: Int
        init(_ n: Int) { stopAt = n }
        func received(_ au: AccessUnit) throws -> SinkDecision {
            units.append(au)
            return units.count >= stopAt ? .stop : .continue
        }
    }

    @Test func pauseIsAnsweredMidStream() throws {
        let sim = try SimRTSP()
        let start = alignedReplayStart()
        let client = try RTSPClient(url: RTSPURL(sim.url("/replay/\(sim.model.channels[0].recordingToken)"))!)
        let sdp = try client.describe(requireReplay: true)
        let ch = try client.setup(sdp.video!, channel: 0, requireReplay: true)
        let sink = StopAfter(30)
        let pipeline = MediaPipeline(channels: .init(videoRTP: ch.rtp, videoRTCP: ch.rtcp), video: H264Depacketizer(parameterSets: sdp.video!.parameterSets),
                                     audio: nil, sink: sink)
        let agg = client.aggregateURL(sdp)
        try client.play(agg, .replay(from: start, to: start + 20, unpaced: false))
        try client.receive(into: pipeline)
        #expect(sink.units.count == 30)
        let paused = try client.pause(agg)
        #expect(paused.status == 200)
        let ping = try client.getParameter(agg)
        #expect(ping.status == 200)
        #expect(sim.server.statistics.requests["PAUSE"] == 1)
        client.teardown(agg)
        #expect(eventually { sim.server.statistics.teardowns == 1 })
    }

    @Test func aNewResolutionStartsANewFile() throws {
        // pictures of the 360p asset, then of the 1080p asset, through the recording sink
        let small = try MP4WriterTests.accessUnits("sub_360p15.h264", count: 30, fps: 15)
        var big = try MP4WriterTests.accessUnits("main_1080p25.h264", count: 50, fps: 25)
        for i in big.indices { big[i].timestamp = small.last!.timestamp + 6000 + Int64(i) * 3600 }
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sink = MP4RecordingSink(path: dir.appendingPathComponent("cam.mp4").path)
        for au in small + big { _ = try sink.received(au) }
        let files = try sink.finish()
        #expect(files.map { ($0.path as NSString).lastPathComponent } == ["cam.mp4", "cam-2.mp4"])
        #expect(files.map(\.videoSamples) == [30, 50])
        if MediaCheck.available {
            #expect(try StreamingSupport.probe(files[1].path).width == 1920)
        }
    }
}

@Suite struct G711Tests {
    @Test func g711AudioIsDroppedWithALogNote() throws {
        let sim = try SimRTSP { $0.rtsp.g711Audio = true }
        let box = LogBox()
        let sink = CollectingSink(limit: 5)
        let s = try RTSPSession(url: sim.url("/live/ch01/sub"), logger: box.logger).run(PlayRequest(), sink: sink)
        #expect(s.endReason == .stoppedBySink && s.audioFrames == 0)
        #expect(sim.server.statistics.requests["SETUP"] == 1)  // the audio track was not set up
        #expect(box.messages.withLock { $0 }.contains { $0.hasPrefix("info G.711 audio (PCMU) is not recorded") })
    }
}
