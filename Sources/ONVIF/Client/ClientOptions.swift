/// How an `ONVIFClient` talks to its device.
public struct ClientOptions: Sendable, Equatable {
    /// Seconds to wait for the TCP (and TLS) connection.
    public var connectTimeout: Double = 5
    /// Seconds one request may take in all.
    public var requestTimeout: Double = 10
    /// Accept any TLS certificate (self-signed devices). Off by default.
    public var allowInsecureTLS = false
    /// Most requests with credentials the device may refuse before we give up (devices lock accounts).
    public var maxLoginAttempts = 3
    /// How many requests may run at once (stream URIs of many channels); each keeps its own connection.
    /// Kept small: embedded web servers of cameras and NVRs often serve only a few connections at a time.
    public var maxConcurrentRequests = 4
    /// Rewrite advertised addresses (NAT, loopback, other host) to the address the user typed.
    public var rewriteAdvertisedAddresses = true

    public init(connectTimeout: Double = 5, requestTimeout: Double = 10, allowInsecureTLS: Bool = false,
                maxLoginAttempts: Int = 3, maxConcurrentRequests: Int = 4, rewriteAdvertisedAddresses: Bool = true) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.allowInsecureTLS = allowInsecureTLS
        self.maxLoginAttempts = min(3, max(1, maxLoginAttempts))
        self.maxConcurrentRequests = max(1, maxConcurrentRequests)
        self.rewriteAdvertisedAddresses = rewriteAdvertisedAddresses
    }
}
