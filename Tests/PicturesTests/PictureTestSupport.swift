import Foundation
import Testing
@testable import Pictures

/// Test pictures, fixtures and comparisons shared by the Pictures suites.
enum TestPictures {
    static let fixtures = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    static let red = (UInt8(220), UInt8(30), UInt8(30))
    static let green = (UInt8(30), UInt8(200), UInt8(60))
    static let blue = (UInt8(30), UInt8(60), UInt8(220))
    static let white = (UInt8(240), UInt8(240), UInt8(240))

    /// Four flat quadrants: red, green (top), blue, white (bottom).
    static func quadrants(width: Int = 160, height: Int = 120) -> Picture {
        var px = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let c = y < height / 2 ? (x < width / 2 ? red : green) : (x < width / 2 ? blue : white)
                let i = (y * width + x) * 3
                px[i] = c.0; px[i + 1] = c.1; px[i + 2] = c.2
            }
        }
        return Picture(width: width, height: height, rgb: px)
    }

    /// A smooth picture with detail (gradients and a disc), like a camera's scene.
    static func scene(width: Int, height: Int, seed: Int = 0) -> Picture {
        var px = [UInt8](repeating: 0, count: width * height * 3)
        let cx = Double(width) * (0.3 + 0.1 * Double(seed % 5)), cy = Double(height) * 0.5
        let radius = Double(min(width, height)) / 4
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 3
                let dx = Double(x) - cx, dy = Double(y) - cy
                if dx * dx + dy * dy < radius * radius {
                    px[i] = 250; px[i + 1] = 200; px[i + 2] = UInt8((seed * 40) % 256)
                } else {
                    px[i] = UInt8(x * 255 / max(1, width - 1))
                    px[i + 1] = UInt8(y * 255 / max(1, height - 1))
                    px[i + 2] = UInt8((x + y + seed * 30) % 256)
                }
            }
        }
        return Picture(width: width, height: height, rgb: px)
    }

    /// Whether `c` is within `tolerance` of `want` in every channel.
    static func near(_ c: (r: UInt8, g: UInt8, b: UInt8), _ want: (UInt8, UInt8, UInt8), _ tolerance: Int = 12) -> Bool {
        abs(Int(c.r) - Int(want.0)) <= tolerance && abs(Int(c.g) - Int(want.1)) <= tolerance
            && abs(Int(c.b) - Int(want.2)) <= tolerance
    }

    static func near(_ c: RGB?, _ want: (UInt8, UInt8, UInt8), _ tolerance: Int = 12) -> Bool {
        guard let c else { return false }
        return near((c.r, c.g, c.b), want, tolerance)
    }

    /// Annex-B data cut into access units: NAL units up to and including each picture's slice
    /// (the fixtures have one slice per picture).
    static func accessUnits(_ data: [UInt8], codec: VideoCodecKind) -> [[UInt8]] {
        var starts: [Int] = []
        var i = 0
        while i + 3 <= data.count {
            if data[i] == 0, data[i + 1] == 0, data[i + 2] == 1 {
                starts.append(i > 0 && data[i - 1] == 0 ? i - 1 : i)
                i += 3
            } else {
                i += 1
            }
        }
        var units: [[UInt8]] = [], current: [UInt8] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : data.count
            let nal = Array(data[start..<end])
            current += nal
            let header = nal[nal[2] == 1 ? 3 : 4]
            let isSlice = codec == .h264 ? [1, 5].contains(header & 0x1F) : (header >> 1) & 0x3F < 32
            if isSlice { units.append(current); current = [] }
        }
        return units
    }
}
