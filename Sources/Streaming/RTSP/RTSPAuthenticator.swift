import Common
import Crypto
import Foundation

/// Answers `WWW-Authenticate` challenges: Basic, and Digest per RFC 2617 (with `qop=auth`) or
/// RFC 2069 (no qop), MD5 or MD5-sess, a missing algorithm meaning MD5, quoted or unquoted
/// parameters. A `stale=true` challenge is answered again with the new nonce without counting
/// as a failed login. The digest `uri` is the request URI, which never holds user info.
struct RTSPAuthenticator {
    enum Scheme: Equatable { case basic, digest }

    struct Challenge: Equatable {
        var scheme: Scheme
        var realm = ""
        var nonce = ""
        var opaque: String?
        var algorithm: String?
        var qop: [String] = []
        var stale = false
    }

    let user: String
    let password: String
    private(set) var challenge: Challenge?
    private var nonceCount = 0

    init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// Takes the challenges of a 401. Returns false when retrying is pointless: the answer to
    /// this very challenge (same nonce, not stale) was refused, or no scheme is supported.
    /// The caller also bounds retries per request.
    mutating func accept(_ headers: [String]) -> Bool {
        let parsed = headers.compactMap(RTSPAuthenticator.parse)
        guard let best = parsed.first(where: { $0.scheme == .digest }) ?? parsed.first else { return false }
        let previous = challenge
        challenge = best
        if best.nonce != previous?.nonce { nonceCount = 0 }
        guard let p = previous else { return true }
        if best.scheme == .digest && (best.stale || best.nonce != p.nonce) { return true }
        return false
    }

    /// The `Authorization` header for a request, or nil before any challenge.
    mutating func authorization(method: String, uri: String) -> String? {
        guard let c = challenge else { return nil }
        switch c.scheme {
        case .basic:
            return "Basic " + Base64.encode(Array("\(user):\(password)".utf8))
        case .digest:
            let algorithm = c.algorithm?.lowercased() ?? "md5"
            var ha1 = RTSPAuthenticator.md5("\(user):\(c.realm):\(password)")
            let cnonce = RTSPAuthenticator.md5("\(UInt64.random(in: 0...UInt64.max))").prefix(16)
            if algorithm == "md5-sess" { ha1 = RTSPAuthenticator.md5("\(ha1):\(c.nonce):\(cnonce)") }
            let ha2 = RTSPAuthenticator.md5("\(method):\(uri)")
            var header = "Digest username=\"\(user)\", realm=\"\(c.realm)\", nonce=\"\(c.nonce)\", uri=\"\(uri)\""
            if c.qop.contains("auth") {
                nonceCount += 1
                let nc = String(format: "%08x", nonceCount)
                let response = RTSPAuthenticator.md5("\(ha1):\(c.nonce):\(nc):\(cnonce):auth:\(ha2)")
                header += ", response=\"\(response)\", qop=auth, nc=\(nc), cnonce=\"\(cnonce)\""
            } else {
                let response = RTSPAuthenticator.md5("\(ha1):\(c.nonce):\(ha2)")
                header += ", response=\"\(response)\""
            }
            if let a = c.algorithm { header += ", algorithm=\(a)" }
            if let o = c.opaque { header += ", opaque=\"\(o)\"" }
            return header
        }
    }

    static func md5(_ s: String) -> String {
        Insecure.MD5.hash(data: Array(s.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Parses one `WWW-Authenticate` value; nil for unknown schemes.
    static func parse(_ header: String) -> Challenge? {
        let (name, parameters) = AuthParameters.parse(header)
        let scheme: Scheme
        switch name {
        case "digest": scheme = .digest
        case "basic": scheme = .basic
        default: return nil
        }
        var c = Challenge(scheme: scheme)
        c.realm = parameters["realm"] ?? ""
        c.nonce = parameters["nonce"] ?? ""
        c.opaque = parameters["opaque"]
        c.algorithm = parameters["algorithm"]
        c.qop = (parameters["qop"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        c.stale = parameters["stale"]?.lowercased() == "true"
        return c
    }
}

/// Lower-case hex MD5 of a UTF-8 string, for servers (the simulator) that check RTSP Digest
/// answers the way `RTSPAuthenticator` makes them.
public enum DigestHash {
    public static func md5(_ s: String) -> String { RTSPAuthenticator.md5(s) }
}
