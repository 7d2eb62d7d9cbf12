import Foundation
import Common
import Streaming

/// The simulator's RTSP login check: the challenge shapes of `SimulatorConfig.RTSPAuth`
/// (field quirk F8), digest answers verified against the request URI, nonces that go stale.
struct SimRTSPAuth {
    let mode: SimulatorConfig.RTSPAuth
    let user: String
    let password: String
    let nonceLifetime: Double?
    private var nonces: [String: Date] = [:]
    static let realm = "VTrack"

    init(mode: SimulatorConfig.RTSPAuth, user: String, password: String, nonceLifetime: Double?) {
        self.mode = mode
        self.user = user
        self.password = password
        self.nonceLifetime = nonceLifetime
    }

    enum Verdict { case ok, challenge(stale: Bool) }

    /// Checks the request's `Authorization`.
    func check(_ r: SimRTSPRequest) -> Verdict {
        if mode == .none { return .ok }
        guard let header = r.headers["Authorization"] else { return .challenge(stale: false) }
        let (scheme, p) = AuthParameters.parse(header)
        if scheme == "basic" {
            guard mode == .basic || mode == .digest else { return .challenge(stale: false) }
            let value = header.split(separator: " ", maxSplits: 1).last.map(String.init) ?? ""
            let decoded = Data(base64Encoded: value).map { String(decoding: $0, as: UTF8.self) }
            return decoded == "\(user):\(password)" ? .ok : .challenge(stale: false)
        }
        guard scheme == "digest", mode != .basic, let nonce = p["nonce"], let created = nonces[nonce],
              p["username"] == user, p["realm"] == SimRTSPAuth.realm, let uri = p["uri"], let response = p["response"] else {
            return .challenge(stale: false)
        }
        // the digest must cover the request URI, which must not carry credentials
        guard uri == r.uri, !uri.contains("@") else { return .challenge(stale: false) }
        let ha1 = DigestHash.md5("\(user):\(SimRTSPAuth.realm):\(password)")
        let ha2 = DigestHash.md5("\(r.method):\(uri)")
        let expected: String
        if let qop = p["qop"] {
            guard mode != .digestRFC2069, qop == "auth", let nc = p["nc"], let cnonce = p["cnonce"] else { return .challenge(stale: false) }
            expected = DigestHash.md5("\(ha1):\(nonce):\(nc):\(cnonce):\(qop):\(ha2)")
        } else {
            guard mode == .digestRFC2069 else { return .challenge(stale: false) }
            expected = DigestHash.md5("\(ha1):\(nonce):\(ha2)")
        }
        guard expected == response else { return .challenge(stale: false) }
        if let life = nonceLifetime, Date().timeIntervalSince(created) > life { return .challenge(stale: true) }
        return .ok
    }

    /// The `WWW-Authenticate` values for a 401 (a fresh nonce each time).
    mutating func challenges(stale: Bool) -> [String] {
        let nonce = String(format: "%016llx%08x", UInt64.random(in: 0...UInt64.max), UInt32.random(in: 0...UInt32.max))
        nonces[nonce] = Date()
        let s = stale ? ", stale=true" : ""
        let r = SimRTSPAuth.realm
        switch mode {
        case .none: return []
        case .basic: return ["Basic realm=\"\(r)\""]
        case .digest: return ["Digest realm=\"\(r)\", nonce=\"\(nonce)\", qop=\"auth\", algorithm=MD5\(s)", "Basic realm=\"\(r)\""]
        case .digestRFC2069: return ["Digest realm=\"\(r)\", nonce=\"\(nonce)\"\(s)"]
        case .digestNoAlgorithm: return ["Digest realm=\"\(r)\", nonce=\"\(nonce)\", qop=\"auth\"\(s)"]
        case .digestUnquoted: return ["Digest realm=\(r), nonce=\(nonce), qop=auth, algorithm=MD5\(s)"]
        }
    }
}
