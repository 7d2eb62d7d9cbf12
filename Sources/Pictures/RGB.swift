/// A 24-bit colour.
public struct RGB: Sendable, Equatable, Hashable {
    public var r, g, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }

    /// From chafa's packed 0xRRGGBB; nil for a negative value (no colour, transparent).
    init?(packed: Int32) {
        guard packed >= 0 else { return nil }
        self.init(UInt8((packed >> 16) & 0xFF), UInt8((packed >> 8) & 0xFF), UInt8(packed & 0xFF))
    }
}
