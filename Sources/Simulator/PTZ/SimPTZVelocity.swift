/// A speed in the generic velocity spaces, each -1…1.
public struct SimPTZVelocity: Sendable, Equatable, Hashable {
    public var pan: Double
    public var tilt: Double
    public var zoom: Double

    public init(pan: Double = 0, tilt: Double = 0, zoom: Double = 0) {
        self.pan = pan; self.tilt = tilt; self.zoom = zoom
    }

    public var isZero: Bool { pan == 0 && tilt == 0 && zoom == 0 }
}
