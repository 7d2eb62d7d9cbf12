import CFFmpeg

/// Converts decoded frames (any pixel format, any colour range) to packed RGB with libswscale,
/// keeping its scaler between frames of the same size and format. One owner at a time.
final class FrameConverter {
    private var sws: OpaquePointer?
    private var key: (width: Int32, height: Int32, format: Int32, colorspace: UInt32, fullRange: Bool, out: Int)?

    deinit { sws_freeContext(sws) }

    /// `frame` as an RGB picture of its own size, or fitted inside `fit` (aspect kept) in the
    /// same pass.
    func picture(from frame: UnsafePointer<AVFrame>, fit: (width: Int, height: Int)? = nil) throws -> Picture {
        let w = Int(frame.pointee.width), h = Int(frame.pointee.height)
        guard PictureLimits.isValidSize(w, h) else { throw PictureError.badSize }
        var ow = w, oh = h
        if let fit, w > fit.width || h > fit.height {
            let s = min(Double(fit.width) / Double(w), Double(fit.height) / Double(h))
            ow = min(fit.width, max(1, Int((Double(w) * s).rounded())))
            oh = min(fit.height, max(1, Int((Double(h) * s).rounded())))
        }
        let format = AVPixelFormat(rawValue: frame.pointee.format)
        if format == AV_PIX_FMT_RGB24 && ow == w && oh == h { return LibAV.picture(fromRGB: frame) }
        let fullRange = frame.pointee.color_range == AVCOL_RANGE_JPEG || Self.isJPEGRange(format)
        let colorspace = frame.pointee.colorspace.rawValue
        let out = ow << 16 | oh
        if key == nil || key! != (frame.pointee.width, frame.pointee.height, frame.pointee.format, colorspace, fullRange, out) {
            sws_freeContext(sws)
            sws = nil
            key = nil
            guard let ctx = sws_getContext(Int32(w), Int32(h), format, Int32(ow), Int32(oh), AV_PIX_FMT_RGB24,
                                           ow == w && oh == h ? SWS_BILINEAR : SWS_AREA, nil, nil, nil)
            else { throw PictureError.damagedPicture }
            sws = ctx
            // YUVJ formats are full range already (swscale knows); other YUV frames say so in
            // color_range. The matrix follows the frame (BT.709 for HD cameras that tag it).
            if !Self.isJPEGRange(format), Self.isYUV(format) {
                let coefficients = sws_getCoefficients(Self.swsColorspace(frame.pointee.colorspace))
                _ = sws_setColorspaceDetails(ctx, coefficients, fullRange ? 1 : 0,
                                             sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16)
            }
            key = (frame.pointee.width, frame.pointee.height, frame.pointee.format, colorspace, fullRange, out)
        }
        let rgb = try LibAV.allocFrame(width: ow, height: oh, format: AV_PIX_FMT_RGB24)
        defer { LibAV.free(rgb) }
        guard sws_scale_frame(sws, rgb, frame) >= 0 else { throw PictureError.damagedPicture }
        return LibAV.picture(fromRGB: rgb)
    }

    private static func isJPEGRange(_ f: AVPixelFormat) -> Bool {
        f == AV_PIX_FMT_YUVJ420P || f == AV_PIX_FMT_YUVJ422P || f == AV_PIX_FMT_YUVJ444P
            || f == AV_PIX_FMT_YUVJ440P || f == AV_PIX_FMT_YUVJ411P
    }

    private static func isYUV(_ f: AVPixelFormat) -> Bool {
        guard let d = av_pix_fmt_desc_get(f) else { return false }
        return d.pointee.flags & UInt64(AV_PIX_FMT_FLAG_RGB) == 0 && d.pointee.nb_components >= 3
    }

    private static func swsColorspace(_ c: AVColorSpace) -> Int32 {
        switch c {
        case AVCOL_SPC_BT709: SWS_CS_ITU709
        case AVCOL_SPC_FCC: SWS_CS_FCC
        case AVCOL_SPC_SMPTE240M: SWS_CS_SMPTE240M
        case AVCOL_SPC_BT2020_NCL, AVCOL_SPC_BT2020_CL: SWS_CS_BT2020
        default: SWS_CS_DEFAULT
        }
    }
}
