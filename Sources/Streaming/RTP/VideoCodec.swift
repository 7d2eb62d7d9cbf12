/// The video codecs we depacketize and mux.
public enum VideoCodec: String, Sendable, Equatable {
    case h264 = "H264"
    case h265 = "H265"
}
