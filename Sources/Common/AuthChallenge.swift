import Foundation

/// What a device asked for in a 401 (`WWW-Authenticate`, HTTP or RTSP): Digest or Basic.
public enum AuthChallenge: Sendable, Equatable {
    case basic
    case digest(DigestChallenge)

    /// The strongest challenge among `WWW-Authenticate` values: the first supported Digest
    /// (RFC 7616 §3.7: servers list them in order of preference), else Basic; nil when none.
    public static func strongest(_ values: [String]) -> AuthChallenge? {
        if let d = values.lazy.compactMap(DigestChallenge.init(header:)).first { return .digest(d) }
        if values.contains(where: { AuthParameters.parse($0).scheme == "basic" }) { return .basic }
        return nil
    }

    /// A Digest challenge saying only the nonce expired.
    public var isStale: Bool {
        if case .digest(let d) = self { return d.stale }
        return false
    }

    /// The Digest nonce; nil for Basic.
    public var nonce: String? {
        if case .digest(let d) = self { return d.nonce }
        return nil
    }

    /// The `Authorization` value for one request. `nc` counts the requests made with this nonce;
    /// both it and `cnonce` are ignored by Basic and RFC 2069 Digest.
    public func authorization(method: String, uri: String, user: String, password: String,
                              nc: Int, cnonce: String = DigestChallenge.makeCnonce()) -> String {
        switch self {
        case .basic: return Self.basicAuthorization(user: user, password: password)
        case .digest(let d): return d.authorization(method: method, uri: uri, user: user, password: password, nc: nc, cnonce: cnonce)
        }
    }

    /// `Basic base64(user:password)`.
    public static func basicAuthorization(user: String, password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }
}
