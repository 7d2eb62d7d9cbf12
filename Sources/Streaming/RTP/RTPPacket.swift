/// A parsed RTP packet (RFC 3550) that borrows its bytes: `payload` points into the buffer the
/// packet was parsed from and is valid only while that buffer is (one callback). No copies.
public struct RTPPacket {
    public var marker: Bool
    public var payloadType: UInt8
    public var sequenceNumber: UInt16
    public var timestamp: UInt32
    public var ssrc: UInt32
    /// The ONVIF replay extension (profile 0xABAC), when the packet has one.
    public var onvifExtension: ONVIFReplayExtension?
    /// Payload without header, CSRCs, extension and padding.
    public var payload: UnsafeRawBufferPointer

    /// Parses `bytes`; nil when it is not an RTP version 2 packet or its lengths do not fit.
    @inline(__always)
    public init?(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n >= 12 else { return nil }
        let b0 = bytes[0]
        guard b0 & 0xC0 == 0x80 else { return nil }
        let b1 = bytes[1]
        marker = b1 & 0x80 != 0
        payloadType = b1 & 0x7F
        sequenceNumber = bytes.u16(2)
        timestamp = bytes.u32(4)
        ssrc = bytes.u32(8)
        var offset = 12 + Int(b0 & 0x0F) * 4
        onvifExtension = nil
        if b0 & 0x10 != 0 {
            guard offset + 4 <= n else { return nil }
            let profile = bytes.u16(offset)
            let words = Int(bytes.u16(offset + 2))
            let extStart = offset + 4
            offset = extStart + words * 4
            guard offset <= n else { return nil }
            if (profile == 0xABAC || profile == 0xABAD) && words >= 2 {
                onvifExtension = ONVIFReplayExtension(bytes.slice(extStart, offset))
            }
        }
        var end = n
        if b0 & 0x20 != 0 {
            let pad = Int(bytes[n - 1])
            guard pad > 0, end - pad >= offset else { return nil }
            end -= pad
        }
        guard offset <= end else { return nil }
        payload = bytes.slice(offset, end)
    }
}
