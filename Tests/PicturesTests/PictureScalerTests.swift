import Testing
@testable import Pictures

@Suite struct PictureScalerTests {
    @Test func scaleDownKeepsTheQuadrants() throws {
        let small = try PictureScaler.scale(TestPictures.quadrants(width: 1920, height: 1080), width: 320, height: 180)
        #expect(small.width == 320 && small.height == 180 && small.rgb.count == 320 * 180 * 3)
        #expect(TestPictures.near(small.pixel(80, 45), TestPictures.red, 2))
        #expect(TestPictures.near(small.pixel(240, 45), TestPictures.green, 2))
        #expect(TestPictures.near(small.pixel(80, 135), TestPictures.blue, 2))
        #expect(TestPictures.near(small.pixel(240, 135), TestPictures.white, 2))
    }

    @Test func scaleUpAndToOddSizes() throws {
        let p = TestPictures.quadrants(width: 8, height: 6)
        let big = try PictureScaler.scale(p, width: 101, height: 77)
        #expect(big.resolution == "101x77")
        #expect(TestPictures.near(big.pixel(5, 5), TestPictures.red, 4))
        let one = try PictureScaler.scale(p, width: 1, height: 1)
        #expect(one.resolution == "1x1")
    }

    @Test func sameSizeIsUnchanged() throws {
        let p = TestPictures.scene(width: 33, height: 17)
        #expect(try PictureScaler.scale(p, width: 33, height: 17) == p)
    }

    @Test func fitKeepsTheAspect() throws {
        let p = TestPictures.quadrants(width: 1920, height: 1080)
        #expect(try PictureScaler.fit(p, maxWidth: 320, maxHeight: 320).resolution == "320x180")
        #expect(try PictureScaler.fit(p, maxWidth: 1000, maxHeight: 90).resolution == "160x90")
        let small = TestPictures.quadrants(width: 100, height: 50)
        #expect(try PictureScaler.fit(small, maxWidth: 200, maxHeight: 200) == small)
        #expect(try PictureScaler.fit(TestPictures.quadrants(width: 4000, height: 2), maxWidth: 100, maxHeight: 100).resolution == "100x1")
    }

    @Test func badSizesAreRefused() {
        let p = TestPictures.quadrants(width: 8, height: 8)
        #expect(throws: PictureError.badSize) { try PictureScaler.scale(p, width: 0, height: 10) }
        #expect(throws: PictureError.badSize) { try PictureScaler.scale(p, width: 9000, height: 10) }
        #expect(throws: PictureError.badSize) { try PictureScaler.scale(Picture(width: 0, height: 0, rgb: []), width: 4, height: 4) }
        #expect(throws: PictureError.badSize) { try PictureScaler.fit(p, maxWidth: -1, maxHeight: 10) }
    }
}
