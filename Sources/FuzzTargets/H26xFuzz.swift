import Foundation
import Streaming

/// H.264/H.265 NAL units: SPS parsing (exp-Golomb, scaling lists, VUI), RBSP unescaping and
/// Annex B splitting; the same bytes then go through both depacketizers as single-NAL packets.
public enum H26xFuzz {
    public static func run(_ data: Data) {
        let bytes = [UInt8](data)
        _ = H264SPS(nal: bytes)
        _ = H265SPS(nal: bytes)
        _ = NALUnit.rbsp(bytes)
        let nals = NALUnit.splitAnnexB(bytes)
        for nal in nals.prefix(64) {
            _ = H264SPS(nal: nal)
            _ = H265SPS(nal: nal)
        }
        // every NAL as one RTP packet (marker set), one picture each
        let packets = nals.prefix(64).enumerated().map { i, nal -> [UInt8] in
            [0x80, 0xE0, 0, UInt8(truncatingIfNeeded: i), 0, 0, 0x0B, 0xB8, 0, 0, 0, 1] + nal
        }
        _ = try? H264Depacketizer().accessUnits(packets)
        _ = try? H265Depacketizer().accessUnits(packets)
    }
}
