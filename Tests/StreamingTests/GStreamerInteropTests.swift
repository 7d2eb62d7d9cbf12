import Foundation
import Testing
@testable import Streaming

/// Our client against GStreamer's RTSP server (a real third-party peer): live and unpaced,
/// H.264 and H.265. Every file must pass ffprobe and decode without a single error.
@Suite("Interop: GStreamer RTSP server", .serialized,
       .enabled(if: PeerServer.available, Comment(rawValue: PeerServer.unavailableReason ?? "")))
struct GStreamerInteropTests {
    static func record(_ url: String, request: PlayRequest, maxDuration: Double? = nil, into dir: URL) throws -> (StreamSummary, [MP4FileSummary], String) {
        let path = dir.appendingPathComponent("rec.mp4").path
        let sink = MP4RecordingSink(path: path, maxDuration: maxDuration)
        let session = try RTSPSession(url: url)
        let summary = try session.run(request, sink: sink)
        let files = try sink.finish()
        return (summary, files, path)
    }

    static func check(_ path: String, codec: String, width: Int, height: Int, pictures: Int, fps: Double) throws {
        let p = try StreamingSupport.probe(path)
        #expect(p.codec == codec)
        #expect(p.width == width && p.height == height)
        #expect(abs(p.packets - pictures) <= 1, "ffprobe counts \(p.packets) packets, we wrote \(pictures)")
        #expect(abs(p.duration - Double(pictures) / fps) <= 1.0 / fps + 0.001, "duration \(p.duration) for \(pictures) pictures")
        let (ok, err) = StreamingSupport.decodesCleanly(path)
        #expect(ok, "ffmpeg: \(err)")
    }

    @Test(arguments: [("/fast", "h264"), ("/fast265", "hevc")])
    func unpacedFileIsCopiedWhole(mount: String, codec: String) throws {
        let server = try PeerServer()
        defer { server.stop() }
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (summary, files, path) = try Self.record(server.url(mount), request: PlayRequest(rateControl: false), into: dir)
        #expect(summary.endReason == .endOfStream)  // RTCP BYE at the end of the file
        #expect(summary.video.lostPackets == 0 && summary.lostBytes == 0)
        #expect(files.count == 1)
        #expect(files[0].videoSamples == 1500)  // 60 s at 25 fps: every picture that was sent
        try Self.check(path, codec: codec, width: 640, height: 360, pictures: 1500, fps: 25)
    }

    @Test(arguments: [("/live", "h264"), ("/live265", "hevc")])
    func liveStreamForThreeSeconds(mount: String, codec: String) throws {
        let server = try PeerServer()
        defer { server.stop() }
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (summary, files, path) = try Self.record(server.url(mount), request: PlayRequest(), maxDuration: 3, into: dir)
        #expect(summary.endReason == .stoppedBySink)
        #expect(files.count == 1)
        #expect(files[0].videoSamples == 75)
        try Self.check(path, codec: codec, width: 640, height: 360, pictures: files[0].videoSamples, fps: 25)
    }

    @Test func onvifTimestampExtensionGivesWallClock() throws {
        let server = try PeerServer()
        defer { server.stop() }
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, files, path) = try Self.record(server.url("/onvifts"), request: PlayRequest(rateControl: false), maxDuration: 10, into: dir)
        let start = Date(timeIntervalSince1970: 1_752_451_200)  // 2025-07-14T00:00:00Z (the peer's ntp-offset)
        let first = try #require(files[0].firstWallClock)
        #expect(abs(first.timeIntervalSince(start)) < 2, "first picture at \(first)")
        #expect(abs(files[0].endWallClock!.timeIntervalSince(first) - 10) < 0.1)
        try Self.check(path, codec: "h264", width: 640, height: 360, pictures: files[0].videoSamples, fps: 25)
    }

    @Test func replayIsRefusedWith551() throws {
        let server = try PeerServer()
        defer { server.stop() }
        let session = try RTSPSession(url: server.url("/fast"))
        final class Null: MediaSink { func received(_ au: AccessUnit) throws -> SinkDecision { .continue } }
        #expect(throws: StreamingError.replayNotSupported) {
            try session.run(.replay(from: Date(), to: nil), sink: Null())
        }
    }
}
