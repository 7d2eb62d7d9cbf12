import Foundation

/// What the client reads from RTCP (RFC 3550 §6): sender reports (for the NTP/RTP time
/// mapping when a stream has no ONVIF extension) and BYE (the server's end of stream).
struct RTCPCompound {
    var senderReport: (ntp: UInt64, rtpTimestamp: UInt32)?
    var bye = false

    init(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        while i + 4 <= bytes.count {
            guard bytes[i] & 0xC0 == 0x80 else { break }
            let pt = bytes[i + 1]
            let length = (Int(bytes.u16(i + 2)) + 1) * 4
            guard i + length <= bytes.count else { break }
            if pt == 200, length >= 28 {
                senderReport = (bytes.u64(i + 8), bytes.u32(i + 16))
            } else if pt == 203 {
                bye = true
            }
            i += length
        }
    }

    /// An RTCP BYE for `ssrc` (used by the simulator).
    static func bye(ssrc: UInt32) -> [UInt8] {
        var b: [UInt8] = [0x81, 203, 0, 1]
        b.appendU32(ssrc)
        return b
    }

    /// An RTCP sender report (used by the simulator).
    static func senderReport(ssrc: UInt32, ntp: UInt64, rtpTimestamp: UInt32, packets: UInt32, octets: UInt32) -> [UInt8] {
        var b: [UInt8] = [0x80, 200, 0, 6]
        b.appendU32(ssrc)
        b.appendU64(ntp)
        b.appendU32(rtpTimestamp)
        b.appendU32(packets)
        b.appendU32(octets)
        return b
    }
}

/// RTCP packets the simulator sends.
public enum RTCPBuilder {
    public static func bye(ssrc: UInt32) -> [UInt8] { RTCPCompound.bye(ssrc: ssrc) }
    public static func senderReport(ssrc: UInt32, ntp: UInt64, rtpTimestamp: UInt32, packets: UInt32, octets: UInt32) -> [UInt8] {
        RTCPCompound.senderReport(ssrc: ssrc, ntp: ntp, rtpTimestamp: rtpTimestamp, packets: packets, octets: octets)
    }
}
