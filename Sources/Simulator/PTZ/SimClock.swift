import Foundation
import Synchronization

/// The time the simulated PTZ motors go by: real time, or a clock a test moves by hand, so a
/// test can reason about where a camera is without sleeping (`SimManualClock`).
public struct SimClock: Sendable {
    /// The time now.
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    /// Real time.
    public static let system = SimClock { Date() }

    /// The time a `SimManualClock` says.
    public static func manual(_ clock: SimManualClock) -> SimClock { SimClock { clock.now } }
}

/// A clock that moves only when told: `advance(by:)`.
public final class SimManualClock: Sendable {
    private let time: Mutex<Date>

    public init(start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { time = Mutex(start) }

    /// The time now.
    public var now: Date { time.withLock { $0 } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: Double) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
