import Foundation
import Streaming

/// RTP and RTCP packets through the pipeline a download uses: depacketizers (H.264 RFC 6184,
/// H.265 RFC 7798 with or without DONL, AAC), the ONVIF replay extension and access-unit assembly.
/// Input: 1 byte of options, then packets as [channel byte][16-bit length][bytes].
public enum RTPFuzz {
    final class Sink: MediaSink {
        var pictures = 0
        func received(_ accessUnit: AccessUnit) throws -> SinkDecision {
            pictures += 1
            _ = (accessUnit.data.count, accessUnit.isKeyframe, accessUnit.wallClock)
            return .continue
        }
    }

    static let aacSDP = """
        v=0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\nm=audio 0 RTP/AVP 97\r\n\
        a=rtpmap:97 MPEG4-GENERIC/16000/1\r\n\
        a=fmtp:97 streamtype=5;mode=AAC-hbr;config=1408;sizelength=13;indexlength=3;indexdeltalength=3\r\n
        """

    public static func run(_ data: Data) {
        var input = FuzzInput(data)
        let options = input.byte()
        let video: VideoDepacketizer = options & 1 == 0
            ? H264Depacketizer()
            : H265Depacketizer(usesDONL: options & 2 == 2)
        let audio = SessionDescription(aacSDP).aacAudio.flatMap { AACDepacketizer(media: $0) }
        let pipeline = MediaPipeline(channels: .init(videoRTP: 0, videoRTCP: 1, audioRTP: 2, audioRTCP: 3),
                                     video: video, audio: audio, sink: Sink())
        while !input.isAtEnd {
            let channel = input.byte() & 3
            let packet = input.take(input.u16() & 0x7FF)
            let going = packet.withUnsafeBytes { raw -> Bool in
                if let p = RTPPacket(raw) { _ = p.onvifExtension?.date }
                _ = WireReading.rtcp(raw)
                return (try? pipeline.handle(channel: channel, payload: raw)) ?? false
            }
            if !going { break }
        }
        try? pipeline.finish()
        _ = video.statistics
    }
}
