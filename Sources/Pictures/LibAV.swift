import CFFmpeg

/// Plumbing shared by the decoders, the scaler and the encoder: libav's logging silenced once,
/// frames allocated and copied to and from `Picture`'s packed RGB.
enum LibAV {
    private static let silenced: Bool = {
        av_log_set_level(AV_LOG_QUIET)
        return true
    }()

    /// Silences libav's logging (once per process): nothing of it reaches stderr, which the
    /// terminal app owns.
    static func silence() { _ = silenced }

    static let eagain = vtrack_averror_eagain()
    static let eof = vtrack_averror_eof()

    /// A frame with its own buffers (aligned and padded as libav wants them); the caller frees it
    /// with `av_frame_free`.
    static func allocFrame(width: Int, height: Int, format: AVPixelFormat) throws -> UnsafeMutablePointer<AVFrame> {
        guard PictureLimits.isValidSize(width, height) else { throw PictureError.badSize }
        guard let frame = av_frame_alloc() else { throw PictureError.outOfMemory }
        frame.pointee.width = Int32(width)
        frame.pointee.height = Int32(height)
        frame.pointee.format = format.rawValue
        guard av_frame_get_buffer(frame, 0) >= 0 else {
            var f: UnsafeMutablePointer<AVFrame>? = frame
            av_frame_free(&f)
            throw PictureError.outOfMemory
        }
        return frame
    }

    /// An RGB24 frame holding `picture`'s pixels.
    static func rgbFrame(_ picture: Picture) throws -> UnsafeMutablePointer<AVFrame> {
        let frame = try allocFrame(width: picture.width, height: picture.height, format: AV_PIX_FMT_RGB24)
        let row = picture.width * 3
        let stride = Int(frame.pointee.linesize.0)
        guard let base = frame.pointee.data.0 else {
            var f: UnsafeMutablePointer<AVFrame>? = frame
            av_frame_free(&f)
            throw PictureError.outOfMemory
        }
        picture.rgb.withUnsafeBufferPointer { src in
            for y in 0..<picture.height {
                (base + y * stride).update(from: src.baseAddress! + y * row, count: row)
            }
        }
        return frame
    }

    /// The pixels of an RGB24 frame as a packed `Picture`.
    static func picture(fromRGB frame: UnsafePointer<AVFrame>) -> Picture {
        let w = Int(frame.pointee.width), h = Int(frame.pointee.height)
        let row = w * 3
        let stride = Int(frame.pointee.linesize.0)
        let base = UnsafePointer(frame.pointee.data.0!)
        let rgb = [UInt8](unsafeUninitializedCapacity: row * h) { buffer, count in
            for y in 0..<h {
                (buffer.baseAddress! + y * row).update(from: base + y * stride, count: row)
            }
            count = row * h
        }
        return Picture(width: w, height: h, rgb: rgb)
    }

    static func free(_ frame: UnsafeMutablePointer<AVFrame>) {
        var f: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&f)
    }
}
