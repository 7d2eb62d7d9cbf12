import Foundation
import Testing
@testable import Pictures

@Suite struct ImageCodecTests {
    @Test func jpegRoundTripKeepsColours() throws {
        let picture = TestPictures.quadrants()
        let jpeg = try JPEGEncoder.encode(picture, quality: 90)
        #expect(ImageKind.sniff(jpeg) == .jpeg)
        #expect(Array(jpeg.suffix(2)) == [0xFF, 0xD9])
        let back = try ImageDecoder.decode(jpeg)
        #expect(back.width == 160 && back.height == 120)
        #expect(TestPictures.near(back.pixel(40, 30), TestPictures.red))
        #expect(TestPictures.near(back.pixel(120, 30), TestPictures.green))
        #expect(TestPictures.near(back.pixel(40, 90), TestPictures.blue))
        #expect(TestPictures.near(back.pixel(120, 90), TestPictures.white))
    }

    @Test(arguments: [(1, 1), (3, 5), (161, 97), (17, 2)])
    func jpegOfOddSizesDecodesToTheSameSize(size: (Int, Int)) throws {
        let picture = Picture(width: size.0, height: size.1, filledWith: (200, 100, 50))
        let back = try ImageDecoder.decode(try JPEGEncoder.encode(picture))
        #expect(back.width == size.0 && back.height == size.1)
        #expect(TestPictures.near(back.pixel(size.0 / 2, size.1 / 2), (200, 100, 50), 16))
    }

    @Test func lowerQualityGivesSmallerFiles() throws {
        let picture = TestPictures.scene(width: 320, height: 240)
        let high = try JPEGEncoder.encode(picture, quality: 95)
        let low = try JPEGEncoder.encode(picture, quality: 20)
        #expect(low.count < high.count)
        // Out-of-range qualities are clamped, not refused.
        _ = try JPEGEncoder.encode(picture, quality: 0)
        _ = try JPEGEncoder.encode(picture, quality: 1000)
    }

    @Test func encodeRefusesAnEmptyPicture() {
        #expect(throws: PictureError.badSize) { try JPEGEncoder.encode(Picture(width: 0, height: 0, rgb: [])) }
    }

    @Test func pngDecodes() throws {
        let png = try TestPictures.fixture("quadrants-64x32.png")
        #expect(ImageKind.sniff(png) == .png)
        let p = try ImageDecoder.decode(png)
        #expect(p.width == 64 && p.height == 32)
        #expect(TestPictures.near(p.pixel(5, 5), (0xE0, 0xE0, 0x20), 4))
        #expect(TestPictures.near(p.pixel(50, 25), (0x20, 0x40, 0xC0), 4))
    }

    @Test func htmlLoginPageIsRefusedWithOneSentence() {
        let html = Array("<html><head><title>Login</title></head><body>Please log in</body></html>".utf8)
        #expect(throws: PictureError.notAPicture) { try ImageDecoder.decode(html) }
        let sentence = PictureError.notAPicture.message
        #expect(sentence.en.hasSuffix(".") && !sentence.en.contains("\n"))
        #expect(sentence.en.contains("login page") && !sentence.vi.isEmpty)
    }

    @Test func emptyBodyIsRefused() {
        #expect(throws: PictureError.empty) { try ImageDecoder.decode([]) }
    }

    @Test(arguments: [0.25, 0.5, 0.9, 0.99])
    func truncatedJPEGGivesASentence(fraction: Double) throws {
        let jpeg = try JPEGEncoder.encode(TestPictures.scene(width: 320, height: 240))
        let cut = Array(jpeg.prefix(Int(Double(jpeg.count) * fraction)))
        #expect(throws: PictureError.damagedPicture) { try ImageDecoder.decode(cut) }
    }

    @Test func truncatedPNGGivesASentence() throws {
        let png = try TestPictures.fixture("quadrants-64x32.png")
        #expect(throws: PictureError.self) { try ImageDecoder.decode(Array(png.prefix(60))) }
        #expect(throws: PictureError.self) { try ImageDecoder.decode(Array(png.prefix(8))) }
    }

    @Test func garbageAfterTheMagicGivesASentence() {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0]
        var x: UInt32 = 12345
        for _ in 0..<4000 { x = x &* 1_103_515_245 &+ 12345; bytes.append(UInt8(truncatingIfNeeded: x >> 16)) }
        #expect(throws: PictureError.self) { try ImageDecoder.decode(bytes) }
    }

    /// A JPEG whose header claims 9000x9000 is refused before anything that size is allocated.
    @Test func hugeJPEGIsRefused() throws {
        var jpeg = try JPEGEncoder.encode(Picture(width: 16, height: 16, filledWith: (1, 2, 3)))
        let sof = try #require((0..<(jpeg.count - 1)).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
        // FF C0, length (2), precision (1), height (2), width (2)
        jpeg[sof + 5] = 0x23; jpeg[sof + 6] = 0x28
        jpeg[sof + 7] = 0x23; jpeg[sof + 8] = 0x28
        #expect(throws: PictureError.self) { try ImageDecoder.decode(jpeg) }
    }

    @Test func decodeToFitScalesInTheSamePass() throws {
        let jpeg = try JPEGEncoder.encode(TestPictures.quadrants(width: 1920, height: 1080))
        #expect(ImageDecoder.lowres(jpeg, fit: (320, 180)) == 2)   // 480x270 still covers 320x180
        #expect(ImageDecoder.lowres(jpeg, fit: (1280, 360)) == 1)  // 640x360 fits; 960x540 covers it
        #expect(ImageDecoder.lowres(jpeg, fit: (1600, 1000)) == 0) // 1600x900: only the full size covers it
        #expect(ImageDecoder.lowres(jpeg, fit: (100, 100)) == 3)
        #expect(ImageDecoder.lowres(Array("<html>".utf8), fit: (10, 10)) == 0)
        let small = try ImageDecoder.decode(jpeg, maxWidth: 320, maxHeight: 320)
        #expect(small.resolution == "320x180")
        #expect(TestPictures.near(small.pixel(80, 45), TestPictures.red))
        #expect(TestPictures.near(small.pixel(240, 135), TestPictures.white))
        let png = try TestPictures.fixture("quadrants-64x32.png")
        #expect(try ImageDecoder.decode(png, maxWidth: 16, maxHeight: 16).resolution == "16x8")
        #expect(try ImageDecoder.decode(png, maxWidth: 100, maxHeight: 100) == ImageDecoder.decode(png))
        #expect(throws: PictureError.badSize) { try ImageDecoder.decode(png, maxWidth: 0, maxHeight: 10) }
        #expect(throws: PictureError.notAPicture) { try ImageDecoder.decode(Array("<html>".utf8), maxWidth: 10, maxHeight: 10) }
    }

    @Test func decodesAtTheSameTimeOnSeveralThreads() async throws {
        let jpeg = try JPEGEncoder.encode(TestPictures.quadrants())
        let expected = try ImageDecoder.decode(jpeg)
        let results = try await withThrowingTaskGroup(of: Picture.self) { group in
            for _ in 0..<8 { group.addTask { try ImageDecoder.decode(JPEGEncoder.encode(TestPictures.quadrants())) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8 && results.allSatisfy { $0 == expected })
    }
}
