/// Packs the NAL units of one picture into RTP packets (RFC 6184 / RFC 7798, non-interleaved):
/// small parameter sets aggregated (STAP-A / AP), NAL units larger than the MTU fragmented
/// (FU-A / FU), the rest sent as single NAL unit packets. The simulator sends with it; tests
/// use it to build streams for the depacketizers.
public struct RTPPacketizer: Sendable {
    public let codec: VideoCodec
    public var payloadType: UInt8
    public var ssrc: UInt32
    public var sequenceNumber: UInt16
    /// Largest RTP payload.
    public var maxPayload: Int
    /// Aggregate consecutive small NAL units (parameter sets, SEI) into one packet.
    public var aggregate: Bool

    public init(codec: VideoCodec, payloadType: UInt8 = 96, ssrc: UInt32 = 0x5654_524B, sequenceNumber: UInt16 = 0,
                maxPayload: Int = 1400, aggregate: Bool = true) {
        self.codec = codec
        self.payloadType = payloadType
        self.ssrc = ssrc
        self.sequenceNumber = sequenceNumber
        self.maxPayload = maxPayload
        self.aggregate = aggregate
    }

    /// The packets of one picture. `first` goes as header extension on the first packet,
    /// `last` on the last one (it may be the same packet; then `last` wins for the flags).
    /// The marker bit is set on the last packet.
    public mutating func packetize(_ nalUnits: [[UInt8]], timestamp: UInt32,
                                   first: ONVIFReplayExtension? = nil, last: ONVIFReplayExtension? = nil) -> [[UInt8]] {
        var payloads: [[UInt8]] = []
        let headerSize = codec == .h264 ? 1 : 2
        var i = 0
        let nals = nalUnits.filter { !$0.isEmpty }
        while i < nals.count {
            let nal = nals[i]
            if nal.count <= maxPayload {
                // try to aggregate with the following small units
                var group = [nal]
                var size = headerSize + 2 + nal.count
                var j = i + 1
                while aggregate, j < nals.count, size + 2 + nals[j].count <= maxPayload {
                    group.append(nals[j]); size += 2 + nals[j].count; j += 1
                }
                if group.count > 1 {
                    var p: [UInt8] = []
                    p.reserveCapacity(size)
                    if codec == .h264 {
                        let nri = group.map { $0[0] & 0x60 }.max() ?? 0
                        p.append(nri | 24)
                    } else {
                        let tid = group.map { $0[1] & 0x07 }.min() ?? 1
                        p.append(48 << 1); p.append(tid)
                    }
                    for g in group { p.appendU16(UInt16(g.count)); p.append(contentsOf: g) }
                    payloads.append(p)
                    i = j
                } else {
                    payloads.append(nal)
                    i += 1
                }
                continue
            }
            // fragment
            let body = nal[headerSize...]
            let chunk = maxPayload - headerSize - 1
            var start = body.startIndex
            while start < body.endIndex {
                let end = min(start + chunk, body.endIndex)
                var p: [UInt8] = []
                p.reserveCapacity(end - start + headerSize + 1)
                let s: UInt8 = start == body.startIndex ? 0x80 : 0
                let e: UInt8 = end == body.endIndex ? 0x40 : 0
                if codec == .h264 {
                    p.append((nal[0] & 0xE0) | 28)
                    p.append(s | e | (nal[0] & 0x1F))
                } else {
                    p.append((nal[0] & 0x81) | (49 << 1)); p.append(nal[1])
                    p.append(s | e | ((nal[0] >> 1) & 0x3F))
                }
                p.append(contentsOf: nal[start..<end])
                payloads.append(p)
                start = end
            }
            i += 1
        }
        var packets: [[UInt8]] = []
        packets.reserveCapacity(payloads.count)
        for (k, payload) in payloads.enumerated() {
            let isLast = k == payloads.count - 1
            let ext = isLast ? (last ?? (k == 0 ? first : nil)) : (k == 0 ? first : nil)
            packets.append(packet(payload, timestamp: timestamp, marker: isLast, ext: ext))
        }
        return packets
    }

    /// One RTP packet with `payload`.
    public mutating func packet(_ payload: [UInt8], timestamp: UInt32, marker: Bool, ext: ONVIFReplayExtension?) -> [UInt8] {
        var b: [UInt8] = []
        b.reserveCapacity(12 + 16 + payload.count)
        b.append(ext == nil ? 0x80 : 0x90)
        b.append((marker ? 0x80 : 0) | payloadType)
        b.appendU16(sequenceNumber)
        b.appendU32(timestamp)
        b.appendU32(ssrc)
        if let e = ext { b.append(contentsOf: e.wireBytes) }
        b.append(contentsOf: payload)
        sequenceNumber &+= 1
        return b
    }
}
