/// The video codecs a key frame can be decoded from.
public enum VideoCodecKind: String, Sendable {
    case h264, h265
}
