/// The client's readers of untrusted wire bytes behind one public door, for the fuzz harness
/// (`Sources/FuzzTargets`) and tools: an RTSP head, the `Session` and `Transport` values of a
/// SETUP answer, RTCP compounds, and the interleaved framing of a connection's byte stream.
/// None of them traps, whatever the bytes.
public enum WireReading {
    /// An RTSP response or request head (text before the blank line), as the client reads it.
    public static func rtspHead(_ text: String) -> RTSPResponse? { RTSPResponse.parseHead(text) }

    /// A `Session` header value: the id and its positive `timeout=`.
    public static func sessionHeader(_ value: String) -> (id: String?, timeout: Int?) { RTSPClient.session(value) }

    /// The interleaved channels a `Transport` header value names, or `requested` and the next one.
    public static func transportChannels(_ value: String, requested: UInt8) -> (rtp: UInt8, rtcp: UInt8) {
        RTSPClient.interleavedChannels(value, requested: requested)
    }

    /// What an RTCP compound tells the client: a sender report's NTP/RTP times, and BYE.
    public static func rtcp(_ bytes: UnsafeRawBufferPointer) -> (senderReport: (ntp: UInt64, rtp: UInt32)?, bye: Bool) {
        let c = RTCPCompound(bytes)
        return (c.senderReport.map { ($0.ntp, $0.rtpTimestamp) }, c.bye)
    }

    /// One interleaved frame or RTSP message taken from a byte stream.
    public enum InterleavedItem {
        case frame(channel: UInt8, length: Int)
        case message(RTSPResponse)
    }

    /// Splits `bytes`, handed over in chunks of `chunk` bytes, into interleaved frames and RTSP
    /// messages exactly as a connection does (`channels`: the RTP/RTCP pairs of SETUP and the
    /// video payload type; empty = before SETUP). Returns the items and the bytes skipped.
    public static func interleaved(_ bytes: [UInt8], chunk: Int, channels: [(rtp: UInt8, rtcp: UInt8, payloadType: UInt8?)])
        -> (items: [InterleavedItem], lostBytes: Int) {
        let reader = InterleavedReader(capacity: 1 << 17)
        for c in channels { reader.expect(rtp: c.rtp, rtcp: c.rtcp, payloadType: c.payloadType) }
        var items: [InterleavedItem] = []
        bytes.withUnsafeBytes { all in
            var rest = all
            while !rest.isEmpty {
                let n = reader.feed(UnsafeRawBufferPointer(rebasing: rest.prefix(max(1, chunk))))
                rest = UnsafeRawBufferPointer(rebasing: rest[n...])
                while let item = reader.next() {
                    switch item {
                    case .frame(let ch, let payload): items.append(.frame(channel: ch, length: payload.count))
                    case .message(let m): items.append(.message(m))
                    }
                }
                if n == 0 { break }  // the reader is full and waits for bytes it can never hold
            }
        }
        return (items, reader.lostBytes)
    }
}
