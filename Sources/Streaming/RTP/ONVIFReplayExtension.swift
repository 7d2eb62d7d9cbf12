import Foundation

/// The ONVIF replay RTP header extension (ONVIF Streaming Specification §6.3, profile 0xABAC):
/// the recording's wall-clock time of the access unit as an NTP timestamp, and flags.
public struct ONVIFReplayExtension: Sendable, Equatable {
    /// NTP timestamp: seconds since 1900 in the high 32 bits, fraction in the low 32 bits.
    public var ntpTimestamp: UInt64
    /// C: the access unit is a clean point (a keyframe where decoding can start).
    public var cleanPoint: Bool
    /// E: the last packet of a contiguous section of the recording (a gap follows).
    public var endOfSection: Bool
    /// D: a discontinuity — footage before this point is not contiguous (a gap in the recording).
    public var discontinuity: Bool
    /// T: the last packet of the requested range; the stream ends after it.
    public var terminal: Bool
    /// Low 8 bits of the CSeq of the PLAY request that started this stream.
    public var cseq: UInt8

    public init(ntpTimestamp: UInt64, cleanPoint: Bool = false, endOfSection: Bool = false,
                discontinuity: Bool = false, terminal: Bool = false, cseq: UInt8 = 0) {
        self.ntpTimestamp = ntpTimestamp
        self.cleanPoint = cleanPoint
        self.endOfSection = endOfSection
        self.discontinuity = discontinuity
        self.terminal = terminal
        self.cseq = cseq
    }

    /// Parses the extension's data words (after the 4-byte profile/length header); needs 8 bytes,
    /// flags and CSeq are read when the 12 bytes of the standard layout are there.
    init(_ data: UnsafeRawBufferPointer) {
        ntpTimestamp = data.u64(0)
        if data.count >= 10 {
            let f = data[8]
            cleanPoint = f & 0x80 != 0
            endOfSection = f & 0x40 != 0
            discontinuity = f & 0x20 != 0
            terminal = f & 0x10 != 0
            cseq = data[9]
        } else {
            cleanPoint = false; endOfSection = false; discontinuity = false; terminal = false; cseq = 0
        }
    }

    /// The 16 bytes of the extension as they go on the wire: profile 0xABAC, length 3, data.
    public var wireBytes: [UInt8] {
        var b: [UInt8] = [0xAB, 0xAC, 0x00, 0x03]
        b.reserveCapacity(16)
        b.appendU64(ntpTimestamp)
        var f: UInt8 = 0
        if cleanPoint { f |= 0x80 }
        if endOfSection { f |= 0x40 }
        if discontinuity { f |= 0x20 }
        if terminal { f |= 0x10 }
        b.append(f)
        b.append(cseq)
        b.append(0); b.append(0)
        return b
    }

    /// The wall-clock time as a `Date`.
    public var date: Date { NTPTime.date(ntpTimestamp) }
}

/// NTP timestamps (seconds since 1900-01-01 in 32.32 fixed point) to and from `Date`.
public enum NTPTime {
    /// Seconds from 1900-01-01 to 1970-01-01.
    public static let unixOffset: UInt64 = 2_208_988_800

    public static func date(_ ntp: UInt64) -> Date {
        let secs = Double(ntp >> 32) - Double(unixOffset)
        let frac = Double(ntp & 0xFFFF_FFFF) / 4_294_967_296.0
        return Date(timeIntervalSince1970: secs + frac)
    }

    public static func ntp(_ date: Date) -> UInt64 {
        let t = date.timeIntervalSince1970 + Double(unixOffset)
        let secs = t.rounded(.down)
        let frac = ((t - secs) * 4_294_967_296.0).rounded(.down)
        return UInt64(secs) << 32 | UInt64(min(frac, 4_294_967_295))
    }
}
