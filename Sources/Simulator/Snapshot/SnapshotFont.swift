/// A 5x7 bitmap font for the snapshot's digits and clock (`0`–`9`, `:`, space), drawn scaled up
/// with filled squares. A test double's hand-made font: nothing here is read back by a client,
/// the digits are only there for a person looking at the picture.
enum SnapshotFont {
    static let glyphWidth = 5
    static let glyphHeight = 7
    /// Columns between glyphs.
    static let spacing = 1

    /// Each glyph's seven rows, most significant of the low five bits on the left.
    private static let glyphs: [Character: [UInt8]] = [
        "0": [0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110],
        "1": [0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110],
        "2": [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111],
        "3": [0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110],
        "4": [0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010],
        "5": [0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110],
        "6": [0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110],
        "7": [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000],
        "8": [0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110],
        "9": [0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100],
        ":": [0b00000, 0b01100, 0b01100, 0b00000, 0b01100, 0b01100, 0b00000],
        " ": [0, 0, 0, 0, 0, 0, 0],
    ]

    /// Width in pixels of `text` drawn at `scale` (no trailing spacing).
    static func width(of text: String, scale: Int) -> Int {
        let n = text.count
        return n == 0 ? 0 : (n * (glyphWidth + spacing) - spacing) * scale
    }

    /// Height in pixels of a line at `scale`.
    static func height(scale: Int) -> Int { glyphHeight * scale }

    /// Draws `text` with its top-left corner at (`x`, `y`); unknown characters are left blank.
    static func draw(_ text: String, on canvas: inout SnapshotCanvas, x: Int, y: Int, scale: Int, _ color: SnapshotCanvas.Color) {
        var left = x
        for ch in text {
            if let rows = glyphs[ch] {
                for (r, bits) in rows.enumerated() {
                    // one fill per run of set bits in the row
                    var c = 0
                    while c < glyphWidth {
                        guard bits & (1 << (glyphWidth - 1 - c)) != 0 else { c += 1; continue }
                        var end = c
                        while end < glyphWidth, bits & (1 << (glyphWidth - 1 - end)) != 0 { end += 1 }
                        canvas.fill(x: left + c * scale, y: y + r * scale, w: (end - c) * scale, h: scale, color)
                        c = end
                    }
                }
            }
            left += (glyphWidth + spacing) * scale
        }
    }
}
