/// What the MP4 writer needs from an H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1):
/// profile/level for `avcC`, and the displayed size with frame cropping applied.
public struct H264SPS: Sendable, Equatable {
    public var profileIDC: UInt8
    public var constraintFlags: UInt8
    public var levelIDC: UInt8
    public var chromaFormatIDC: UInt32
    public var bitDepthLuma: UInt32
    public var bitDepthChroma: UInt32
    public var width: Int
    public var height: Int

    /// Parses a NAL unit (with its 1-byte header); nil when it is not an SPS or is cut short.
    public init?(nal: [UInt8]) {
        guard nal.count >= 4, nal[0] & 0x1F == 7 else { return nil }
        var r = BitReader(NALUnit.rbsp(Array(nal[1...])))
        profileIDC = UInt8(r.u(8))
        constraintFlags = UInt8(r.u(8))
        levelIDC = UInt8(r.u(8))
        _ = r.ue()  // seq_parameter_set_id
        chromaFormatIDC = 1
        bitDepthLuma = 8
        bitDepthChroma = 8
        var separateColourPlane = false
        if [100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135].contains(profileIDC) {
            chromaFormatIDC = r.ue()
            if chromaFormatIDC == 3 { separateColourPlane = r.u1() == 1 }
            // bit_depth_*_minus8 is 0…6; a damaged SPS may say up to 2^32 - 2 (no overflow trap)
            bitDepthLuma = min(r.ue(), 64) + 8
            bitDepthChroma = min(r.ue(), 64) + 8
            _ = r.u1()  // qpprime_y_zero_transform_bypass_flag
            if r.u1() == 1 {  // seq_scaling_matrix_present_flag
                let lists = chromaFormatIDC != 3 ? 8 : 12
                for i in 0..<lists where r.u1() == 1 {
                    H264SPS.skipScalingList(&r, size: i < 6 ? 16 : 64)
                }
            }
        }
        _ = r.ue()  // log2_max_frame_num_minus4
        let pocType = r.ue()
        if pocType == 0 {
            _ = r.ue()
        } else if pocType == 1 {
            _ = r.u1()
            _ = r.se(); _ = r.se()
            let n = r.ue()
            guard n < 256 else { return nil }
            for _ in 0..<n { _ = r.se() }
        }
        _ = r.ue()  // max_num_ref_frames
        _ = r.u1()  // gaps_in_frame_num_value_allowed_flag
        let widthMbs = Int(r.ue()) + 1
        let heightMapUnits = Int(r.ue()) + 1
        let frameMbsOnly = Int(r.u1())
        if frameMbsOnly == 0 { _ = r.u1() }
        _ = r.u1()  // direct_8x8_inference_flag
        var cropL = 0, cropR = 0, cropT = 0, cropB = 0
        if r.u1() == 1 {
            cropL = Int(r.ue()); cropR = Int(r.ue()); cropT = Int(r.ue()); cropB = Int(r.ue())
        }
        guard !r.overrun else { return nil }
        let chromaArrayType = separateColourPlane ? 0 : chromaFormatIDC
        let subWidthC = chromaArrayType == 3 ? 1 : 2
        let subHeightC = chromaArrayType == 1 ? 2 : 1
        let cropUnitX = chromaArrayType == 0 ? 1 : subWidthC
        let cropUnitY = (chromaArrayType == 0 ? 1 : subHeightC) * (2 - frameMbsOnly)
        width = widthMbs * 16 - cropUnitX * (cropL + cropR)
        height = (2 - frameMbsOnly) * heightMapUnits * 16 - cropUnitY * (cropT + cropB)
        guard width > 0, height > 0 else { return nil }
    }

    private static func skipScalingList(_ r: inout BitReader, size: Int) {
        var last: Int32 = 8, next: Int32 = 8
        for _ in 0..<size {
            if next != 0 {
                // delta_scale is -128…127; in Int so that a damaged one cannot overflow
                let delta = Int(r.se())
                next = Int32(((Int(last) + delta) % 256 + 256) % 256)
            }
            last = next == 0 ? last : next
        }
    }
}
