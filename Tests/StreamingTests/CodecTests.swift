import Foundation
import Testing
@testable import Streaming

@Suite("SPS parsing and elementary streams")
struct CodecTests {
    @Test(arguments: [("main_1080p25.h264", 1920, 1080, 100), ("sub_360p15.h264", 640, 360, 60), ("sub_360p15.h265", 640, 360, 60)])
    func assetSizesComeFromTheSPSWithCropping(name: String, width: Int, height: Int, pictures: Int) throws {
        let s = try StreamingSupport.stream(name)
        let f = try #require(VideoTrackFormat(codec: s.codec, parameterSets: s.parameterSets))
        #expect(f.width == width)
        #expect(f.height == height)
        #expect(s.pictures.count == pictures)
        #expect(s.pictures[0].isKeyframe)
        #expect(s.pictures.filter(\.isKeyframe).count == 2)
    }

    @Test func annexBSplitToleratesThreeAndFourByteStartCodesAndNone() {
        #expect(NALUnit.splitAnnexB([0, 0, 0, 1, 0x67, 1, 0, 0, 1, 0x68, 2]) == [[0x67, 1], [0x68, 2]])
        #expect(NALUnit.splitAnnexB([0x67, 1, 2]) == [[0x67, 1, 2]])
    }

    @Test func emulationPreventionIsRemoved() {
        #expect(NALUnit.rbsp([1, 0, 0, 3, 1, 0, 0, 3, 0, 0, 3]) == [1, 0, 0, 1, 0, 0, 0, 0])
    }

    @Test func cameraSizesFromRealSPS() throws {
        // x264 Baseline 1280x720 (no cropping) and x265 1920x1080 (conformance window of 8 lines)
        let sps720: [UInt8] = [0x67, 0x42, 0xC0, 0x1F, 0xD9, 0x00, 0x50, 0x05, 0xBB, 0x01, 0x10, 0x00, 0x00, 0x03, 0x00, 0x10,
                               0x00, 0x00, 0x03, 0x03, 0x20, 0xF1, 0x83, 0x24, 0x80]
        let s = try #require(H264SPS(nal: sps720))
        #expect(s.width == 1280 && s.height == 720 && s.profileIDC == 66)
        let sps1080: [UInt8] = [0x42, 0x01, 0x01, 0x01, 0x60, 0x00, 0x00, 0x03, 0x00, 0x90, 0x00, 0x00, 0x03, 0x00, 0x00, 0x03,
                                0x00, 0x78, 0xA0, 0x03, 0xC0, 0x80, 0x10, 0xE5, 0x96, 0x56, 0x69, 0x24, 0xCA, 0xF0, 0x16, 0x80,
                                0x80, 0x00, 0x00, 0x03, 0x00, 0x80, 0x00, 0x00, 0x0C, 0x84]
        let h = try #require(H265SPS(nal: sps1080))
        #expect(h.width == 1920 && h.height == 1080)
        #expect(h.generalProfileIDC == 1 && h.generalLevelIDC == 120)
    }
}
