import Pictures

/// RGB24 pixels being drawn: filled rectangles, discs and vertical gradients, clipped to the
/// picture. Every fill is memory copies (one pixel doubled along a row, the row copied down),
/// never a loop over pixels, so a scene costs little even in a debug build.
struct SnapshotCanvas {
    typealias Color = (r: UInt8, g: UInt8, b: UInt8)

    let width: Int
    let height: Int
    private(set) var rgb: [UInt8]

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        rgb = [UInt8](repeating: 0, count: self.width * self.height * 3)
    }

    /// The pixels drawn so far.
    var picture: Picture { Picture(width: width, height: height, rgb: rgb) }

    /// Fills `w` x `h` pixels at (`x`, `y`), clipped to the canvas.
    mutating func fill(x: Int, y: Int, w: Int, h: Int, _ color: Color) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x1 > x0, y1 > y0 else { return }
        let run = (x1 - x0) * 3
        let stride = width * 3
        rgb.withUnsafeMutableBytes { buffer in
            let base = buffer.baseAddress!
            // one pixel, doubled along the first row, then that row copied to the others
            let first = base + y0 * stride + x0 * 3
            first.storeBytes(of: color.r, as: UInt8.self)
            (first + 1).storeBytes(of: color.g, as: UInt8.self)
            (first + 2).storeBytes(of: color.b, as: UInt8.self)
            var filled = 3
            while filled < run {
                let n = min(filled, run - filled)
                (first + filled).copyMemory(from: first, byteCount: n)
                filled += n
            }
            for row in (y0 + 1)..<y1 {
                (base + row * stride + x0 * 3).copyMemory(from: first, byteCount: run)
            }
        }
    }

    /// Fills rows `y ..< y + h` with a vertical gradient from `top` to `bottom`.
    mutating func verticalGradient(y: Int, h: Int, from top: Color, to bottom: Color) {
        guard h > 0 else { return }
        for row in 0..<h {
            let t = h == 1 ? 0 : Double(row) / Double(h - 1)
            fill(x: 0, y: y + row, w: width, h: 1, Self.mix(top, bottom, t))
        }
    }

    /// Fills the disc of radius `r` centred on (`cx`, `cy`).
    mutating func disc(cx: Int, cy: Int, r: Int, _ color: Color) {
        guard r > 0 else { return }
        for dy in -r...r {
            let half = Int(Double(r * r - dy * dy).squareRoot())
            fill(x: cx - half, y: cy + dy, w: 2 * half + 1, h: 1, color)
        }
    }

    /// `a` moved towards `b` by `t` (0…1).
    static func mix(_ a: Color, _ b: Color, _ t: Double) -> Color {
        func m(_ x: UInt8, _ y: UInt8) -> UInt8 { UInt8((Double(x) + (Double(y) - Double(x)) * t).rounded()) }
        return (m(a.r, b.r), m(a.g, b.g), m(a.b, b.b))
    }

    /// `c` with every component times `f` (0…1).
    static func scaled(_ c: Color, _ f: Double) -> Color { mix((0, 0, 0), c, f) }
}

extension SnapshotCanvas {
    /// Fills the whole canvas with the window (`x`, `y`, `w`, `h`, in `source` pixels) of
    /// `source`, scaled to the canvas (nearest neighbour).
    mutating func draw(_ source: Picture, window: (x: Double, y: Double, w: Double, h: Double)) {
        guard width > 0, height > 0, source.width > 0, source.height > 0 else { return }
        let sx = window.w / Double(width), sy = window.h / Double(height)
        let columns = (0..<width).map { x in min(source.width - 1, max(0, Int(window.x + (Double(x) + 0.5) * sx))) * 3 }
        let srcStride = source.width * 3
        let (w, h) = (width, height)
        source.rgb.withUnsafeBufferPointer { src in
            rgb.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let row = min(source.height - 1, max(0, Int(window.y + (Double(y) + 0.5) * sy))) * srcStride
                    var o = y * w * 3
                    for c in columns {
                        dst[o] = src[row + c]; dst[o + 1] = src[row + c + 1]; dst[o + 2] = src[row + c + 2]
                        o += 3
                    }
                }
            }
        }
    }
}
