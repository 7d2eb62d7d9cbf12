import Foundation
import Testing
import TestSupport
@testable import Streaming

@Suite("AAC audio", .enabled(if: MediaCheck.available, "ffmpeg is not installed"))
struct AACTests {
    /// AAC frames (ADTS headers removed) of a 10 s sine made by ffmpeg.
    static func aacFrames() throws -> [[UInt8]] {
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.aac").path
        let r = Spawn.run(try #require(Tools.find("ffmpeg")), ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000",
                                                                 "-t", "10", "-c:a", "aac", "-ac", "1", "-f", "adts", path])
        #expect(r.status == 0)
        let b = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var frames: [[UInt8]] = []
        var i = 0
        while i + 7 <= b.count, b[i] == 0xFF, b[i + 1] & 0xF0 == 0xF0 {
            let len = Int(b[i + 3] & 0x03) << 11 | Int(b[i + 4]) << 3 | Int(b[i + 5]) >> 5
            let header = b[i + 1] & 0x01 == 1 ? 7 : 9
            frames.append(Array(b[(i + header)..<(i + len)]))
            i += len
        }
        return frames
    }

    @Test func aacFromRTPIsMuxedNextToVideo() throws {
        let frames = try Self.aacFrames()
        #expect(frames.count > 150)
        let media = SessionDescription("m=audio 0 RTP/AVP 97\na=rtpmap:97 MPEG4-GENERIC/16000/1\na=fmtp:97 streamtype=5; profile-level-id=15; mode=AAC-hbr; config=1408; SizeLength=13; IndexLength=3; IndexDeltaLength=3\n").aacAudio!
        let depacketizer = try #require(AACDepacketizer(media: media))
        // RFC 3640 packets: two frames per packet
        var pk = RTPPacketizer(codec: .h264, payloadType: 97)
        var got: [AudioFrame] = []
        for k in stride(from: 0, to: frames.count - 1, by: 2) {
            var payload: [UInt8] = [0, 32]
            payload.appendU16(UInt16(frames[k].count) << 3)
            payload.appendU16(UInt16(frames[k + 1].count) << 3)
            payload += frames[k] + frames[k + 1]
            let packet = pk.packet(payload, timestamp: UInt32(k * 1024), marker: true, ext: nil)
            packet.withUnsafeBytes { raw in depacketizer.push(RTPPacket(raw)!) { got.append($0) } }
        }
        #expect(got.count == frames.count / 2 * 2)
        #expect(got[3].data == frames[3] && got[3].timestamp == 3 * 1024)

        // 10 s of video with the audio interleaved
        let video = try MP4WriterTests.accessUnits("sub_360p15.h264", count: 150, fps: 15)
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("av.mp4").path
        let w = try MP4FragmentWriter(path: path, video: try #require(VideoTrackFormat(codec: .h264, parameterSets: video[0].parameterSets)),
                                      audio: depacketizer.format)
        var a = 0
        for (i, au) in video.enumerated() {
            try w.append(au)
            while a < got.count && Double(got[a].timestamp) / 16000 <= Double(i + 1) / 15 { w.append(audio: got[a]); a += 1 }
        }
        try w.finish()
        let r = Spawn.run(try #require(Tools.find("ffprobe")), ["-v", "error", "-select_streams", "a:0", "-count_packets", "-show_entries",
                                                                  "stream=codec_name,sample_rate,nb_read_packets", "-of", "csv=p=0", path])
        #expect(r.out.trimmingCharacters(in: .whitespacesAndNewlines) == "aac,16000,\(a)")
        let (ok, err) = StreamingSupport.decodesCleanly(path)
        #expect(ok, "ffmpeg: \(err)")
    }
}
