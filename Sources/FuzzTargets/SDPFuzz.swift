import Foundation
import Streaming

/// SDP from DESCRIBE: media, rtpmap/fmtp, sprop parameter sets (Base64, start codes), AAC config.
public enum SDPFuzz {
    public static func run(_ data: Data) {
        let sdp = SessionDescription(data.text)
        _ = (sdp.control, sdp.range, sdp.video?.codec)
        for m in sdp.media {
            _ = m.codec
            let sets = m.parameterSets
            if let sps = sets.sps { _ = H264SPS(nal: sps); _ = H265SPS(nal: sps) }
            _ = AACDepacketizer(media: m)
        }
        if let audio = sdp.aacAudio { _ = AACDepacketizer(media: audio) }
    }
}
