import Foundation
import Streaming

/// Passes a replay's pictures on with their wall-clock times (0xABAC, stamped by the device's
/// clock) converted to ours: the device's clock minus `offset`. Used when the device's clock is
/// off, so files, names and the end bound are all in our time.
final class DeviceClockSink: MediaSink {
    private let target: MediaSink
    private let offset: Double

    /// - Parameter offset: the device's clock minus ours, seconds.
    init(_ target: MediaSink, offset: Double) {
        self.target = target
        self.offset = offset
    }

    func streamStarted(_ start: StreamStart) throws { try target.streamStarted(start) }

    func received(_ accessUnit: AccessUnit) throws -> SinkDecision {
        var au = accessUnit
        au.wallClock = au.wallClock?.addingTimeInterval(-offset)
        return try target.received(au)
    }

    func received(audio: AudioFrame) throws { try target.received(audio: audio) }
}
