import Foundation

/// A PTZ GetStatus answer: where the camera points (generic spaces) and whether each motor moves.
public struct PTZDeviceStatus: Sendable, Equatable {
    public var pan: Double?
    public var tilt: Double?
    public var zoom: Double?
    /// MoveStatus PanTilt / Zoom: `IDLE`, `MOVING`, `UNKNOWN` (nil when absent).
    public var panTiltMove: String?
    public var zoomMove: String?
    /// The device's UTC time of the status.
    public var time: Date?
    /// The device's error text, when it reports one.
    public var error: String?

    public init(pan: Double? = nil, tilt: Double? = nil, zoom: Double? = nil, panTiltMove: String? = nil, zoomMove: String? = nil,
                time: Date? = nil, error: String? = nil) {
        self.pan = pan; self.tilt = tilt; self.zoom = zoom; self.panTiltMove = panTiltMove; self.zoomMove = zoomMove
        self.time = time; self.error = error
    }

    /// True when a motor says MOVING.
    public var moving: Bool { panTiltMove == "MOVING" || zoomMove == "MOVING" }

    /// True when every motor reported says IDLE (and at least one did).
    public var idle: Bool {
        let states = [panTiltMove, zoomMove].compactMap { $0 }
        return !states.isEmpty && states.allSatisfy { $0 == "IDLE" }
    }
}
