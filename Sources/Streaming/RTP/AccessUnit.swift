import Foundation

/// One coded picture: every NAL unit of one RTP timestamp, ready for an MP4 sample.
public struct AccessUnit: Sendable {
    public var codec: VideoCodec
    /// RTP timestamp extended to 64 bits (90 kHz clock).
    public var timestamp: Int64
    /// The recording's wall-clock time from the ONVIF replay extension (0xABAC), or from the
    /// RTCP sender-report mapping when the stream has no extension; nil when neither is known.
    public var wallClock: Date?
    /// An IDR (H.264) or IRAP (H.265) picture: decoding can start here.
    public var isKeyframe: Bool
    /// The NAL units, each with a 4-byte big-endian length in front (the MP4 sample format).
    /// Parameter sets and access unit delimiters are not in here; see `parameterSets`.
    public var data: [UInt8]
    /// The parameter sets in force for this picture (from the stream, else from the SDP).
    public var parameterSets: ParameterSets
    /// The ONVIF D flag: footage is not contiguous before this picture (a recording gap).
    public var discontinuity: Bool
    /// The ONVIF T flag: the last picture of the requested range.
    public var isLastInRange: Bool
    /// Pictures dropped just before this one because of packet loss (waiting for a keyframe).
    public var droppedBefore: Int

    public init(codec: VideoCodec, timestamp: Int64, wallClock: Date? = nil, isKeyframe: Bool, data: [UInt8],
                parameterSets: ParameterSets, discontinuity: Bool = false, isLastInRange: Bool = false, droppedBefore: Int = 0) {
        self.codec = codec
        self.timestamp = timestamp
        self.wallClock = wallClock
        self.isKeyframe = isKeyframe
        self.data = data
        self.parameterSets = parameterSets
        self.discontinuity = discontinuity
        self.isLastInRange = isLastInRange
        self.droppedBefore = droppedBefore
    }

    /// Length-prefixed NAL units of `data`, as (offset, length) pairs.
    public var nalUnits: [(offset: Int, length: Int)] {
        var out: [(Int, Int)] = []
        var i = 0
        while i + 4 <= data.count {
            let len = Int(data.readU32(i))
            guard i + 4 + len <= data.count else { break }
            out.append((i + 4, len))
            i += 4 + len
        }
        return out
    }
}
