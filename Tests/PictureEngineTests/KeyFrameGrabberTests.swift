import Common
import Foundation
import Pictures
import Simulator
import Streaming
import Testing
import TestSupport

/// Streaming's first-key-frame take against the simulator's RTSP server.
@Suite struct KeyFrameGrabberTests {
    /// Channel 1's sub stream is H.264, channel 2's H.265 (the simulator's model).
    private func streamURI(_ s: PictureSim, channel: Int = 1, main: Bool = false) throws -> String {
        let camera = try #require(try s.targets().first { $0.camera.channel == channel }?.camera)
        return try #require(main ? camera.mainStream?.uri : camera.subStream?.uri)
    }

    /// NAL unit types of an Annex-B buffer.
    private func nalTypes(_ annexB: [UInt8], h265: Bool) -> [UInt8] {
        NALUnit.splitAnnexB(annexB).filter { !$0.isEmpty }.map { h265 ? ($0[0] >> 1) & 0x3F : $0[0] & 0x1F }
    }

    @Test func h265SubStreamKeyFrameHasItsParameterSetsAndDecodes() throws {
        let s = try PictureSim()
        let frame = try KeyFrameGrabber.grab(url: try streamURI(s, channel: 2), user: "admin", password: "admin123")
        #expect(frame.codec == .h265)
        #expect(Array(frame.annexB.prefix(4)) == [0, 0, 0, 1])
        let types = nalTypes(frame.annexB, h265: true)
        #expect(Array(types.prefix(3)) == [32, 33, 34]) // VPS, SPS, PPS
        #expect(types.contains { (16...23).contains($0) }) // an IRAP slice
        let picture = try VideoFrameDecoder.decodeKeyFrame(frame.annexB, codec: .h265)
        let sub = s.sim.model.channels[1].sub
        #expect(picture.width == sub.width && picture.height == sub.height)
        // the session was torn down
        #expect(eventually { (s.sim.rtspServer?.statistics.teardowns ?? 0) == 1 })
    }

    @Test func h264SubStream() throws {
        let s = try PictureSim()
        let frame = try KeyFrameGrabber.grab(url: try streamURI(s, channel: 1), user: "admin", password: "admin123")
        #expect(frame.codec == .h264)
        #expect(Array(nalTypes(frame.annexB, h265: false).prefix(2)) == [7, 8])
        let picture = try VideoFrameDecoder.decodeKeyFrame(frame.annexB, codec: .h264)
        #expect(picture.width == 640 && picture.height == 360)
    }

    @Test func mainStreamH264() throws {
        let s = try PictureSim()
        let frame = try KeyFrameGrabber.grab(url: try streamURI(s, main: true), user: "admin", password: "admin123")
        #expect(frame.codec == .h264)
        let types = nalTypes(frame.annexB, h265: false)
        #expect(Array(types.prefix(2)) == [7, 8])
        #expect(types.contains(5))
        let picture = try VideoFrameDecoder.decodeKeyFrame(frame.annexB, codec: .h264)
        #expect(picture.width == s.sim.model.channels[0].main.width)
    }

    @Test func byteCapStopsTheTake() throws {
        let s = try PictureSim()
        let e = #expect(throws: KeyFrameError.self) {
            _ = try KeyFrameGrabber.grab(url: try streamURI(s), user: "admin", password: "admin123",
                                         options: KeyFrameOptions(timeout: 5, maxBytes: 2000))
        }
        #expect(e == .tooLarge(host: "127.0.0.1:\(s.sim.rtspPort)", limitBytes: 2000))
    }

    @Test func streamThatStallsIsTheTimeoutSentence() throws {
        let s = try PictureSim { $0.rtsp.faults.stallAfterBytes = 0 }
        let e = #expect(throws: KeyFrameError.self) {
            _ = try KeyFrameGrabber.grab(url: try streamURI(s), user: "admin", password: "admin123",
                                         options: KeyFrameOptions(timeout: 0.5))
        }
        #expect(e == .timeout(host: "127.0.0.1:\(s.sim.rtspPort)", seconds: 0.5))
    }

    @Test func wrongPasswordIsTheRTSPLoginSentence() throws {
        let s = try PictureSim()
        #expect(throws: StreamingError.authenticationFailed(user: "admin")) {
            _ = try KeyFrameGrabber.grab(url: try streamURI(s), user: "admin", password: "nope")
        }
    }
}
