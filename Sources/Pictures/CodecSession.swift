import CFFmpeg
import Glibc

/// One opened libavcodec decoder with its packet, frames and RGB converter; everything is freed
/// with the session. One owner at a time (ImageDecoder makes one per call, VideoFrameDecoder keeps
/// one behind its lock).
final class CodecSession {
    private let context: UnsafeMutablePointer<AVCodecContext>
    private let packet: UnsafeMutablePointer<AVPacket>
    private let frame: UnsafeMutablePointer<AVFrame>
    /// The newest frame received and not yet converted.
    private let held: UnsafeMutablePointer<AVFrame>
    private let converter = FrameConverter()
    private let fit: (width: Int, height: Int)?
    private let damaged: PictureError
    private let waitsForKeyFrame: Bool
    /// Whether a picture has come out yet (until then a video decoder may be fed the middle of
    /// a stream it cannot decode yet: that is waiting, not damage).
    private var started = false

    /// - Parameters:
    ///   - strict: abort on damage instead of concealing it (a still picture: a half-grey
    ///     snapshot is worse than a sentence); live video conceals.
    ///   - lowDelay: output each frame as soon as it is complete (live view).
    ///   - waitsForKeyFrame: data refused before the first picture means "not yet" (nil), not damage.
    ///   - lowres: decode at 1/2^lowres of the size (JPEG's scaled IDCT), for previews.
    ///   - fit: pictures come out fitted inside this size (aspect kept).
    init(codec id: AVCodecID, name: String, strict: Bool, lowDelay: Bool, waitsForKeyFrame: Bool = false,
         lowres: Int = 0, fit: (width: Int, height: Int)? = nil, damaged: PictureError) throws {
        self.fit = fit
        LibAV.silence()
        self.damaged = damaged
        self.waitsForKeyFrame = waitsForKeyFrame
        guard let codec = avcodec_find_decoder(id) else { throw PictureError.missingCodec(name) }
        var ctx = avcodec_alloc_context3(codec)
        var pkt = av_packet_alloc()
        var frm = av_frame_alloc()
        var hld = av_frame_alloc()
        guard let c = ctx, let p = pkt, let f = frm, let h = hld else {
            avcodec_free_context(&ctx); av_packet_free(&pkt); av_frame_free(&frm); av_frame_free(&hld)
            throw PictureError.outOfMemory
        }
        c.pointee.thread_count = 1
        c.pointee.max_pixels = Int64(PictureLimits.maxSide) * Int64(PictureLimits.maxSide)
        if strict { c.pointee.err_recognition |= AV_EF_EXPLODE | AV_EF_BUFFER | AV_EF_CRCCHECK }
        if lowDelay { c.pointee.flags |= AV_CODEC_FLAG_LOW_DELAY }
        c.pointee.lowres = Int32(min(max(0, lowres), Int(codec.pointee.max_lowres)))
        guard avcodec_open2(c, codec, nil) >= 0 else {
            avcodec_free_context(&ctx); av_packet_free(&pkt); av_frame_free(&frm); av_frame_free(&hld)
            throw PictureError.missingCodec(name)
        }
        context = c; packet = p; frame = f; held = h
    }

    deinit {
        var c: UnsafeMutablePointer<AVCodecContext>? = context
        var p: UnsafeMutablePointer<AVPacket>? = packet
        var f: UnsafeMutablePointer<AVFrame>? = frame
        var h: UnsafeMutablePointer<AVFrame>? = held
        avcodec_free_context(&c); av_packet_free(&p); av_frame_free(&f); av_frame_free(&h)
    }

    /// Feeds `bytes` (one packet) and returns the newest picture that came out, if any.
    func decode(_ bytes: [UInt8]) throws -> Picture? {
        guard !bytes.isEmpty else { return nil }
        guard bytes.count <= PictureLimits.maxEncodedBytes else { throw PictureError.tooLargeInput }
        guard av_new_packet(packet, Int32(bytes.count)) >= 0 else { throw PictureError.outOfMemory }
        defer { av_packet_unref(packet) }
        bytes.withUnsafeBufferPointer { packet.pointee.data.update(from: $0.baseAddress!, count: $0.count) }
        var got = false
        while true {
            let r = avcodec_send_packet(context, packet)
            if r == LibAV.eagain {
                // Frames must be taken out first; then the packet goes in.
                got = try receive() || got
                continue
            }
            if r < 0 && r != LibAV.eof {
                if waitsForKeyFrame && !started && r != -ENOMEM { return nil }
                throw error(for: r)
            }
            break
        }
        got = try receive() || got
        return got ? try takeHeld() : nil
    }

    /// Drains the decoder (end of stream: the frames it kept back come out) and readies it for
    /// new data; returns the newest picture, if any.
    func flush() throws -> Picture? {
        defer { avcodec_flush_buffers(context); started = false }
        let r = avcodec_send_packet(context, nil)
        if r < 0 && r != LibAV.eof { throw error(for: r) }
        return try receive() ? try takeHeld() : nil
    }

    /// Takes every frame ready into `held` (the newest wins); true when there was at least one.
    private func receive() throws -> Bool {
        var got = false
        while true {
            let r = avcodec_receive_frame(context, frame)
            if r == LibAV.eagain || r == LibAV.eof { return got }
            if r < 0 { throw error(for: r) }
            av_frame_unref(held)
            av_frame_move_ref(held, frame)
            got = true
        }
    }

    private func takeHeld() throws -> Picture {
        defer { av_frame_unref(held) }
        if held.pointee.decode_error_flags != 0 || held.pointee.flags & AV_FRAME_FLAG_CORRUPT != 0 {
            throw damaged
        }
        let picture = try converter.picture(from: held, fit: fit)
        started = true
        return picture
    }

    private func error(for code: Int32) -> PictureError {
        code == -ENOMEM ? .outOfMemory : damaged
    }
}
