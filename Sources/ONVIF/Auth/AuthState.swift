import Common

/// What a client has learned about how its device wants to be talked to. Kept per client
/// (one client per device), under the client's lock.
struct AuthState: Sendable {
    /// The HTTP challenge the device sent with a 401 (Digest nonce and all); nil until it does.
    var httpChallenge: AuthChallenge?
    /// Requests made with the current Digest nonce (`nc`).
    var nonceCount = 0
    /// SOAP 1.1 once the device answered 1.2 with an empty page and 1.1 worked.
    var soapVersion: SOAPVersion = .soap12
    /// Whether the device takes `action=` in a SOAP 1.2 Content-Type, once known (A9).
    var actionParameter: ActionParameterUse = .unknown
    /// Device clock minus ours, in seconds; nil until measured.
    var clockOffset: Double?
    /// The unauthenticated GetSystemDateAndTime was tried.
    var clockMeasured = false
    /// The offset read the other way when the device's clock answer contradicts itself (local
    /// time labelled UTC, A3): tried once when a login is refused although the clock did not move.
    var alternativeClockOffset: Double?
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

/// What a device makes of `action=` in a SOAP 1.2 Content-Type.
enum ActionParameterUse: Sendable, Equatable {
    /// Not known yet: it is sent (ONVIF wants it; Pelco needs it).
    case unknown
    /// An answer came with it: always send it.
    case accepted
    /// The device refused it and answered without it: never send it again.
    case refused
}
