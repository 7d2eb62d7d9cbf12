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
