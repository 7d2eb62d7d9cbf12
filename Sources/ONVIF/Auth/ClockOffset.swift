import Foundation

/// The device's clock minus ours, read from one GetSystemDateAndTime exchange. WS-Security
/// timestamps are made with the device's clock (ours + offset), and recordings are searched and
/// replayed in it.
enum ClockOffset {
    /// Device time minus our time at the middle of the exchange, in seconds (positive: the device
    /// is ahead). The device reports whole seconds, so its real time is on average half a second
    /// later than it says.
    /// - Parameters:
    ///   - deviceTime: what the device answered.
    ///   - sent: our time when the request left.
    ///   - answered: our time when the answer came back.
    static func measured(deviceTime: Date, sent: Date, answered: Date) -> Double {
        let midpoint = sent.timeIntervalSince1970 + answered.timeIntervalSince(sent) / 2
        return deviceTime.timeIntervalSince1970 + 0.5 - midpoint
    }

    /// An offset as a client keeps it: under a second reads 0 (whole seconds cannot tell better).
    static func kept(_ offset: Double) -> Double { abs(offset) < 1 ? 0 : offset }
}
