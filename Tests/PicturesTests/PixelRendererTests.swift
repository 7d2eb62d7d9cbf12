import Foundation
import Testing
@testable import Pictures

@Suite struct PixelRendererTests {
    @Test func sixelDecodesBackToThePicture() throws {
        // 4:3 in 20x10 cells of 10x20 pixels (200x200 px): 200x150 px → 20 columns x 8 rows (7.5).
        let out = PixelRenderer.sixel(TestPictures.quadrants(), columns: 20, rows: 10)
        #expect(out.hasPrefix("\u{1B}P"))
        #expect(out.hasSuffix("\u{1B}\\"))
        let image = try #require(SixelImage(out))
        let g = CellGeometry.fit(pictureWidth: 160, pictureHeight: 120, columns: 20, rows: 10, cellWidth: 10, cellHeight: 20)
        #expect(g.columns == 20 && g.rows == 8)
        #expect(image.width == 200)
        // 150 px, padded to whole sixel bands (6 px) and at most whole cells (8 rows of 20 px).
        #expect(image.height >= 150 && image.height <= 160, "\(image.width)x\(image.height)")
        #expect(TestPictures.near(image.pixel(50, 40), TestPictures.red, 24))
        #expect(TestPictures.near(image.pixel(150, 40), TestPictures.green, 24))
        #expect(TestPictures.near(image.pixel(50, 110), TestPictures.blue, 24))
        #expect(TestPictures.near(image.pixel(150, 110), TestPictures.white, 24))
    }

    @Test func kittyDecodesBackToThePicture() throws {
        let out = PixelRenderer.kitty(TestPictures.quadrants(), columns: 20, rows: 10, cellWidth: 8, cellHeight: 16)
        let image = try #require(KittyImage(out))
        // 4:3 in cells of 8x16: 20 columns → 160x120 px = 7.5 rows → 8 rows (160x128 canvas).
        #expect(image.width == 160)
        #expect(image.height >= 120 && image.height <= 128, "\(image.width)x\(image.height)")
        #expect(image.keys["c"] == "20" && image.keys["r"] == "8")
        #expect(image.keys["a"] == "T")
        #expect(TestPictures.near(image.pixel(40, 30), TestPictures.red, 8))
        #expect(TestPictures.near(image.pixel(120, 30), TestPictures.green, 8))
        #expect(TestPictures.near(image.pixel(40, 90), TestPictures.blue, 8))
        #expect(TestPictures.near(image.pixel(120, 90), TestPictures.white, 8))
    }

    /// A small picture in a big area goes at about its own size; kitty scales it to the cells.
    @Test func kittySendsNoMorePixelsThanThePictureHas() throws {
        let image = try #require(KittyImage(PixelRenderer.kitty(TestPictures.quadrants(), columns: 160, rows: 45)))
        #expect(image.keys["c"] == "120" && image.keys["r"] == "45")
        #expect(image.width <= 170 && image.height <= 140, "\(image.width)x\(image.height)")
        #expect(TestPictures.near(image.pixel(image.width / 4, image.height / 4), TestPictures.red, 8))
    }

    @Test func emptyInputGivesNothing() {
        let empty = Picture(width: 0, height: 0, rgb: [])
        #expect(PixelRenderer.sixel(empty, columns: 10, rows: 10) == "")
        #expect(PixelRenderer.kitty(TestPictures.quadrants(), columns: 0, rows: 10) == "")
        #expect(PixelRenderer.sixel(TestPictures.quadrants(), columns: 10, rows: 10, cellWidth: 0, cellHeight: 20) == "")
    }
}

/// A sixel image read back (test only): raster attributes, colour registers (RGB percent),
/// sixel bands with repeats.
struct SixelImage {
    var width = 0, height = 0
    var pixels: [RGB?] = []

