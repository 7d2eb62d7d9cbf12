/// Writes ISO BMFF boxes (ISO/IEC 14496-12) into a byte array: `box("moov") { ... }` writes the
/// size after the body is known. Used for the init segment and every fragment header.
struct BoxWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    mutating func box(_ type: String, _ body: (inout BoxWriter) -> Void) {
        let start = bytes.count
        bytes.appendU32(0)
        bytes.appendASCII(type)
        body(&self)
        bytes.setU32(UInt32(bytes.count - start), at: start)
    }

    /// A full box: version and 24-bit flags after the type.
    mutating func fullBox(_ type: String, version: UInt8, flags: UInt32, _ body: (inout BoxWriter) -> Void) {
        box(type) { w in
            w.u8(version)
            w.u24(flags)
            body(&w)
        }
    }

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { bytes.appendU16(v) }
    mutating func u24(_ v: UInt32) { bytes.appendU24(v) }
    mutating func u32(_ v: UInt32) { bytes.appendU32(v) }
    mutating func u64(_ v: UInt64) { bytes.appendU64(v) }
    mutating func i32(_ v: Int32) { bytes.appendU32(UInt32(bitPattern: v)) }
    mutating func zeros(_ n: Int) { bytes.append(contentsOf: repeatElement(0, count: n)) }
    mutating func ascii(_ s: String) { bytes.appendASCII(s) }
    mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }

    /// The unity transformation matrix of mvhd/tkhd.
    mutating func unityMatrix() {
        for v: UInt32 in [0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000] { u32(v) }
    }

    /// An MPEG-4 descriptor (ISO/IEC 14496-1) with its length in the 4-byte expandable form.
    mutating func descriptor(tag: UInt8, _ body: (inout BoxWriter) -> Void) {
        var inner = BoxWriter(capacity: 64)
        body(&inner)
        u8(tag)
        let n = inner.bytes.count
        u8(UInt8(0x80 | (n >> 21) & 0x7F)); u8(UInt8(0x80 | (n >> 14) & 0x7F))
        u8(UInt8(0x80 | (n >> 7) & 0x7F)); u8(UInt8(n & 0x7F))
        raw(inner.bytes)
    }
}
