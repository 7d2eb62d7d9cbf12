/// What a client has learned about how its device wants to be talked to. Kept per client
/// (one client per device), under the client's lock.
struct AuthState: Sendable {
    /// The HTTP challenge the device sent with a 401 (Digest nonce and all); nil until it does.
    var httpChallenge: HTTPChallenge?
    /// Requests made with the current Digest nonce (`nc`).
    var nonceCount = 0
    /// SOAP 1.1 once the device answered 1.2 with an empty page and 1.1 worked.
    var soapVersion: SOAPVersion = .soap12
    /// Device clock minus ours, in seconds; nil until measured.
    var clockOffset: Double?
    /// The unauthenticated GetSystemDateAndTime was tried.
    var clockMeasured = false
    /// GetSystemDateAndTime itself demands a login (field quirk A2).
    var dateTimeNeedsAuth = false
    /// Requests with credentials the device refused since the last success.
    var failedAttempts = 0
    /// A request with credentials succeeded at least once.
    var verified = false
    /// Set when we gave up on the login: every later call fails with it without asking the device.
    var finalError: ONVIFError?
    /// Bumped whenever the ladder changes something, so concurrent callers notice.
    var generation = 0

    /// What to call the scheme in use, for users (`WS-Security + HTTP Digest`).
    var schemeDescription: String {
        switch httpChallenge {
        case .digest?: return "WS-Security + HTTP Digest"
        case .basic?: return "WS-Security + HTTP Basic"
        case nil: return "WS-Security"
        }
    }
}
