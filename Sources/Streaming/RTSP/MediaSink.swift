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
