/// Where a PTZ camera's picture looks in its larger scene: pan and tilt -1…1, zoom 0…1.
///
/// The scene (`SnapshotScene.world`) is 3 pictures wide and 2 high. At zoom 0 the window is one
/// picture's size; at zoom 1 a quarter of that (4x magnified). Pan -1 puts the window against the
/// scene's left edge, +1 against its right; tilt +1 against the top (the sky), -1 the bottom.
public struct SceneView: Sendable, Equatable {
    public var pan: Double
    public var tilt: Double
    public var zoom: Double

    public init(pan: Double = 0, tilt: Double = 0, zoom: Double = 0) {
        self.pan = min(1, max(-1, pan)); self.tilt = min(1, max(-1, tilt)); self.zoom = min(1, max(0, zoom))
    }

    init(_ p: SimPTZPosition) { self.init(pan: p.pan, tilt: p.tilt, zoom: p.zoom) }

    /// Scene width and height in pictures.
    public static let sceneWidths = 3
    public static let sceneHeights = 2
    /// Magnification at zoom 1.
    public static let maxMagnification = 4.0

    /// The window in the scene for a `width` x `height` picture: origin and size in scene pixels.
    public func window(width: Int, height: Int) -> (x: Double, y: Double, w: Double, h: Double) {
        let sw = Double(width * Self.sceneWidths), sh = Double(height * Self.sceneHeights)
        let m = 1 + (Self.maxMagnification - 1) * zoom
        let ww = Double(width) / m, wh = Double(height) / m
        let cx = sw / 2 + pan * (sw - ww) / 2
        let cy = sh / 2 - tilt * (sh - wh) / 2
        return (cx - ww / 2, cy - wh / 2, ww, wh)
    }
}
