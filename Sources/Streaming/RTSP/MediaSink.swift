import Foundation

/// What a sink says after each picture.
public enum SinkDecision: Sendable {
    case `continue`
    /// Stop the stream now (TEARDOWN is sent): e.g. the end of the requested range is reached.
    case stop
}

/// What the server offered, handed to the sink before the first picture.
public struct StreamStart: Sendable {
    public var codec: VideoCodec
    /// Parameter sets from the SDP (may be empty; the stream's arrive with the pictures).
    public var sdpParameterSets: ParameterSets
    /// AAC audio format when the audio track was set up.
    public var audio: AudioTrackFormat?
    /// The SDP as parsed.
    public var description: SessionDescription
    /// The server's session timeout, seconds.
    public var sessionTimeout: Int
    /// The aggregate URL being played (no user info).
    public var url: String
}

/// Receives a stream's pictures on the thread that runs the session. Throwing stops the stream
/// (TEARDOWN is sent) and the error comes out of `RTSPSession.run`.
public protocol MediaSink: AnyObject {
    func streamStarted(_ start: StreamStart) throws
    func received(_ accessUnit: AccessUnit) throws -> SinkDecision
    func received(audio: AudioFrame) throws
}

extension MediaSink {
    public func streamStarted(_ start: StreamStart) throws {}
    public func received(audio: AudioFrame) throws {}
}

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
