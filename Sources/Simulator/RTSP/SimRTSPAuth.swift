import Foundation

/// The simulator's RTSP login check: the challenge shapes of `SimulatorConfig.RTSPAuth`
/// (field quirk F8), digest answers verified by `SimDigestVerifier` against the request URI,
/// nonces that go stale.
struct SimRTSPAuth {
    let mode: SimulatorConfig.RTSPAuth
    let user: String
    let password: String
    let algorithm: SimDigestAlgorithm
    private let digest: SimDigestVerifier?
    static let realm = "VTrack"

    init(mode: SimulatorConfig.RTSPAuth, user: String, password: String, algorithm: SimDigestAlgorithm, nonceLifetime: Double?) {
        self.mode = mode
        self.user = user
        self.password = password
        self.algorithm = algorithm
        var shape = SimDigestVerifier.Shape()
        switch mode {
        case .none, .basic: digest = nil
        case .digest: digest = SimDigestVerifier(realm: SimRTSPAuth.realm, shape: shape, nonceLifetime: nonceLifetime)
        case .digestRFC2069:
            shape.qop = false
            shape.algorithmParameter = false
            digest = SimDigestVerifier(realm: SimRTSPAuth.realm, shape: shape, nonceLifetime: nonceLifetime)
        case .digestNoAlgorithm:
            shape.algorithmParameter = false
            digest = SimDigestVerifier(realm: SimRTSPAuth.realm, shape: shape, nonceLifetime: nonceLifetime)
        case .digestUnquoted:
            shape.quoted = false
            digest = SimDigestVerifier(realm: SimRTSPAuth.realm, shape: shape, nonceLifetime: nonceLifetime)
        }
    }

    enum Verdict { case ok, challenge(stale: Bool) }

    /// Checks the request's `Authorization`.
    func check(_ r: SimRTSPRequest) -> Verdict {
        if mode == .none { return .ok }
        guard let header = r.headers["Authorization"] else { return .challenge(stale: false) }
        if header.lowercased().hasPrefix("basic ") {
            guard mode == .basic || mode == .digest else { return .challenge(stale: false) }
            let value = header.split(separator: " ", maxSplits: 1).last.map(String.init) ?? ""
            let decoded = Data(base64Encoded: value).map { String(decoding: $0, as: UTF8.self) }
            return decoded == "\(user):\(password)" ? .ok : .challenge(stale: false)
        }
        guard let digest else { return .challenge(stale: false) }
        // the digest must cover the request URI, which must not carry credentials
        switch digest.verify(header, method: r.method, requestURI: r.uri, compareQuery: true, user: user, password: password) {
        case .valid: return .ok
        case .wrong, .unknownNonce: return .challenge(stale: false)
        case .staleNonce: return .challenge(stale: true)
        }
    }

    /// The `WWW-Authenticate` values for a 401 (a fresh nonce each time).
    func challenges(stale: Bool) -> [String] {
        let basic = "Basic realm=\"\(SimRTSPAuth.realm)\""
        switch mode {
        case .none: return []
        case .basic: return [basic]
        case .digest: return [digest?.challenge(algorithm: algorithm, stale: stale), basic].compactMap { $0 }
        case .digestRFC2069, .digestNoAlgorithm, .digestUnquoted: return [digest?.challenge(algorithm: algorithm, stale: stale)].compactMap { $0 }
        }
    }
}
