/// Where a simulated camera points, in the generic spaces: pan and tilt -1…1, zoom 0…1.
public struct SimPTZPosition: Sendable, Equatable, Hashable {
    public var pan: Double
    public var tilt: Double
    public var zoom: Double

    public init(pan: Double = 0, tilt: Double = 0, zoom: Double = 0) {
        self.pan = pan; self.tilt = tilt; self.zoom = zoom
    }

    /// The same position brought inside the limits.
    public var clamped: SimPTZPosition {
        SimPTZPosition(pan: min(1, max(-1, pan)), tilt: min(1, max(-1, tilt)), zoom: min(1, max(0, zoom)))
    }
}
