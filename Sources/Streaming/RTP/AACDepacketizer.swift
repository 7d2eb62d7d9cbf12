/// AAC over RTP (RFC 3640 `mpeg4-generic`, AAC-hbr / AAC-lbr): AU headers, several frames per
/// packet, and a frame fragmented over packets until the marker bit.
public final class AACDepacketizer {
    public let format: AudioTrackFormat
    private let sizeLength: Int
    private let indexLength: Int
    private let indexDeltaLength: Int
    private var tsUnwrapper = TimestampUnwrapper()
    private var fragment: [UInt8] = []
    private var fragmentTS: Int64 = 0
    private var expectedSeq: UInt16?
    /// Packets missing from the sequence.
    public private(set) var lostPackets = 0

    /// From the SDP media section; nil when it is not AAC or has no usable `config`.
    public init?(media: SessionDescription.Media) {
        guard media.encoding == "MPEG4-GENERIC", let hex = media.format["config"], let asc = Hex.decode(Substring(hex)), asc.count >= 2 else {
            return nil
        }
        let channels = media.channels > 0 ? media.channels : Int((asc[1] >> 3) & 0x0F)
        format = AudioTrackFormat(sampleRate: media.clockRate, channels: max(channels, 1), audioSpecificConfig: asc)
        sizeLength = Int(media.format["sizelength"] ?? "13") ?? 13
        indexLength = Int(media.format["indexlength"] ?? "3") ?? 3
        indexDeltaLength = Int(media.format["indexdeltalength"] ?? "3") ?? 3
    }

    public func push(_ packet: borrowing RTPPacket, emit: (AudioFrame) throws -> Void) rethrows {
        if let e = expectedSeq, e != packet.sequenceNumber {
            lostPackets += Int(packet.sequenceNumber &- e) & 0x7FFF
            fragment.removeAll(keepingCapacity: true)
        }
        expectedSeq = packet.sequenceNumber &+ 1
        let ts = tsUnwrapper.unwrap(packet.timestamp)
        let p = packet.payload
        guard p.count >= 2 else { return }
        let headerBits = Int(p.u16(0))
        let headerBytes = (headerBits + 7) / 8
        guard sizeLength > 0, 2 + headerBytes <= p.count else { return }
        // read AU sizes
        var sizes: [Int] = []
        var bit = 0
        func bits(_ n: Int) -> Int {
            var v = 0
            for _ in 0..<n {
                let byte = p[2 + bit / 8]
                v = v << 1 | Int(byte >> (7 - UInt8(bit % 8)) & 1)
                bit += 1
            }
            return v
        }
        var first = true
        while bit + sizeLength + (first ? indexLength : indexDeltaLength) <= headerBits {
            sizes.append(bits(sizeLength))
            _ = bits(first ? indexLength : indexDeltaLength)
            first = false
        }
        var offset = 2 + headerBytes
        if sizes.count == 1 && offset + sizes[0] > p.count {
            // a fragment of one large frame
            if fragment.isEmpty { fragmentTS = ts }
            fragment.append(contentsOf: p.slice(from: offset))
            if packet.marker, fragment.count >= sizes[0] {
                try emit(AudioFrame(timestamp: fragmentTS, data: Array(fragment.prefix(sizes[0]))))
                fragment.removeAll(keepingCapacity: true)
            }
            return
        }
        for (k, size) in sizes.enumerated() {
            guard offset + size <= p.count else { break }
            try emit(AudioFrame(timestamp: ts + Int64(k) * 1024, data: Array(p.slice(offset, offset + size))))
            offset += size
        }
    }
}
