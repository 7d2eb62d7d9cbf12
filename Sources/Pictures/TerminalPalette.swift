/// The colours of indexed terminals, as cells carry them: xterm's 6x6x6 cube and grey ramp
/// (indices 16…255) and the 16 ANSI colours (as chafa draws them). A backend turns a cell's RGB
/// back into the index to send; colours from `CellRenderer` in `.indexed256` / `.indexed16` map
/// back exactly.
public enum TerminalPalette {
    static let cubeLevels: [Int] = [0, 0x5F, 0x87, 0xAF, 0xD7, 0xFF]

    /// The 16 ANSI colours, index 0…15.
    public static let ansi16: [RGB] = [
        RGB(0x00, 0x00, 0x00), RGB(0x80, 0x00, 0x00), RGB(0x00, 0x70, 0x00), RGB(0x70, 0x70, 0x00),
        RGB(0x00, 0x00, 0x70), RGB(0x70, 0x00, 0x70), RGB(0x00, 0x70, 0x70), RGB(0xC0, 0xC0, 0xC0),
        RGB(0x40, 0x40, 0x40), RGB(0xFF, 0x00, 0x00), RGB(0x00, 0xFF, 0x00), RGB(0xFF, 0xFF, 0x00),
        RGB(0x00, 0x00, 0xFF), RGB(0xFF, 0x00, 0xFF), RGB(0x00, 0xFF, 0xFF), RGB(0xFF, 0xFF, 0xFF),
    ]

    /// The colour of xterm index 16…255 (the cube and the grey ramp); nil outside.
    public static func color256(_ index: Int) -> RGB? {
        switch index {
        case 16...231:
            let i = index - 16
            return RGB(UInt8(cubeLevels[i / 36]), UInt8(cubeLevels[(i / 6) % 6]), UInt8(cubeLevels[i % 6]))
        case 232...255:
            let v = UInt8(8 + 10 * (index - 232))
            return RGB(v, v, v)
        default:
            return nil
        }
    }

    /// The nearest xterm index 16…255 (never the 16 colours a terminal theme changes).
    public static func index256(_ c: RGB) -> Int {
        func level(_ v: UInt8) -> Int {
            let v = Int(v)
            return v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40
        }
        let cube = 16 + 36 * level(c.r) + 6 * level(c.g) + level(c.b)
        let average = (Int(c.r) + Int(c.g) + Int(c.b)) / 3
        let grey = 232 + min(23, max(0, (average - 3) / 10))
        return distance(color256(grey)!, c) < distance(color256(cube)!, c) ? grey : cube
    }

    /// The nearest of the 16 ANSI colours, 0…15.
    public static func index16(_ c: RGB) -> Int {
        var best = 0, bestDistance = Int.max
        for (i, p) in ansi16.enumerated() {
            let d = distance(p, c)
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }

    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
        return dr * dr + dg * dg + db * db
    }
}
