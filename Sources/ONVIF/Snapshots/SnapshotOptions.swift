/// How snapshots are fetched.
public struct SnapshotOptions: Sendable, Equatable {
    /// Seconds for the connection, and for the whole transfer (each, not added up).
    public var timeout: Double
    /// Most bytes a snapshot may have; a bigger body is stopped at this size.
    public var maxBytes: Int
    /// Accept any TLS certificate (self-signed devices).
    public var allowInsecureTLS: Bool
    /// Rewrite the snapshot URI's host to the device's address (NAT, loopback, wrong host).
    public var rewriteAdvertisedAddresses: Bool

    /// 5 s and 8 MB by default.
    public init(timeout: Double = 5, maxBytes: Int = 8 * 1024 * 1024, allowInsecureTLS: Bool = false,
                rewriteAdvertisedAddresses: Bool = true) {
        self.timeout = timeout
        self.maxBytes = max(1, maxBytes)
        self.allowInsecureTLS = allowInsecureTLS
        self.rewriteAdvertisedAddresses = rewriteAdvertisedAddresses
    }
}
