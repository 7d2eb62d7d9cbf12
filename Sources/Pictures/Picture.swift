/// A decoded picture: 8-bit RGB pixels, row-major, no padding (`rgb.count == width * height * 3`).
/// What every decoder returns and every drawer takes.
public struct Picture: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var rgb: [UInt8]

    public init(width: Int, height: Int, rgb: [UInt8]) {
        precondition(width >= 0 && height >= 0 && rgb.count == width * height * 3, "Picture: pixel count does not match the size")
        self.width = width; self.height = height; self.rgb = rgb
    }

    /// A picture of one colour.
    public init(width: Int, height: Int, filledWith color: (UInt8, UInt8, UInt8)) {
        var px = [UInt8](repeating: 0, count: width * height * 3)
        var i = 0
        while i < px.count { px[i] = color.0; px[i + 1] = color.1; px[i + 2] = color.2; i += 3 }
        self.init(width: width, height: height, rgb: px)
    }

    /// The pixel at (x, y).
    public func pixel(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let i = (y * width + x) * 3
        return (rgb[i], rgb[i + 1], rgb[i + 2])
    }

    /// `640x360`.
    public var resolution: String { "\(width)x\(height)" }
}
