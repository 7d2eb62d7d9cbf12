import Common
import Foundation
import Pictures
import Synchronization

/// The picture a simulated camera shows in its snapshot: a pure function of (channel, size,
/// time, counter), so tests can predict what a client receives.
///
/// What is drawn, back to front:
/// - a sky in the channel's hue (lighter at the top) down to a horizon at 62 % of the height,
///   then darker ground; a sun whose place depends on the channel; three houses with lit windows;
/// - **the top-left 32x32 pixels are exactly `channelColor(channel)`** (one JPEG block of 16x16
///   lies wholly inside, so it decodes to that colour within a few levels);
/// - the channel number in big white digits with a black shadow, centred;
/// - top right, on a black box: the time `HH:MM:SS` (as given: the device's clock) and under
///   it the counter;
/// - **the bottom 16 rows are black except a white 16x16 marker square at
///   x = 16 · (counter mod (width / 16))**: it moves one step on every request.
///
/// Everything is placed in proportion to the size, so the same scene can be drawn at the sub
/// (640x360) or main (1920x1080) resolution. A PTZ channel's landscape is a window (`SceneView`)
/// of a larger scene (`world`) that follows pan, tilt and zoom; the marks above stay put.
public enum SnapshotScene {
    /// Side of the top-left square drawn in the channel's colour.
    public static let swatchSize = 32
    /// Side of the moving marker, and height of the black strip it moves along.
    public static let markerSize = 16

    /// The colour of a channel (1-based): hues a golden angle apart, so neighbours differ.
    public static func channelColor(_ channel: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let hue = (Double(max(0, channel - 1)) * 137.508).truncatingRemainder(dividingBy: 360)
        return hsv(hue, 0.8, 0.9)
    }

    /// Where the marker's left edge is for this request counter.
    public static func markerX(counter: Int, width: Int) -> Int {
        let slots = max(1, width / markerSize)
        return markerSize * (((counter % slots) + slots) % slots)
    }

    /// The scene of `channel` at `width` x `height`, showing `time` (UTC fields, `HH:MM:SS`) and
    /// `counter` (the marker's position and the number under the clock). With a `view` (a PTZ
    /// channel), the landscape is that window of the channel's larger scene (`world`), while the
    /// colour square, the number, the clock and the marker stay where they are, as a camera's
    /// on-screen text does.
    public static func render(channel: Int, width: Int, height: Int, time: Date, counter: Int, view: SceneView? = nil) -> Picture {
        var canvas = SnapshotCanvas(width: width, height: height)
        guard canvas.width > 0, canvas.height > 0 else { return canvas.picture }
        if let view {
            canvas.draw(world(channel: channel, width: width, height: height), window: view.window(width: width, height: height))
        } else {
            drawLandscape(&canvas, channel: channel, houses: 3)
        }
        drawOverlay(&canvas, channel: channel, time: time, counter: counter)
        return canvas.picture
    }

    /// The larger scene a PTZ channel's pictures are windows of: `SceneView.sceneWidths` x
    /// `SceneView.sceneHeights` pictures of `width` x `height`, nine houses along the horizon.
    /// Drawn once per channel and size, then kept.
    public static func world(channel: Int, width: Int, height: Int) -> Picture {
        let key = WorldKey(channel: channel, width: width, height: height)
        if let p = worlds.withLock({ $0[key] }) { return p }
        var canvas = SnapshotCanvas(width: width * SceneView.sceneWidths, height: height * SceneView.sceneHeights)
        drawLandscape(&canvas, channel: channel, houses: 3 * SceneView.sceneWidths)
        let picture = canvas.picture
        worlds.withLock { w in
            if w.count >= 16 { w.removeAll() }
            w[key] = picture
        }
        return picture
    }

    private struct WorldKey: Hashable { var channel, width, height: Int }
    private static let worlds = Mutex<[WorldKey: Picture]>([:])