    func pixel(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let c = pixels[y * width + x] ?? RGB(0, 0, 0)
        return (c.r, c.g, c.b)
    }

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard let q = bytes.firstIndex(of: UInt8(ascii: "q")), bytes.starts(with: [0x1B, UInt8(ascii: "P")]) else { return nil }
        var i = q + 1
        var palette: [Int: RGB] = [:], colour = 0, x = 0, band = 0
        func number() -> Int {
            var n = 0
            while i < bytes.count, (48...57).contains(bytes[i]) { n = n * 10 + Int(bytes[i] - 48); i += 1 }
            return n
        }
        func numbers() -> [Int] {
            var out = [number()]
            while i < bytes.count, bytes[i] == UInt8(ascii: ";") { i += 1; out.append(number()) }
            return out
        }
        func put(_ bits: UInt8, count: Int) {
            for dx in 0..<count {
                for bit in 0..<6 where bits & (1 << bit) != 0 {
                    let px = x + dx, py = band * 6 + bit
                    if px < width, py < height { pixels[py * width + px] = palette[colour] }
                }
            }
            x += count
        }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                let n = numbers()
                guard n.count >= 4 else { return nil }
                width = n[2]; height = n[3]
                pixels = Array(repeating: nil, count: width * height)
            case UInt8(ascii: "#"):
                i += 1
                let n = numbers()
                if n.count >= 5, n[1] == 2 {
                    palette[n[0]] = RGB(UInt8(n[2] * 255 / 100), UInt8(n[3] * 255 / 100), UInt8(n[4] * 255 / 100))
                }
                colour = n[0]
            case UInt8(ascii: "!"):
                i += 1
                let n = number()
                guard i < bytes.count else { return nil }
                put(bytes[i] - 63, count: n); i += 1
            case UInt8(ascii: "$"): x = 0; i += 1
            case UInt8(ascii: "-"): x = 0; band += 1; i += 1
            case 63...126: put(b - 63, count: 1); i += 1
            case 0x1B:
                if width == 0 { return nil }
                return
            default: i += 1
            }
        }
        return nil
    }
}

/// A kitty graphics image read back (test only): the APC G chunks' keys and concatenated
/// base64 payload, as raw RGB/RGBA (f=24/32) or PNG (f=100).
struct KittyImage {
    var keys: [String: String] = [:]
    var width = 0, height = 0
    var rgb: [UInt8] = []

    func pixel(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let i = (y * width + x) * 3
        return (rgb[i], rgb[i + 1], rgb[i + 2])
    }

    init?(_ text: String) {
        var bytes: [UInt8] = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}_G") {
            guard let end = rest[start.upperBound...].range(of: "\u{1B}\\") else { return nil }
            let chunk = rest[start.upperBound..<end.lowerBound]
            let parts = chunk.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
            for kv in parts[0].split(separator: ",") {
                let pair = kv.split(separator: "=", maxSplits: 1)
                if pair.count == 2, keys[String(pair[0])] == nil { keys[String(pair[0])] = String(pair[1]) }
            }
            // Each chunk is base64 on its own (kitty decodes chunk by chunk).
            if parts.count == 2, !parts[1].isEmpty {
                guard let data = Data(base64Encoded: String(parts[1])) else { return nil }
                bytes += data
            }
            rest = rest[end.upperBound...]
        }
        switch keys["f"] {
        case "100":
            guard let p = try? ImageDecoder.decode(bytes) else { return nil }
            width = p.width; height = p.height; rgb = p.rgb
        case "24", "32":
            guard let w = keys["s"].flatMap({ Int($0) }), let h = keys["v"].flatMap({ Int($0) }) else { return nil }
            let n = keys["f"] == "32" ? 4 : 3
            guard bytes.count == w * h * n else { return nil }
            width = w; height = h
            rgb.reserveCapacity(w * h * 3)
            for p in 0..<(w * h) {
                let o: Int = p * n
                rgb.append(bytes[o]); rgb.append(bytes[o + 1]); rgb.append(bytes[o + 2])
            }
        default:
            return nil
        }
    }
}
