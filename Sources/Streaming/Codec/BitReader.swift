/// Reads bits and Exp-Golomb codes (H.264/H.265 §7.2) from an RBSP (emulation prevention
/// bytes already removed). Reading past the end yields zeros and sets `overrun`.
struct BitReader {
    private let bytes: [UInt8]
    private var bit = 0
    private(set) var overrun = false

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func u1() -> UInt32 {
        let byte = bit >> 3
        guard byte < bytes.count else { overrun = true; bit += 1; return 0 }
        let v = UInt32(bytes[byte] >> (7 - UInt8(bit & 7)) & 1)
        bit += 1
        return v
    }

    mutating func u(_ n: Int) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<n { v = v << 1 | u1() }
        return v
    }

    mutating func u64(_ n: Int) -> UInt64 {
        var v: UInt64 = 0
        for _ in 0..<n { v = v << 1 | UInt64(u1()) }
        return v
    }

    mutating func skip(_ n: Int) { for _ in 0..<n { _ = u1() } }

    /// ue(v)
    mutating func ue() -> UInt32 {
        var zeros = 0
        while u1() == 0 {
            zeros += 1
            if zeros > 31 || overrun { overrun = true; return 0 }
        }
        if zeros == 0 { return 0 }
        return (1 << UInt32(zeros)) - 1 + u(zeros)
    }

    /// se(v)
    mutating func se() -> Int32 {
        let k = ue()
        return k & 1 == 1 ? Int32((k + 1) / 2) : -Int32(k / 2)
    }
}

/// NAL unit helpers shared by both codecs.
public enum NALUnit {
    /// The RBSP of a NAL unit: emulation prevention bytes (00 00 03) removed.
    public static func rbsp(_ nal: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(nal.count)
        var zeros = 0
        for b in nal {
            if zeros >= 2 && b == 3 { zeros = 0; continue }
            out.append(b)
            zeros = b == 0 ? zeros + 1 : 0
        }
        return out
    }

    /// Splits an Annex B byte stream (NAL units after 00 00 01 or 00 00 00 01 start codes).
    /// Bytes without any start code are returned as one NAL unit (tolerant SDP parsing).
    public static func splitAnnexB(_ bytes: [UInt8]) -> [[UInt8]] {
        var starts: [(Int, Int)] = []  // (start code position, payload start)
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0, bytes[i + 1] == 0, bytes[i + 2] == 1 {
                let sc = i > 0 && bytes[i - 1] == 0 ? i - 1 : i
                starts.append((sc, i + 3))
                i += 3
            } else {
                i += 1
            }
        }
        if starts.isEmpty { return bytes.isEmpty ? [] : [bytes] }
        var out: [[UInt8]] = []
        if starts[0].0 > 0 { out.append(Array(bytes[0..<starts[0].0])) }
        for (k, s) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].0 : bytes.count
            if end > s.1 { out.append(Array(bytes[s.1..<end])) }
        }
        return out
    }
}
