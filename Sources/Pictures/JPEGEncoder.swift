import CFFmpeg

/// Encodes pictures as baseline JPEG with libavcodec's MJPEG encoder (what `vtrack snapshot`
/// saves when a picture came from a video key frame, and what the simulator serves). Safe to
/// call from several threads at once (each call has its own encoder).
public enum JPEGEncoder {
    /// `quality` 1…100 (clamped): libavcodec's quantiser scale 31…2.
    public static func encode(_ picture: Picture, quality: Int = 85) throws -> [UInt8] {
        guard PictureLimits.isValidSize(picture.width, picture.height) else { throw PictureError.badSize }
        LibAV.silence()
        guard let codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG) else { throw PictureError.missingCodec("JPEG") }
        var context = avcodec_alloc_context3(codec)
        defer { avcodec_free_context(&context) }
        var packet = av_packet_alloc()
        defer { av_packet_free(&packet) }
        guard let ctx = context, let pkt = packet else { throw PictureError.outOfMemory }

        let clamped: Int = min(100, max(1, quality))
        let scaled: Int = ((100 - clamped) * 29 + 49) / 99
        let q = Int32(2 + scaled)
        ctx.pointee.width = Int32(picture.width)
        ctx.pointee.height = Int32(picture.height)
        ctx.pointee.pix_fmt = AV_PIX_FMT_YUVJ420P
        ctx.pointee.color_range = AVCOL_RANGE_JPEG
        ctx.pointee.time_base = AVRational(num: 1, den: 25)
        ctx.pointee.thread_count = 1
        ctx.pointee.flags |= AV_CODEC_FLAG_QSCALE
        ctx.pointee.qmin = 2
        ctx.pointee.qmax = 31
        ctx.pointee.global_quality = q * FF_QP2LAMBDA
        guard avcodec_open2(ctx, codec, nil) >= 0 else { throw PictureError.encodeFailed }

        let yuv = try LibAV.allocFrame(width: picture.width, height: picture.height, format: AV_PIX_FMT_YUVJ420P)
        defer { LibAV.free(yuv) }
        let rgb = try LibAV.rgbFrame(picture)
        defer { LibAV.free(rgb) }
        guard let sws = sws_getContext(Int32(picture.width), Int32(picture.height), AV_PIX_FMT_RGB24,
                                       Int32(picture.width), Int32(picture.height), AV_PIX_FMT_YUVJ420P,
                                       SWS_BILINEAR | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, nil, nil, nil)
        else { throw PictureError.encodeFailed }
        defer { sws_freeContext(sws) }
        guard sws_scale_frame(sws, yuv, rgb) >= 0 else { throw PictureError.encodeFailed }
        yuv.pointee.pts = 0
        yuv.pointee.quality = ctx.pointee.global_quality
        yuv.pointee.color_range = AVCOL_RANGE_JPEG

        guard avcodec_send_frame(ctx, yuv) >= 0, avcodec_send_frame(ctx, nil) >= 0 else { throw PictureError.encodeFailed }
        var out: [UInt8] = []
        while true {
            let r = avcodec_receive_packet(ctx, pkt)
            if r == LibAV.eof || r == LibAV.eagain { break }
            guard r >= 0 else { throw PictureError.encodeFailed }
            out.append(contentsOf: UnsafeBufferPointer(start: pkt.pointee.data, count: Int(pkt.pointee.size)))
            av_packet_unref(pkt)
        }
        guard !out.isEmpty else { throw PictureError.encodeFailed }
        return out
    }
}
