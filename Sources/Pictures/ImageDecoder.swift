import CFFmpeg

/// Decodes one still picture (a snapshot: JPEG or PNG) with libavcodec.
public enum ImageDecoder {
    /// Throws `PictureError` (one sentence) for a body that is not a picture or is damaged.
    /// Safe to call from several threads at once (each call has its own decoder).
    public static func decode(_ bytes: [UInt8]) throws -> Picture {
        guard !bytes.isEmpty else { throw PictureError.empty }
        guard let kind = ImageKind.sniff(bytes) else { throw PictureError.notAPicture }
        guard bytes.count <= PictureLimits.maxEncodedBytes else { throw PictureError.tooLargeInput }
        let session = switch kind {
        case .jpeg: try CodecSession(codec: AV_CODEC_ID_MJPEG, name: "JPEG", strict: true, lowDelay: false,
                                     damaged: .damagedPicture)
        case .png: try CodecSession(codec: AV_CODEC_ID_PNG, name: "PNG", strict: true, lowDelay: false,
                                    damaged: .damagedPicture)
        }
        if let picture = try session.decode(bytes) { return picture }
        if let picture = try session.flush() { return picture }
        throw PictureError.damagedPicture
    }
}
