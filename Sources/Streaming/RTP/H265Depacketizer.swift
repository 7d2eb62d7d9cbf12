/// H.265 over RTP (RFC 7798): single NAL unit packets, aggregation packets (AP) and
/// fragmentation units (FU), with the DONL/DOND fields present when the SDP says
/// `sprop-max-don-diff` > 0. Zero-length NAL units are skipped; PACI is refused.
public final class H265Depacketizer: VideoDepacketizer {
    public let codec = VideoCodec.h265
    private var assembler: AccessUnitAssembler
    private let donl: Bool

    /// `parameterSets`: from the SDP's `sprop-vps/sps/pps`; `usesDONL`: `sprop-max-don-diff` > 0.
    public init(parameterSets: ParameterSets = ParameterSets(), usesDONL: Bool = false) {
        assembler = AccessUnitAssembler(codec: .h265, params: parameterSets)
        donl = usesDONL
    }

    public var statistics: DepacketizerStatistics { assembler.stats }
    public var parameterSets: ParameterSets { assembler.params }

    public func push(_ packet: borrowing RTPPacket, emit: (AccessUnit) throws -> Void) throws {
        guard try assembler.begin(packet, emit: emit) else { return }
        let p = packet.payload
        if p.count >= 2 {
            let type = (p[0] >> 1) & 0x3F
            switch type {
            case 0...47:
                if donl {
                    if p.count > 4 { assembler.appendNAL(header: p.slice(0, 2), body: p.slice(from: 4), type: type) }
                } else if p.count > 2 {
                    assembler.appendNAL(p, type: type)
                }
            case 48:  // aggregation packet
                var i = 2
                var first = true
                while i < p.count {
                    if donl { i += first ? 2 : 1 }
                    first = false
                    guard i + 2 <= p.count else { break }
                    let size = Int(p.u16(i))
                    i += 2
                    guard i + size <= p.count else { assembler.markBroken(); break }
                    if size >= 2 { assembler.appendNAL(p.slice(i, i + size), type: (p[i] >> 1) & 0x3F) }
                    i += size
                }
            case 49:  // fragmentation unit
                guard p.count >= 3 else { assembler.markBroken(); break }
                let fu = p[2]
                let nalType = fu & 0x3F
                if fu & 0x80 != 0 {
                    let start = donl ? 5 : 3
                    guard p.count >= start else { assembler.markBroken(); break }
                    var header: (UInt8, UInt8) = ((p[0] & 0x81) | (nalType << 1), p[1])
                    withUnsafeBytes(of: &header) { h in
                        assembler.beginFragment(header: h, type: nalType, body: p.slice(from: start))
                    }
                    if fu & 0x40 != 0 { assembler.continueFragment(p.slice(p.count, p.count), end: true) }
                } else {
                    assembler.continueFragment(p.slice(from: 3), end: fu & 0x40 != 0)
                }
            case 50:
                throw StreamingError.unsupportedPacketization("H.265 PACI packets")
            default:
                break
            }
        }
        if packet.marker { try assembler.finish(emit: emit) }
    }

    public func flush(emit: (AccessUnit) throws -> Void) rethrows {
        try assembler.finish(emit: emit)
    }
}
