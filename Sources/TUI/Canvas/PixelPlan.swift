/// What a backend writes for pixel-graphics pictures after it sent a frame's cells: which
/// rectangles no longer hold the picture they held (to clear: text repainted there, or kitty's
/// images deleted), and which placements to draw. Only what changed is sent: a picture that
/// stays where it was is not written again.
public struct PixelPlan: Sendable, Equatable {
    /// Rectangles whose picture went away or moved (empty on a full repaint, where everything
    /// is drawn again anyway).
    public var clear: [Rect]
    /// True when the screen was repainted from scratch (first frame, resize): every image the
    /// terminal still shows is stale.
    public var clearAll: Bool
    public var draw: [PicturePlacement]

    /// - Parameters:
    ///   - previous: what the last frame placed; nil when the screen was repainted from scratch.
    ///   - current: what this frame places.
    ///   - redrawAllOnClear: the terminal can only clear every image at once (kitty's delete),
    ///     so any clear means drawing every placement again.
    public init(previous: [PicturePlacement]?, current: [PicturePlacement], redrawAllOnClear: Bool) {
        guard let previous else {
            clear = []; clearAll = true; draw = current
            return
        }
        clearAll = false
        let gone = previous.filter { !current.contains($0) }.map(\.rect)
        clear = gone
        if redrawAllOnClear, !gone.isEmpty {
            draw = current
            return
        }
        draw = current.filter { p in
            !previous.contains(p) || gone.contains { $0.intersects(p.rect) }
        }
    }

    /// Nothing to write.
    public var isEmpty: Bool { clear.isEmpty && !clearAll && draw.isEmpty }
}

extension Rect {
    /// The two rectangles share at least one cell.
    public func intersects(_ o: Rect) -> Bool {
        !isEmpty && !o.isEmpty && x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY
    }
}
