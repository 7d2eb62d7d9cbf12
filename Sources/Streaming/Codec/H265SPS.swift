/// What the MP4 writer needs from an H.265 sequence parameter set (ITU-T H.265 §7.3.2.2):
/// the profile_tier_level fields for `hvcC`, chroma format, bit depths and the displayed size
/// with the conformance window applied.
public struct H265SPS: Sendable, Equatable {
    public var generalProfileSpace: UInt8
    public var generalTierFlag: UInt8
    public var generalProfileIDC: UInt8
    public var generalProfileCompatibilityFlags: UInt32
    /// The 48 constraint-indicator bits, right-aligned.
    public var generalConstraintIndicatorFlags: UInt64
    public var generalLevelIDC: UInt8
    public var maxSubLayers: Int
    public var temporalIDNesting: Bool
    public var chromaFormatIDC: UInt32
    public var bitDepthLuma: UInt32
    public var bitDepthChroma: UInt32
    public var width: Int
    public var height: Int

    /// Parses a NAL unit (with its 2-byte header); nil when it is not an SPS or is cut short.
    public init?(nal: [UInt8]) {
        guard nal.count >= 6, (nal[0] >> 1) & 0x3F == 33 else { return nil }
        var r = BitReader(NALUnit.rbsp(Array(nal[2...])))
        _ = r.u(4)  // sps_video_parameter_set_id
        let maxSubLayersMinus1 = Int(r.u(3))
        maxSubLayers = maxSubLayersMinus1 + 1
        temporalIDNesting = r.u1() == 1
        generalProfileSpace = UInt8(r.u(2))
        generalTierFlag = UInt8(r.u1())
        generalProfileIDC = UInt8(r.u(5))
        generalProfileCompatibilityFlags = r.u(32)
        generalConstraintIndicatorFlags = r.u64(48)
        generalLevelIDC = UInt8(r.u(8))
        var profilePresent: [Bool] = []
        var levelPresent: [Bool] = []
        for _ in 0..<maxSubLayersMinus1 {
            profilePresent.append(r.u1() == 1)
            levelPresent.append(r.u1() == 1)
        }
        if maxSubLayersMinus1 > 0 {
            for _ in maxSubLayersMinus1..<8 { r.skip(2) }
        }
        for i in 0..<maxSubLayersMinus1 {
            if profilePresent[i] { r.skip(88) }
            if levelPresent[i] { r.skip(8) }
        }
        _ = r.ue()  // sps_seq_parameter_set_id
        chromaFormatIDC = r.ue()
        if chromaFormatIDC == 3 { _ = r.u1() }
        let w = Int(r.ue())
        let h = Int(r.ue())
        var l = 0, rr = 0, t = 0, b = 0
        if r.u1() == 1 {
            l = Int(r.ue()); rr = Int(r.ue()); t = Int(r.ue()); b = Int(r.ue())
        }
        bitDepthLuma = min(r.ue(), 64) + 8  // 0…8 when valid; never an overflow trap
        bitDepthChroma = min(r.ue(), 64) + 8
        guard !r.overrun else { return nil }
        let subWidthC = chromaFormatIDC == 1 || chromaFormatIDC == 2 ? 2 : 1
        let subHeightC = chromaFormatIDC == 1 ? 2 : 1
        width = w - subWidthC * (l + rr)
        height = h - subHeightC * (t + b)
        guard width > 0, height > 0 else { return nil }
    }
}
