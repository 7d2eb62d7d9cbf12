import CFFmpeg

/// Scales pictures with libswscale. Safe to call from several threads at once.
public enum PictureScaler {
    /// `picture` resized to exactly `width` x `height` (area averaging when it shrinks, bilinear
    /// when it grows). Throws for an empty picture or a size outside 1x1…8192x8192.
    public static func scale(_ picture: Picture, width: Int, height: Int) throws -> Picture {
        guard PictureLimits.isValidSize(picture.width, picture.height), PictureLimits.isValidSize(width, height)
        else { throw PictureError.badSize }
        if width == picture.width && height == picture.height { return picture }
        LibAV.silence()
        let shrinks = width <= picture.width && height <= picture.height
        guard let sws = sws_getContext(Int32(picture.width), Int32(picture.height), AV_PIX_FMT_RGB24,
                                       Int32(width), Int32(height), AV_PIX_FMT_RGB24,
                                       shrinks ? SWS_AREA : SWS_BILINEAR, nil, nil, nil)
        else { throw PictureError.scaleFailed }
        defer { sws_freeContext(sws) }
        let src = try LibAV.rgbFrame(picture)
        defer { LibAV.free(src) }
        let dst = try LibAV.allocFrame(width: width, height: height, format: AV_PIX_FMT_RGB24)
        defer { LibAV.free(dst) }
        guard sws_scale_frame(sws, dst, src) >= 0 else { throw PictureError.scaleFailed }
        return LibAV.picture(fromRGB: dst)
    }

    /// `picture` made to fit inside `maxWidth` x `maxHeight`, aspect kept; unchanged when it fits.
    public static func fit(_ picture: Picture, maxWidth: Int, maxHeight: Int) throws -> Picture {
        guard PictureLimits.isValidSize(picture.width, picture.height), PictureLimits.isValidSize(maxWidth, maxHeight)
        else { throw PictureError.badSize }
        if picture.width <= maxWidth && picture.height <= maxHeight { return picture }
        let s = min(Double(maxWidth) / Double(picture.width), Double(maxHeight) / Double(picture.height))
        let w = min(maxWidth, max(1, Int((Double(picture.width) * s).rounded())))
        let h = min(maxHeight, max(1, Int((Double(picture.height) * s).rounded())))
        return try scale(picture, width: w, height: h)
    }
}
