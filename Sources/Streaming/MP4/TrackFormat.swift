/// What goes into an MP4 sample description: a video track (codec, parameter sets, size) and
/// an optional AAC audio track.
public struct VideoTrackFormat: Sendable, Equatable {
    public var codec: VideoCodec
    public var parameterSets: ParameterSets
    public var width: Int
    public var height: Int

    /// Builds the format from parameter sets; nil when the SPS is missing or unreadable.
    public init?(codec: VideoCodec, parameterSets: ParameterSets) {
        guard let sps = parameterSets.sps, parameterSets.isComplete(for: codec) else { return nil }
        self.codec = codec
        self.parameterSets = parameterSets
        switch codec {
        case .h264:
            guard let s = H264SPS(nal: sps) else { return nil }
            width = s.width; height = s.height
        case .h265:
            guard let s = H265SPS(nal: sps) else { return nil }
            width = s.width; height = s.height
        }
    }
}

/// AAC audio (`mpeg4-generic`): the AudioSpecificConfig from the SDP's `config=`.
public struct AudioTrackFormat: Sendable, Equatable {
    public var sampleRate: Int
    public var channels: Int
    public var audioSpecificConfig: [UInt8]
    public init(sampleRate: Int, channels: Int, audioSpecificConfig: [UInt8]) {
        self.sampleRate = sampleRate
        self.channels = channels
        self.audioSpecificConfig = audioSpecificConfig
    }
}
