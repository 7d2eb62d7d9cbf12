/// Why a stream ended without an error.
public enum StreamEndReason: String, Sendable, Equatable {
    /// The server sent RTCP BYE.
    case endOfStream
    /// A picture carried the ONVIF T flag (last of the requested range).
    case endOfRange
    /// The sink said `.stop`.
    case stoppedBySink
    /// `cancel()` was called.
    case cancelled
}

/// What happened during a session.
public struct StreamSummary: Sendable, Equatable {
    public var endReason: StreamEndReason
    public var bytesReceived: Int = 0
    /// Bytes skipped by the interleaved framing (garbage, broken frames).
    public var lostBytes: Int = 0
    public var rtpPackets: Int = 0
    public var video = DepacketizerStatistics()
    public var audioFrames: Int = 0
    public var keepalivesSent: Int = 0
    /// RTSP messages that arrived mid-stream and answered nothing we asked.
    public var unexpectedMessages: Int = 0
    public var sessionTimeout: Int = 60

    public init(endReason: StreamEndReason) { self.endReason = endReason }
}
