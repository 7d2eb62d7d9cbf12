import Common

/// How a device's web server wanted the snapshot login, once a snapshot worked: nothing, HTTP
/// Basic, or HTTP Digest (with the last challenge, so the next request answers it at once).
public enum SnapshotLogin: Sendable, Equatable {
    case none
    case basic
    case digest(DigestChallenge)

    /// `none`, `basic` or `digest`, as logs and tests name it.
    public var name: String {
        switch self {
        case .none: return "none"
        case .basic: return "basic"
        case .digest: return "digest"
        }
    }
}

/// What the fetcher knows about one device's snapshot login (one per device address and user).
struct SnapshotLoginState: Sendable {
    /// What worked; nil until a snapshot came back.
    var login: SnapshotLogin?
    /// The device's latest challenge (`WWW-Authenticate`), answered in every request once known.
    var challenge: AuthChallenge?
    /// Requests made with the current Digest nonce (`nc`).
    var nonceCount = 0
    /// Refused logins in a row; at `maxRefusals` the device is not asked again this session
    /// (devices lock accounts after a few wrong passwords, field quirk A7).
    var refusals = 0
}
