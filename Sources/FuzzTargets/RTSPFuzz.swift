import Foundation
import Streaming

/// RTSP responses and the interleaved framing of a connection (frames, messages, garbage).
/// Input: 1 byte = chunk size, 1 byte = channel setup, then the byte stream.
public enum RTSPFuzz {
    public static func run(_ data: Data) {
        var input = FuzzInput(data)
        let chunk = Int(input.byte()) * 16 + 1
        let setup = input.byte()
        let stream = input.rest()
        var channels: [(rtp: UInt8, rtcp: UInt8, payloadType: UInt8?)] = []
        if setup & 1 == 1 { channels.append((setup >> 1 & 0x0E, (setup >> 1 & 0x0E) &+ 1, 96)) }
        if setup & 2 == 2 { channels.append((2, 3, nil)) }
        let (items, _) = WireReading.interleaved(stream, chunk: chunk, channels: channels)
        for case .message(let m) in items {
            _ = m.cseq
            if let s = m.headers["Session"] { _ = WireReading.sessionHeader(s) }
            if let t = m.headers["Transport"] { _ = WireReading.transportChannels(t, requested: 0) }
            _ = m.headers.all("WWW-Authenticate")
        }
        let text = String(decoding: stream, as: UTF8.self)
        if let m = WireReading.rtspHead(text) {
            _ = m.cseq
            _ = WireReading.sessionHeader(m.headers["Session"] ?? text)
            _ = WireReading.transportChannels(m.headers["Transport"] ?? text, requested: 254)
        }
    }
}
