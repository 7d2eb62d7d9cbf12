import Foundation
import Testing
@testable import Pictures

/// The fixtures are five pictures (I P P P P) of flat quadrants, made with
/// `ffmpeg -f lavfi -i "color=c=0x2040c0:size=320x240:rate=5,drawbox=…"` and libx264/libx265
/// (one slice per picture, no B-frames, Annex-B).
@Suite struct VideoFrameDecoderTests {
    static let yellow: (UInt8, UInt8, UInt8) = (0xE0, 0xE0, 0x20)
    static let blue: (UInt8, UInt8, UInt8) = (0x20, 0x40, 0xC0)
    static let green: (UInt8, UInt8, UInt8) = (0x20, 0xC0, 0x40)

    static func checkQuadrants(_ p: Picture) {
        #expect(p.width == 320 && p.height == 240)
        #expect(TestPictures.near(p.pixel(60, 60), yellow, 16))
        #expect(TestPictures.near(p.pixel(260, 60), blue, 16))
        #expect(TestPictures.near(p.pixel(240, 180), green, 16))
    }

    @Test(arguments: [(VideoCodecKind.h264, "quadrants-320x240.h264"), (.h265, "quadrants-320x240.h265")])
    func keyFrameDecodes(codec: VideoCodecKind, file: String) throws {
        let units = TestPictures.accessUnits(try TestPictures.fixture(file), codec: codec)
        #expect(units.count == 5)
        let picture = try VideoFrameDecoder.decodeKeyFrame(try #require(units.first), codec: codec)
        Self.checkQuadrants(picture)
    }

    /// Live view: each access unit gives its picture at once (low delay), not one call later.
    @Test(arguments: [(VideoCodecKind.h264, "quadrants-320x240.h264"), (.h265, "quadrants-320x240.h265")])
    func liveDecodeGivesEachPictureAtOnce(codec: VideoCodecKind, file: String) throws {
        let decoder = try VideoFrameDecoder(codec: codec)
        #expect(decoder.codec == codec)
        let units = TestPictures.accessUnits(try TestPictures.fixture(file), codec: codec)
        for unit in units {
            let picture = try #require(try decoder.decode(accessUnit: unit))
            Self.checkQuadrants(picture)
        }
        #expect(try decoder.flush() == nil)
    }

    @Test func predictedPicturesBeforeTheKeyFrameGiveNothingYet() throws {
        let units = TestPictures.accessUnits(try TestPictures.fixture("quadrants-320x240.h264"), codec: .h264)
        let decoder = try VideoFrameDecoder(codec: .h264)
        #expect(try decoder.decode(accessUnit: units[2]) == nil)
        #expect(try decoder.decode(accessUnit: units[3]) == nil)
        #expect(try decoder.decode(accessUnit: []) == nil)
        Self.checkQuadrants(try #require(try decoder.decode(accessUnit: units[0])))
        Self.checkQuadrants(try #require(try decoder.decode(accessUnit: units[1])))
    }

    @Test func garbageOrAHalfKeyFrameGivesASentence() throws {
        #expect(throws: PictureError.self) { try VideoFrameDecoder.decodeKeyFrame(Array("<html>".utf8), codec: .h264) }
        #expect(throws: PictureError.empty) { try VideoFrameDecoder.decodeKeyFrame([], codec: .h265) }
        let key = TestPictures.accessUnits(try TestPictures.fixture("quadrants-320x240.h264"), codec: .h264)[0]
        // Parameter sets only (the slice cut off): nothing to show.
        let sps = Array(key.prefix(30))
        #expect(throws: PictureError.self) { try VideoFrameDecoder.decodeKeyFrame(sps, codec: .h264) }
        // An H.264 key frame is not H.265.
        #expect(throws: PictureError.self) { try VideoFrameDecoder.decodeKeyFrame(key, codec: .h265) }
    }

    @Test func simulatorSubStreamKeyFrameDecodes() throws {
        let asset = TestPictures.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Simulator/RTSP/Assets/sub_360p15.h264")
        let units = TestPictures.accessUnits([UInt8](try Data(contentsOf: asset)), codec: .h264)
        let picture = try VideoFrameDecoder.decodeKeyFrame(try #require(units.first), codec: .h264)
        #expect(picture.resolution == "640x360")
    }
}