    /// Sky, ground, the sun and `houses` houses with lit windows, in proportion to the canvas.
    static func drawLandscape(_ canvas: inout SnapshotCanvas, channel: Int, houses: Int) {
        let w = canvas.width, h = canvas.height
        let color = channelColor(channel)
        let white: SnapshotCanvas.Color = (255, 255, 255)

        // sky and ground
        let horizon = h * 62 / 100
        canvas.verticalGradient(y: 0, h: horizon, from: SnapshotCanvas.mix(color, white, 0.45), to: color)
        canvas.verticalGradient(y: horizon, h: h - horizon, from: SnapshotCanvas.scaled(color, 0.45), to: SnapshotCanvas.scaled(color, 0.2))

        // the sun: its place depends on the channel
        let place = (Double(channel) * 0.618).truncatingRemainder(dividingBy: 1)
        canvas.disc(cx: Int(Double(w) * (0.3 + 0.5 * place)), cy: h / 5, r: max(2, h / 12), (255, 224, 96))

        // houses with windows; sizes from the channel
        var seed = UInt64(truncatingIfNeeded: channel) &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ n: Int) -> Int {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(max(1, n)))
        }
        let walls: [SnapshotCanvas.Color] = [(205, 200, 190), (130, 130, 140), (175, 150, 125)]
        let n = max(1, houses)
        let widthShare = 3 * 100 / n // a house's width in hundredths, as three houses have 14…19 of 100
        for i in 0..<n {
            let wall = walls[i % walls.count]
            let hw = w * (14 + next(6)) * widthShare / 100 / 100
            let hh = h * (15 + next(15)) / 100
            let hx = w * (6 + 96 * i / n) / 100 + next(max(1, w / 40))
            let bottom = horizon + h / 16
            canvas.fill(x: hx, y: bottom - hh, w: hw, h: hh, wall)
            canvas.fill(x: hx - hw / 12, y: bottom - hh - h / 30, w: hw + hw / 6, h: h / 30, (90, 40, 30)) // roof
            let win = max(2, hw / 6)
            for wy in stride(from: bottom - hh + win, to: bottom - win * 2, by: win * 2) {
                for wx in stride(from: hx + win, to: hx + hw - win, by: win * 2) {
                    canvas.fill(x: wx, y: wy, w: win, h: win, (255, 236, 150))
                }
            }
        }
    }

    /// The colour square, the channel number, the clock and counter, the marker strip.
    static func drawOverlay(_ canvas: inout SnapshotCanvas, channel: Int, time: Date, counter: Int) {
        let w = canvas.width, h = canvas.height
        let color = channelColor(channel)
        let white: SnapshotCanvas.Color = (255, 255, 255)
        let black: SnapshotCanvas.Color = (0, 0, 0)

        // the channel's colour, exact, top left
        canvas.fill(x: 0, y: 0, w: swatchSize, h: swatchSize, color)

        // the channel number, big
        let number = String(channel)
        var scale = max(1, h * 45 / 100 / SnapshotFont.glyphHeight)
        while scale > 1 && SnapshotFont.width(of: number, scale: scale) > w * 8 / 10 { scale -= 1 }
        let nx = (w - SnapshotFont.width(of: number, scale: scale)) / 2
        let ny = (h - markerSize - SnapshotFont.height(scale: scale)) / 2
        let shadow = max(1, scale / 5)
        SnapshotFont.draw(number, on: &canvas, x: nx + shadow, y: ny + shadow, scale: scale, black)
        SnapshotFont.draw(number, on: &canvas, x: nx, y: ny, scale: scale, white)

        // the clock and the counter, top right
        let f = UTC.fields(time)
        let clock = String(format: "%02d:%02d:%02d", f.hour, f.minute, f.second)
        let count = String(counter)
        let small = max(1, h / 90)
        let pad = 2 * small
        let line = SnapshotFont.height(scale: small)
        let textW = max(SnapshotFont.width(of: clock, scale: small), SnapshotFont.width(of: count, scale: small))
        let boxW = textW + 2 * pad, boxH = 2 * line + 3 * pad
        let bx = w - boxW - pad, by = pad
        canvas.fill(x: bx, y: by, w: boxW, h: boxH, black)
        SnapshotFont.draw(clock, on: &canvas, x: bx + pad, y: by + pad, scale: small, white)
        SnapshotFont.draw(count, on: &canvas, x: bx + boxW - pad - SnapshotFont.width(of: count, scale: small),
                          y: by + 2 * pad + line, scale: small, white)

        // the strip and the marker that moves with every request
        canvas.fill(x: 0, y: h - markerSize, w: w, h: markerSize, black)
        canvas.fill(x: markerX(counter: counter, width: w), y: h - markerSize, w: markerSize, h: markerSize, white)
    }

    /// HSV (hue in degrees, saturation and value 0…1) to 8-bit RGB.
    static func hsv(_ hue: Double, _ s: Double, _ v: Double) -> (r: UInt8, g: UInt8, b: UInt8) {
        let c = v * s
        let hp = hue / 60
        let x = c * (1 - abs(hp.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double)
        switch hp {
        case ..<1: (r, g, b) = (c, x, 0)
        case ..<2: (r, g, b) = (x, c, 0)
        case ..<3: (r, g, b) = (0, c, x)
        case ..<4: (r, g, b) = (0, x, c)
        case ..<5: (r, g, b) = (x, 0, c)
        default: (r, g, b) = (c, 0, x)
        }
        let m = v - c
        func byte(_ d: Double) -> UInt8 { UInt8(max(0, min(255, ((d + m) * 255).rounded()))) }
        return (byte(r), byte(g), byte(b))
    }
}
