/// Turns RTP packets of one video stream into access units. One instance per stream, used from
/// one thread. `push` may throw `StreamingError.unsupportedPacketization`, or rethrow what
/// `emit` throws.
public protocol VideoDepacketizer: AnyObject {
    var codec: VideoCodec { get }
    var statistics: DepacketizerStatistics { get }
    /// The parameter sets in force (the stream's once seen, the SDP's before).
    var parameterSets: ParameterSets { get }
    func push(_ packet: borrowing RTPPacket, emit: (AccessUnit) throws -> Void) throws
    /// Hands on the picture being built (end of stream).
    func flush(emit: (AccessUnit) throws -> Void) rethrows
}

extension VideoDepacketizer {
    /// Convenience for tests and small tools: collects the access units of `packets`.
    public func accessUnits(_ packets: [[UInt8]], flush: Bool = true) throws -> [AccessUnit] {
        var out: [AccessUnit] = []
        for p in packets {
            try p.withUnsafeBytes { raw in
                guard let packet = RTPPacket(raw) else { return }
                try push(packet) { out.append($0) }
            }
        }
        if flush { self.flush { out.append($0) } }
        return out
    }
}
