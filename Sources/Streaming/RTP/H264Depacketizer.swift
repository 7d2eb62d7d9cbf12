/// H.264 over RTP (RFC 6184): single NAL unit packets, STAP-A and FU-A (packetization modes
/// 0 and 1). The interleaved mode (STAP-B, MTAP, FU-B) is refused with an error.
public final class H264Depacketizer: VideoDepacketizer {
    public let codec = VideoCodec.h264
    private var assembler: AccessUnitAssembler

    /// `parameterSets`: from the SDP's `sprop-parameter-sets`, if any; the stream's replace them.
    public init(parameterSets: ParameterSets = ParameterSets()) {
        assembler = AccessUnitAssembler(codec: .h264, params: parameterSets)
    }

    public var statistics: DepacketizerStatistics { assembler.stats }
    public var parameterSets: ParameterSets { assembler.params }

    public func push(_ packet: borrowing RTPPacket, emit: (AccessUnit) throws -> Void) throws {
        guard try assembler.begin(packet, emit: emit) else { return }
        let p = packet.payload
        if p.count >= 1 {
            let type = p[0] & 0x1F
            switch type {
            case 1...23:
                assembler.appendNAL(p, type: type)
            case 24:  // STAP-A
                var i = 1
                while i + 2 <= p.count {
                    let size = Int(p.u16(i))
                    i += 2
                    guard i + size <= p.count else { assembler.markBroken(); break }
                    if size > 0 { assembler.appendNAL(p.slice(i, i + size), type: p[i] & 0x1F) }
                    i += size
                }
            case 28:  // FU-A
                guard p.count >= 2 else { assembler.markBroken(); break }
                let fu = p[1]
                let nalType = fu & 0x1F
                if fu & 0x80 != 0 {
                    var header = (p[0] & 0xE0) | nalType
                    withUnsafeBytes(of: &header) { h in
                        assembler.beginFragment(header: h, type: nalType, body: p.slice(from: 2))
                    }
                    if fu & 0x40 != 0 { assembler.continueFragment(p.slice(p.count, p.count), end: true) }
                } else {
                    assembler.continueFragment(p.slice(from: 2), end: fu & 0x40 != 0)
                }
            case 25, 26, 27, 29:
                throw StreamingError.unsupportedPacketization("H.264 NAL type \(type) (interleaved mode)")
            default:
                break  // 0, 30, 31: reserved, ignored
            }
        }
        if packet.marker { try assembler.finish(emit: emit) }
    }

    public func flush(emit: (AccessUnit) throws -> Void) rethrows {
        try assembler.finish(emit: emit)
    }
}
