/// Feeds an interleaved RTSP byte stream that is already in memory (a capture) through the same
/// framing, depacketizing and sink code a live connection uses — for benchmarks and tools.
public final class InterleavedDemuxer {
    private let reader: InterleavedReader
    public let pipeline: MediaPipeline

    public init(pipeline: MediaPipeline, videoPayloadType: UInt8 = 96) {
        self.pipeline = pipeline
        reader = InterleavedReader()
        reader.expect(rtp: pipeline.channels.videoRTP, rtcp: pipeline.channels.videoRTCP, payloadType: videoPayloadType)
        if let a = pipeline.channels.audioRTP, let b = pipeline.channels.audioRTCP { reader.expect(rtp: a, rtcp: b, payloadType: nil) }
    }

    /// Bytes skipped by the framing so far.
    public var lostBytes: Int { reader.lostBytes }

    /// Takes `bytes` (any chunking). Returns false once the stream has ended (BYE, T flag, stop).
    public func consume(_ bytes: UnsafeRawBufferPointer) throws -> Bool {
        var rest = bytes
        while !rest.isEmpty {
            let n = reader.feed(rest)
            rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            while let item = reader.next() {
                if case .frame(let ch, let payload) = item, try !pipeline.handle(channel: ch, payload: payload) { return false }
            }
        }
        return true
    }
}
