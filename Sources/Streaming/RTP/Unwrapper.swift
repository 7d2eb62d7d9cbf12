/// Extends 16-bit RTP sequence numbers to 64 bits across wrap-around.
/// A step back of less than half the range counts as a reorder or a jump back, not a wrap.
public struct SequenceUnwrapper: Sendable {
    private var last: UInt16?
    private var value: Int64 = 0
    public init() {}

    @inline(__always)
    public mutating func unwrap(_ seq: UInt16) -> Int64 {
        if let l = last {
            value += Int64(Int16(bitPattern: seq &- l))
        } else {
            value = Int64(seq)
        }
        last = seq
        return value
    }
}

/// Extends 32-bit RTP timestamps to 64 bits across wrap-around (signed steps: jumps back stay
/// jumps back, they are not mistaken for a wrap).
public struct TimestampUnwrapper: Sendable {
    private var last: UInt32?
    private var value: Int64 = 0
    public init() {}

    @inline(__always)
    public mutating func unwrap(_ ts: UInt32) -> Int64 {
        if let l = last {
            value += Int64(Int32(bitPattern: ts &- l))
        } else {
            value = Int64(ts)
        }
        last = ts
        return value
    }
}
