/// Maps 24-bit theme colours to the colours a terminal has (xterm-256, 16 or 8), since
/// `can_change_color()` is usually false over SSH.
public enum Palette {
    /// The 16 ANSI colours as xterm draws them.
    static let ansi16: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The terminal colour index for `color` on a terminal with `colors` colours; -1 is the
    /// terminal's default.
    public static func index(for color: Color, colors: Int) -> Int {
        guard case let .rgb(r8, g8, b8) = color else { return -1 }
        let r = Int(r8), g = Int(g8), b = Int(b8)
        // a direct-colour terminal (TERM=xterm-direct: 2^24 colours): the colour is its number
        if colors >= 0x100_0000 { return r << 16 | g << 8 | b }
        if colors >= 256 {
            func level(_ v: Int) -> Int {
                var best = 0
                for i in 1..<6 where abs(cubeLevels[i] - v) < abs(cubeLevels[best] - v) { best = i }
                return best
            }
            let ri = level(r), gi = level(g), bi = level(b)
            let cube = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
            let cubeIndex = 16 + 36 * ri + 6 * gi + bi
            let grayLevel = max(0, min(23, ((r + g + b) / 3 - 8 + 5) / 10))
            let gray = 8 + 10 * grayLevel
            let dc = distance((r, g, b), cube)
            let dg = distance((r, g, b), (gray, gray, gray))
            return dg < dc ? 232 + grayLevel : cubeIndex
        }
        let n = colors >= 16 ? 16 : 8
        var best = 0
        var bestDistance = Int.max
        for i in 0..<n {
            let d = distance((r, g, b), ansi16[i])
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
