import Foundation

/// One channel's motors as a pure function of time: a start position, a velocity, when the
/// move began and when it ends (its Timeout). Where the camera is at any time is computed when
/// asked — no timer — so a test with a `SimManualClock` knows exactly where it is.
///
/// At velocity 1 pan and tilt move `panTiltRate` units a second (the whole -1…1 range in 4 s),
/// zoom `zoomRate` (0…1 in 4 s); each axis stops at its limit.
struct SimPTZMotion: Sendable, Equatable {
    static let panTiltRate = 0.5
    static let zoomRate = 0.25

    var start: SimPTZPosition
    var velocity = SimPTZVelocity()
    var began: Date
    /// When the move stops by itself; nil: never (a device that ignores the Timeout).
    var ends: Date?

    init(at position: SimPTZPosition, time: Date) {
        start = position.clamped
        began = time
        ends = time
    }

    /// Where the camera is at `time`.
    func position(at time: Date) -> SimPTZPosition {
        let until = ends.map { min($0, time) } ?? time
        let t = max(0, until.timeIntervalSince(began))
        return SimPTZPosition(pan: start.pan + velocity.pan * Self.panTiltRate * t,
                           tilt: start.tilt + velocity.tilt * Self.panTiltRate * t,
                           zoom: start.zoom + velocity.zoom * Self.zoomRate * t).clamped
    }

    /// True while a move with a non-zero velocity has not reached its end.
    func moving(at time: Date) -> Bool {
        guard !velocity.isZero else { return false }
        guard let ends else { return true }
        return time < ends
    }

    /// Moves at `velocity` from where the camera is now, for `duration` seconds (nil: until stopped).
    mutating func move(_ velocity: SimPTZVelocity, duration: Double?, time: Date) {
        start = position(at: time)
        self.velocity = velocity
        began = time
        ends = duration.map { time.addingTimeInterval(max(0, $0)) }
    }

    /// Stops the pan/tilt motor, the zoom motor, or both, where they are now.
    mutating func stop(panTilt: Bool, zoom: Bool, time: Date) {
        let now = position(at: time)
        let remaining = moving(at: time) ? ends.map { $0.timeIntervalSince(time) } ?? nil : 0
        var v = moving(at: time) ? velocity : SimPTZVelocity()
        if panTilt { v.pan = 0; v.tilt = 0 }
        if zoom { v.zoom = 0 }
        start = now
        velocity = v
        began = time
        ends = remaining.map { time.addingTimeInterval($0) }
    }

    /// Jumps to `position` and stands still (AbsoluteMove, RelativeMove, presets, home: the
    /// simulated motors are instantaneous for those).
    mutating func jump(to position: SimPTZPosition, time: Date) {
        start = position.clamped
        velocity = SimPTZVelocity()
        began = time
        ends = time
    }
}
