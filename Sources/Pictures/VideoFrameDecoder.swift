import CFFmpeg
import Synchronization

/// Decodes H.264/H.265 access units (Annex-B: start codes, parameter sets before the first key
/// frame) into pictures. Keeps decoder state between calls (live view): feed the access units of
/// one stream in order. Calls are serialised by a lock, so it may be shared between threads, but
/// the order of the units is the caller's to keep.
public final class VideoFrameDecoder: Sendable {
    public let codec: VideoCodecKind
    private let session: Mutex<CodecSession>

    public init(codec: VideoCodecKind) throws {
        self.codec = codec
        let s = switch codec {
        // Live video conceals damage (the next key frame repairs it); frames come out as soon as
        // they are complete, one thread, no frame reordering delay.
        case .h264: try CodecSession(codec: AV_CODEC_ID_H264, name: "H.264", strict: false, lowDelay: true, waitsForKeyFrame: true,
                                     damaged: .damagedVideo)
        case .h265: try CodecSession(codec: AV_CODEC_ID_HEVC, name: "H.265", strict: false, lowDelay: true, waitsForKeyFrame: true,
                                     damaged: .damagedVideo)
        }
        session = Mutex(s)
    }

    /// Feeds one access unit; returns the picture it completes, or nil when the decoder needs
    /// more (e.g. before the first key frame). Throws on data the decoder refuses; the decoder
    /// stays usable and picks up again at the next key frame.
    public func decode(accessUnit annexB: [UInt8]) throws -> Picture? {
        try session.withLock { try $0.decode(annexB) }
    }

    /// Ends the stream: returns the picture the decoder still held back, if any, and readies the
    /// decoder for a new stream (which must start with a key frame).
    public func flush() throws -> Picture? {
        try session.withLock { try $0.flush() }
    }

    /// One key frame (with its parameter sets) to one picture.
    public static func decodeKeyFrame(_ annexB: [UInt8], codec: VideoCodecKind) throws -> Picture {
        guard !annexB.isEmpty else { throw PictureError.empty }
        let d = try VideoFrameDecoder(codec: codec)
        if let p = try d.decode(accessUnit: annexB) { return p }
        if let p = try d.flush() { return p }
        throw PictureError.noKeyFrame
    }
}
