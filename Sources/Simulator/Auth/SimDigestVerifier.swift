import Crypto
import Foundation
import Synchronization

/// The simulator's Digest login check (RFC 7616 / 2617 / 2069), one for its HTTP (SOAP) and RTSP
/// servers: it hands out nonces in challenges and verifies `Authorization: Digest …` answers.
///
/// Written apart from the clients' Digest code on purpose, with its own reading of the header
/// and its own hashing (swift-crypto directly), so that a mistake the client's HTTP and RTSP
/// paths share cannot hide behind a server that makes the same one.
final class SimDigestVerifier: Sendable {
    /// How the challenges look (field quirk F8).
    struct Shape: Sendable {
        /// Offer `qop="auth"` (RFC 2617/7616); without it answers follow RFC 2069.
        var qop = true
        /// Name the algorithm; without it only MD5 can be meant.
        var algorithmParameter = true
        /// Quote the parameter values (`realm="x"`), or write them bare (`realm=x`).
        var quoted = true
        /// An `opaque` value the answers must return unchanged.
        var opaque: String?
    }

    enum Outcome: Equatable {
        case valid
        /// Not a Digest answer we can read, or a wrong user name, password, realm, URI or algorithm.
        case wrong
        /// A nonce this server never handed out (or has forgotten).
        case unknownNonce
        /// Right password, but the nonce is older than the lifetime.
        case staleNonce
    }

    let realm: String
    let shape: Shape
    /// Seconds a nonce lives (nil = for ever).
    let nonceLifetime: Double?

    private struct Issued {
        var created: Date
        var algorithm: SimDigestAlgorithm
    }
    private let issued = Mutex<(order: [String], byNonce: [String: Issued])>(([], [:]))
    private static let keptNonces = 1000

    init(realm: String, shape: Shape = Shape(), nonceLifetime: Double? = nil) {
        self.realm = realm
        self.shape = shape
        self.nonceLifetime = nonceLifetime
    }

    // MARK: Challenge

    /// A `WWW-Authenticate` value with a fresh nonce.
    func challenge(algorithm wanted: SimDigestAlgorithm, stale: Bool) -> String {
        let algorithm = shape.algorithmParameter ? wanted : .md5
        var random = SystemRandomNumberGenerator()
        let nonce = (0..<3).map { _ in String(random.next() as UInt64, radix: 16) }.joined(separator: "")
        issued.withLock { s in
            s.order.append(nonce)
            s.byNonce[nonce] = Issued(created: Date(), algorithm: algorithm)
            if s.order.count > Self.keptNonces {
                for old in s.order.prefix(s.order.count - Self.keptNonces) { s.byNonce[old] = nil }
                s.order.removeFirst(s.order.count - Self.keptNonces)
            }
        }
        func value(_ v: String) -> String { shape.quoted ? "\"\(v)\"" : v }
        var parts = ["realm=\(value(realm))"]
        if shape.qop { parts.append("qop=\(value("auth"))") }
        parts.append("nonce=\(value(nonce))")
        if let o = shape.opaque { parts.append("opaque=\(value(o))") }
        if shape.algorithmParameter { parts.append("algorithm=\(algorithm.rawValue)") }
        if stale { parts.append("stale=true") }
        return "Digest " + parts.joined(separator: ", ")
    }

    /// Forgets every nonce handed out: the next answer gets `.unknownNonce`.
    func forgetNonces() { issued.withLock { $0 = ([], [:]) } }

    // MARK: Verification

    /// Checks an `Authorization` value for a request. `requestPath`, when given, is what the
    /// answer's `uri` must name (compared without a query for HTTP, whole for RTSP).
    func verify(_ authorization: String, method: String, requestURI: String, compareQuery: Bool,
                user: String, password: String) -> Outcome {
        guard let fields = Self.readDigestFields(authorization),
              let nonce = fields["nonce"], let uri = fields["uri"], let response = fields["response"],
              let name = fields["username"], let answeredRealm = fields["realm"] else { return .wrong }
        guard let issue = issued.withLock({ $0.byNonce[nonce] }) else { return .unknownNonce }
        let algorithm = issue.algorithm
        if let named = fields["algorithm"], named.lowercased() != algorithm.rawValue.lowercased() { return .wrong }
        if fields["algorithm"] == nil && algorithm != .md5 { return .wrong }
        if shape.opaque != nil && fields["opaque"] != shape.opaque { return .wrong }
        let answeredTarget = compareQuery ? uri : String(uri.prefix { $0 != "?" })
        guard name == user, answeredRealm == realm, answeredTarget == requestURI, !uri.contains("@") else { return .wrong }

        let cnonce = fields["cnonce"]
        var secret = Self.digest(algorithm, [name, realm, password])
        if algorithm.isSession {
            guard let cnonce else { return .wrong }
            secret = Self.digest(algorithm, [secret, nonce, cnonce])
        }
        let request = Self.digest(algorithm, [method, uri])
        let expected: String
        if shape.qop {
            guard fields["qop"] == "auth", let nc = fields["nc"], nc.count == 8, let cnonce else { return .wrong }
            expected = Self.digest(algorithm, [secret, nonce, nc, cnonce, "auth", request])
        } else {
            guard fields["qop"] == nil else { return .wrong }
            expected = Self.digest(algorithm, [secret, nonce, request])
        }
        guard response.lowercased() == expected else { return .wrong }
        if let life = nonceLifetime, Date().timeIntervalSince(issue.created) > life { return .staleNonce }
        return .valid
    }

    /// Hex digest of the parts joined with `:`.
    static func digest(_ algorithm: SimDigestAlgorithm, _ parts: [String]) -> String {
        let data = Data(parts.joined(separator: ":").utf8)
        let bytes: [UInt8]
        switch algorithm {
        case .md5, .md5Sess: bytes = Array(Insecure.MD5.hash(data: data))
        case .sha256, .sha256Sess: bytes = Array(SHA256.hash(data: data))
        }
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The fields of `Digest name=value, name="quoted \" value", …`, names lower-cased;
    /// nil when the scheme is not Digest, a quoted value never ends, or a field repeats.
    static func readDigestFields(_ header: String) -> [String: String]? {
        var rest = Substring(header).drop { $0 == " " }
        guard rest.count > 6, rest.prefix(6).lowercased() == "digest", rest.dropFirst(6).first == " " else { return nil }
        rest = rest.dropFirst(7)
        var fields: [String: String] = [:]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
            if rest.isEmpty { return fields }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...].drop { $0 == " " }
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var closed = false
                while let c = rest.popFirst() {
                    if c == "\"" { closed = true; break }
                    if c == "\\" {
                        guard let escaped = rest.popFirst() else { return nil }
                        value.append(escaped)
                    } else {
                        value.append(c)
                    }
                }
                guard closed else { return nil }
            } else {
                let token = rest.prefix { $0 != "," }
                value = token.trimmingCharacters(in: .whitespaces)
                rest = rest[token.endIndex...]
            }
            guard !name.isEmpty, fields.updateValue(value, forKey: name) == nil else { return nil }
        }
    }
}
