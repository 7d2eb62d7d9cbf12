import Common
import Foundation

/// Answers an RTSP server's `WWW-Authenticate` challenges with Common's `AuthChallenge`: Digest
/// (MD5 or SHA-256, `-sess`, RFC 2617 with `qop=auth` or RFC 2069, quoted or unquoted
/// parameters, a missing algorithm meaning MD5) before Basic. A `stale=true` challenge is
/// answered again with the new nonce without counting as a failed login. The digest `uri` is
/// the request URI, which never holds user info.
struct RTSPAuthenticator {
    let user: String
    let password: String
    private(set) var challenge: AuthChallenge?
    private var nonceCount = 0

    init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// Takes the challenges of a 401. Returns false when retrying is pointless: the answer to
    /// this very challenge (same nonce, not stale) was refused, or no scheme is supported.
    /// The caller also bounds retries per request.
    mutating func accept(_ headers: [String]) -> Bool {
        guard let best = AuthChallenge.strongest(headers) else { return false }
        let previous = challenge
        challenge = best
        if best.nonce != previous?.nonce { nonceCount = 0 }
        guard let p = previous else { return true }
        if let nonce = best.nonce, best.isStale || nonce != p.nonce { return true }
        return false
    }

    /// The `Authorization` header for a request, or nil before any challenge.
    mutating func authorization(method: String, uri: String) -> String? {
        guard let c = challenge else { return nil }
        if case .digest(let d) = c, d.qop != nil { nonceCount += 1 }
        return c.authorization(method: method, uri: uri, user: user, password: password, nc: nonceCount)
    }
}
