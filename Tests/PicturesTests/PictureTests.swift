import Testing
@testable import Pictures

@Suite struct PictureBasicsTests {
    @Test func sniffTellsPicturesFromLoginPages() {
        #expect(ImageKind.sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]) == .jpeg)
        #expect(ImageKind.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == .png)
        #expect(ImageKind.sniff(Array("<html><body>Login".utf8)) == nil)
        #expect(ImageKind.sniff([UInt8]()) == nil)
    }

    @Test func filledPictureHasItsColour() {
        let p = Picture(width: 4, height: 2, filledWith: (10, 20, 30))
        #expect(p.rgb.count == 24)
        #expect(p.pixel(3, 1) == (10, 20, 30))
    }
}
