/// One AAC frame (an access unit of RFC 3640 `mpeg4-generic`).
public struct AudioFrame: Sendable {
    /// RTP timestamp extended to 64 bits (in the track's clock rate, the sample rate).
    public var timestamp: Int64
    public var data: [UInt8]
    public init(timestamp: Int64, data: [UInt8]) {
        self.timestamp = timestamp
        self.data = data
    }
}
