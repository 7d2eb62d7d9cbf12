/// Timeouts and identity of the client.
public struct RTSPOptions: Sendable {
    /// Seconds for the TCP connection.
    public var connectTimeout: Double = 5
    /// Seconds to wait for the answer to a request.
    public var responseTimeout: Double = 10
    /// Seconds without any media before the stream counts as stalled.
    public var stallTimeout: Double = 15
    /// Keepalive period; nil = half the server's session timeout (60 s when it gives none).
    public var keepaliveInterval: Double?
    public var userAgent = "VTrack"
    public init() {}
}
