import Crypto
import Foundation

/// A Digest challenge (`WWW-Authenticate: Digest …`, RFC 7616, RFC 2617, RFC 2069) and the
/// `Authorization` answer to it, for HTTP (ONVIF SOAP) and RTSP alike.
///
/// - Algorithms: MD5, MD5-sess, SHA-256, SHA-256-sess; a challenge without `algorithm` means MD5
///   (Hikvision F5390, field quirk F8); any other algorithm is not supported (`init` gives nil).
/// - `qop=auth` when the challenge offers it (with `nc` and `cnonce`), otherwise RFC 2069.
/// - Every quoted-string in the answer has `"` and `\` escaped (RFC 7616 §3.4), so a user name
///   holding them still logs in; `qop`, `nc` and `algorithm` are sent unquoted (some Amcrest and
///   Dahua firmware refuse them quoted, F8).
public struct DigestChallenge: Sendable, Equatable {
    public var realm: String
    public var nonce: String
    public var opaque: String?
    /// `auth` when the challenge offers it; nil means RFC 2069 (no qop, no nc/cnonce).
    public var qop: String?
    public var algorithm: DigestAlgorithm
    /// The `algorithm` token as the challenge wrote it, echoed in the answer; nil when absent.
    public var algorithmToken: String?
    /// `stale=true`: the password was right, only the nonce expired.
    public var stale: Bool

    /// Reads one `WWW-Authenticate` value; nil unless it is a Digest challenge with a nonce and
    /// an algorithm we support.
    public init?(header: String) {
        let (scheme, p) = AuthParameters.parse(header)
        guard scheme == "digest", let nonce = p["nonce"] else { return nil }
        let token = p["algorithm"]
        if let token {
            guard let named = DigestAlgorithm(token: token) else { return nil }
            algorithm = named
        } else {
            algorithm = .md5
        }
        self.nonce = nonce
        algorithmToken = token
        realm = p["realm"] ?? ""
        opaque = p["opaque"]
        let qops = (p["qop"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        qop = qops.contains("auth") ? "auth" : nil
        stale = (p["stale"] ?? "").lowercased() == "true"
    }

    /// The `response` value for one request. `nc` counts the requests made with this nonce.
    public func response(method: String, uri: String, user: String, password: String, nc: Int, cnonce: String) -> String {
        let h = algorithm.hash
        var ha1 = h("\(user):\(realm):\(password)")
        if algorithm.isSession { ha1 = h("\(ha1):\(nonce):\(cnonce)") }
        let ha2 = h("\(method):\(uri)")
        guard let qop else { return h("\(ha1):\(nonce):\(ha2)") }
        return h("\(ha1):\(nonce):\(Self.ncText(nc)):\(cnonce):\(qop):\(ha2)")
    }

    /// `Digest username="…", realm="…", …` for one request (the value of `Authorization`).
    public func authorization(method: String, uri: String, user: String, password: String, nc: Int, cnonce: String) -> String {
        let response = response(method: method, uri: uri, user: user, password: password, nc: nc, cnonce: cnonce)
        var h = "Digest username=\(Self.quoted(user)), realm=\(Self.quoted(realm)), nonce=\(Self.quoted(nonce)), uri=\(Self.quoted(uri))"
        h += ", response=\"\(response)\""
        if let qop { h += ", qop=\(qop), nc=\(Self.ncText(nc)), cnonce=\(Self.quoted(cnonce))" }
        if let opaque { h += ", opaque=\(Self.quoted(opaque))" }
        if let algorithmToken { h += ", algorithm=\(algorithmToken)" }
        return h
    }

    /// A fresh client nonce: 16 random hex digits.
    public static func makeCnonce() -> String {
        var g = SystemRandomNumberGenerator()
        return String(format: "%016llx", g.next() as UInt64)
    }

    /// `nc` as eight lower-case hex digits.
    static func ncText(_ nc: Int) -> String { String(format: "%08x", nc) }

    /// A quoted-string (RFC 7230 §3.2.6): `"` and `\` escaped with `\`.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s {
            if c == "\"" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }
}

/// The hash of a Digest challenge (RFC 7616 §3.3), and whether it is a `-sess` variant.
public struct DigestAlgorithm: Sendable, Equatable {
    public enum Function: Sendable, Equatable { case md5, sha256 }
    public var function: Function
    public var isSession: Bool

    public static let md5 = DigestAlgorithm(function: .md5, isSession: false)
    public static let sha256 = DigestAlgorithm(function: .sha256, isSession: false)

    public init(function: Function, isSession: Bool) {
        self.function = function
        self.isSession = isSession
    }

    /// `MD5`, `MD5-sess`, `SHA-256`, `SHA-256-sess` (any case); nil for anything else.
    public init?(token: String) {
        switch token.trimmingCharacters(in: .whitespaces).uppercased() {
        case "MD5": self = .md5
        case "MD5-SESS": self.init(function: .md5, isSession: true)
        case "SHA-256": self = .sha256
        case "SHA-256-SESS": self.init(function: .sha256, isSession: true)
        default: return nil
        }
    }

    /// Lower-case hex digest of the UTF-8 text.
    public func hash(_ text: String) -> String {
        let bytes = Array(text.utf8)
        switch function {
        case .md5: return Self.hex(Insecure.MD5.hash(data: bytes))
        case .sha256: return Self.hex(SHA256.hash(data: bytes))
        }
    }

    private static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
