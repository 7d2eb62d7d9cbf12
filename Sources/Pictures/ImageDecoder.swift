import CFFmpeg

/// Decodes one still picture (a snapshot: JPEG or PNG) with libavcodec.
public enum ImageDecoder {
    /// Throws `PictureError` (one sentence) for a body that is not a picture or is damaged.
    /// Safe to call from several threads at once (each call has its own decoder).
    public static func decode(_ bytes: [UInt8]) throws -> Picture {
        try decode(bytes, fit: nil)
    }

    /// The picture made to fit inside `maxWidth` x `maxHeight` (aspect kept; unchanged when it
    /// fits), for previews and tiles: a JPEG is decoded at 1/2, 1/4 or 1/8 of its size when
    /// that is still at least the box, and scaled in the same pass as its colours are converted,
    /// several times cheaper than `decode` then `PictureScaler.fit`.
    public static func decode(_ bytes: [UInt8], maxWidth: Int, maxHeight: Int) throws -> Picture {
        guard PictureLimits.isValidSize(maxWidth, maxHeight) else { throw PictureError.badSize }
        return try decode(bytes, fit: (maxWidth, maxHeight))
    }

    private static func decode(_ bytes: [UInt8], fit: (width: Int, height: Int)?) throws -> Picture {
        guard !bytes.isEmpty else { throw PictureError.empty }
        guard let kind = ImageKind.sniff(bytes) else { throw PictureError.notAPicture }
        guard bytes.count <= PictureLimits.maxEncodedBytes else { throw PictureError.tooLargeInput }
        let session = switch kind {
        case .jpeg: try CodecSession(codec: AV_CODEC_ID_MJPEG, name: "JPEG", strict: true, lowDelay: false,
                                     lowres: fit.map { lowres(bytes, fit: $0) } ?? 0, fit: fit, damaged: .damagedPicture)
        case .png: try CodecSession(codec: AV_CODEC_ID_PNG, name: "PNG", strict: true, lowDelay: false,
                                    fit: fit, damaged: .damagedPicture)
        }
        if let picture = try session.decode(bytes) { return picture }
        if let picture = try session.flush() { return picture }
        throw PictureError.damagedPicture
    }

    /// How many halvings (0…3) a JPEG can be decoded with and still cover `fit`: from its frame
    /// header (SOFn); 0 when there is none to read.
    static func lowres(_ jpeg: [UInt8], fit: (width: Int, height: Int)) -> Int {
        var i = 2
        while i + 9 < jpeg.count, jpeg[i] == 0xFF {
            let marker = jpeg[i + 1]
            let length = Int(jpeg[i + 2]) << 8 | Int(jpeg[i + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let h = Int(jpeg[i + 5]) << 8 | Int(jpeg[i + 6]), w = Int(jpeg[i + 7]) << 8 | Int(jpeg[i + 8])
                guard w > 0, h > 0 else { return 0 }
                let scale = min(1, min(Double(fit.width) / Double(w), Double(fit.height) / Double(h)))
                let ow = Int((Double(w) * scale).rounded()), oh = Int((Double(h) * scale).rounded())
                var n = 0
                while n < 3, w >> (n + 1) >= ow, h >> (n + 1) >= oh { n += 1 }
                return n
            }
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) { i += 2 } else { i += 2 + length }
        }
        return 0
    }
}
