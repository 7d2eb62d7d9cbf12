import Foundation

/// One coded picture as a decoder takes it: Annex-B (start codes), the parameter sets (VPS for
/// H.265, SPS, PPS) in front of every key frame.
public struct VideoAccessUnit: Sendable {
    public var codec: VideoCodec
    /// `00 00 00 01` + NAL unit, for each NAL unit.
    public var annexB: [UInt8]
    /// An IDR (H.264) or IRAP (H.265) picture: decoding can start here.
    public var isKeyframe: Bool
    /// RTP timestamp extended to 64 bits (90 kHz clock).
    public var timestamp: Int64
    /// The picture's wall-clock time when the stream tells it (RTCP sender reports).
    public var wallClock: Date?

    public init(codec: VideoCodec, annexB: [UInt8], isKeyframe: Bool, timestamp: Int64, wallClock: Date? = nil) {
        self.codec = codec; self.annexB = annexB; self.isKeyframe = isKeyframe
        self.timestamp = timestamp; self.wallClock = wallClock
    }

    /// The access unit in Annex-B form; a key frame gets its parameter sets first.
    public init(_ au: AccessUnit) {
        self.init(codec: au.codec, annexB: au.annexB(withParameterSets: au.isKeyframe), isKeyframe: au.isKeyframe,
                  timestamp: au.timestamp, wallClock: au.wallClock)
    }
}

extension AccessUnit {
    /// The NAL units with start codes instead of length prefixes; with `withParameterSets`, the
    /// parameter sets in force come first (VPS, SPS, PPS), as a decoder starting here needs.
    public func annexB(withParameterSets: Bool) -> [UInt8] {
        let startCode: [UInt8] = [0, 0, 0, 1]
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 256)
        if withParameterSets {
            let sets = codec == .h265 ? [parameterSets.vps, parameterSets.sps, parameterSets.pps] : [parameterSets.sps, parameterSets.pps]
            for ps in sets {
                guard let ps, !ps.isEmpty else { continue }
                out += startCode
                out += ps
            }
        }
        for (offset, length) in nalUnits where length > 0 {
            out += startCode
            out += data[offset..<(offset + length)]
        }
        return out
    }
}
