/// Big-endian reads from raw bytes without bounds checks beyond the caller's own.
/// The RTP, RTSP-interleaved and MP4 code all read network-order integers from buffers
/// they have already length-checked, so these are plain unaligned loads.
extension UnsafeRawBufferPointer {
    @inline(__always) func u8(_ i: Int) -> UInt8 { self[i] }
    @inline(__always) func u16(_ i: Int) -> UInt16 {
        UInt16(self[i]) << 8 | UInt16(self[i + 1])
    }
    @inline(__always) func u24(_ i: Int) -> UInt32 {
        UInt32(self[i]) << 16 | UInt32(self[i + 1]) << 8 | UInt32(self[i + 2])
    }
    @inline(__always) func u32(_ i: Int) -> UInt32 {
        UInt32(bigEndian: loadUnaligned(fromByteOffset: i, as: UInt32.self))
    }
    @inline(__always) func u64(_ i: Int) -> UInt64 {
        UInt64(bigEndian: loadUnaligned(fromByteOffset: i, as: UInt64.self))
    }
    /// A sub-range as a buffer of its own (indices start at 0).
    @inline(__always) func slice(_ from: Int, _ to: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: self[from..<to])
    }
    @inline(__always) func slice(from: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: self[from...])
    }
}

extension Array where Element == UInt8 {
    @inline(__always) mutating func appendU8(_ v: UInt8) { append(v) }
    @inline(__always) mutating func appendU16(_ v: UInt16) {
        append(UInt8(truncatingIfNeeded: v >> 8)); append(UInt8(truncatingIfNeeded: v))
    }
    @inline(__always) mutating func appendU24(_ v: UInt32) {
        append(UInt8(truncatingIfNeeded: v >> 16)); append(UInt8(truncatingIfNeeded: v >> 8)); append(UInt8(truncatingIfNeeded: v))
    }
    @inline(__always) mutating func appendU32(_ v: UInt32) {
        Swift.withUnsafeBytes(of: v.bigEndian) { append(contentsOf: $0) }
    }
    @inline(__always) mutating func appendU64(_ v: UInt64) {
        Swift.withUnsafeBytes(of: v.bigEndian) { append(contentsOf: $0) }
    }
    /// Overwrites 4 bytes at `offset` with `v` in network order.
    @inline(__always) mutating func setU32(_ v: UInt32, at offset: Int) {
        self[offset] = UInt8(truncatingIfNeeded: v >> 24)
        self[offset + 1] = UInt8(truncatingIfNeeded: v >> 16)
        self[offset + 2] = UInt8(truncatingIfNeeded: v >> 8)
        self[offset + 3] = UInt8(truncatingIfNeeded: v)
    }
    /// Appends ASCII text (a four-character code, a name).
    @inline(__always) mutating func appendASCII(_ s: String) { append(contentsOf: s.utf8) }
}

extension Array where Element == UInt8 {
    /// Big-endian read from an array (used when parsing our own files and tests).
    func readU32(_ i: Int) -> UInt32 {
        UInt32(self[i]) << 24 | UInt32(self[i + 1]) << 16 | UInt32(self[i + 2]) << 8 | UInt32(self[i + 3])
    }
}
