/// The parameter sets a decoder needs: SPS and PPS (and VPS for H.265), each a NAL unit
/// without start code or length prefix.
public struct ParameterSets: Sendable, Equatable {
    public var vps: [UInt8]?
    public var sps: [UInt8]?
    public var pps: [UInt8]?
    public init(vps: [UInt8]? = nil, sps: [UInt8]? = nil, pps: [UInt8]? = nil) {
        self.vps = vps; self.sps = sps; self.pps = pps
    }
    /// True when everything the codec needs is there.
    public func isComplete(for codec: VideoCodec) -> Bool {
        sps != nil && pps != nil && (codec == .h264 || vps != nil)
    }
}
