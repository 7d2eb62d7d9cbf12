import Foundation

/// How far the simulated NVR has recorded: by default up to now; with a time scale, the
/// recordings start `behind` seconds in the past and grow `scale` times faster than real time
/// until they reach now, then grow with it — "two hours" of recording in two minutes at 60×, as
/// a real NVR's recordings would grow, so a sync test need not wait for hours.
///
/// The device's own clock (GetSystemDateAndTime, WS-Security, `clockSkew`) keeps real time: a
/// client converts every time it sends or receives with the device's clock offset, measured once
/// per connection, so a clock running 60× fast would move that offset by a minute every second
/// and no two connections would agree on when a picture was taken. Only the end of the
/// recordings runs fast; every search and replay answers with it (`SimRecordings.recordingEnd`).
///
/// A reference type: a test that stops and restarts the simulator (an NVR outage) hands the same
/// clock to the new one, so the recordings carry on where they were.
///
/// ```swift
/// var c = SimulatorConfig()
/// c.recordingClock = RecordingClock(scale: 60, behind: 7200)   // 2 h of recording in 2 min
/// ```
public final class RecordingClock: Sendable {
    /// Recording seconds per real second while behind (1 = real time).
    public let scale: Double
    /// How far behind real time the recordings end at `origin`, seconds.
    public let behind: TimeInterval
    /// The real time the clock started.
    public let origin: Date

    /// - Parameters:
    ///   - scale: ≥ 1.
    ///   - behind: ≥ 0; with `scale` 1 the recordings stay this far behind for good.
    public init(scale: Double = 1, behind: TimeInterval = 0, origin: Date = Date()) {
        self.scale = max(1, scale)
        self.behind = max(0, behind)
        self.origin = origin
    }

    /// The end of the recordings at real time `real` (never after it).
    public func now(real: Date = Date()) -> Date {
        // `behind` shrinks by (scale - 1) s every real second; computed as a lag so that a clock
        // that has caught up (or never was behind) gives `real` exactly, not `real` ± rounding
        let elapsed = max(0, real.timeIntervalSince(origin))
        let lag = behind - elapsed * (scale - 1)
        return lag <= 0 ? real : real.addingTimeInterval(-lag)
    }

    /// How far the recordings are behind real time at `real`, seconds (0 once caught up).
    public func lag(real: Date = Date()) -> TimeInterval { max(0, real.timeIntervalSince(now(real: real))) }

    /// The real time at which the recordings reach `recorded` (at once when they have).
    public func realTime(whenRecorded recorded: Date) -> Date {
        let target = recorded.timeIntervalSince1970
        if target <= origin.timeIntervalSince1970 - behind { return origin }
        let start = origin.timeIntervalSince1970 - behind
        let scaled = origin.timeIntervalSince1970 + (target - start) / scale
        return Date(timeIntervalSince1970: max(target, scaled))
    }

    /// Real time: recordings up to now.
    public static var realTime: RecordingClock { RecordingClock() }
}
