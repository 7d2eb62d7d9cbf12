/// A response body written piece by piece, each piece once the one before has left (so a
/// 12 MB body is never held whole, and a client that hangs up stops it).
public struct SimHTTPBodyStream: Sendable {
    /// Total bytes: the `Content-Length`; the chunks must add up to it.
    public var length: Int
    /// Chunk `index` (from 0), nil after the last one.
    public var chunk: @Sendable (_ index: Int) -> [UInt8]?

    public init(length: Int, chunk: @escaping @Sendable (_ index: Int) -> [UInt8]?) {
        self.length = length
        self.chunk = chunk
    }
}
