import Common
import Crypto
import Foundation

/// An HTTP authentication challenge (`WWW-Authenticate`) and the `Authorization` answers to it.
///
/// We answer challenges ourselves rather than through libcurl: libcurl re-sends a refused Digest
/// request on its own when the device issues a fresh nonce, which would spend two of the three
/// login attempts a device allows on one try.
enum HTTPChallenge: Sendable, Equatable {
    case basic
    case digest(DigestChallenge)

    /// The strongest challenge among `WWW-Authenticate` values (Digest before Basic), or nil.
    static func parse(_ values: [String]) -> HTTPChallenge? {
        for v in values where v.lowercased().hasPrefix("digest") {
            if let d = DigestChallenge(header: v) { return .digest(d) }
        }
        if values.contains(where: { $0.lowercased().hasPrefix("basic") }) { return .basic }
        return nil
    }

    var isStale: Bool {
        if case .digest(let d) = self { return d.stale }
        return false
    }
}

/// A Digest challenge (RFC 2617 / RFC 7616): realm, nonce, qop, opaque, algorithm.
struct DigestChallenge: Sendable, Equatable {
    var realm: String
    var nonce: String
    var opaque: String?
    /// `auth` when the device offers it; nil means RFC 2069 (no qop).
    var qop: String?
    /// `MD5`, `MD5-sess`, `SHA-256` or `SHA-256-sess`.
    var algorithm: String
    var stale: Bool

    init?(header: String) {
        let p = AuthParameters.parse(header).parameters
        guard let nonce = p["nonce"] else { return nil }
        self.nonce = nonce
        realm = p["realm"] ?? ""
        opaque = p["opaque"]
        let qops = (p["qop"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        qop = qops.contains("auth") ? "auth" : nil
        algorithm = p["algorithm"] ?? "MD5"
        stale = (p["stale"] ?? "").lowercased() == "true"
    }

    /// `Authorization: Digest …` for one request. `nc` counts requests made with this nonce.
    func authorization(method: String, uri: String, user: String, password: String, nc: Int, cnonce: String) -> String {
        let alg = algorithm.uppercased()
        let useSHA256 = alg.hasPrefix("SHA-256")
        func hash(_ s: String) -> String { useSHA256 ? DigestChallenge.sha256(s) : DigestChallenge.md5(s) }
        var ha1 = hash("\(user):\(realm):\(password)")
        if alg.hasSuffix("-SESS") { ha1 = hash("\(ha1):\(nonce):\(cnonce)") }
        let ha2 = hash("\(method):\(uri)")
        let ncText = String(format: "%08x", nc)
        var h = "Digest username=\"\(DigestChallenge.quote(user))\", realm=\"\(DigestChallenge.quote(realm))\", nonce=\"\(nonce)\", uri=\"\(uri)\""
        if let qop {
            let response = hash("\(ha1):\(nonce):\(ncText):\(cnonce):\(qop):\(ha2)")
            h += ", response=\"\(response)\", qop=\(qop), nc=\(ncText), cnonce=\"\(cnonce)\""
        } else {
            h += ", response=\"\(hash("\(ha1):\(nonce):\(ha2)"))\""
        }
        if let opaque { h += ", opaque=\"\(opaque)\"" }
        return h + ", algorithm=\(algorithm)"
    }

    static func basicAuthorization(user: String, password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    static func md5(_ s: String) -> String { Insecure.MD5.hash(data: Array(s.utf8)).map { String(format: "%02x", $0) }.joined() }
    static func sha256(_ s: String) -> String { SHA256.hash(data: Array(s.utf8)).map { String(format: "%02x", $0) }.joined() }
    static func quote(_ s: String) -> String { s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") }
}
