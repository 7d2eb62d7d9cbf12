import Foundation
import Synchronization

/// The login check of a plain HTTP GET (a snapshot): the device's web server asks for HTTP
/// Basic or Digest with the device's account (Digest nonces shared with the SOAP services).
/// A wrong password counts as a failed login of the account and the account lock applies; an
/// answer in a scheme not asked for just gets the challenge again.
extension SimAuthenticator {
    /// Nil when the request may pass under `wanted` (`.device` meaning the device's login);
    /// otherwise the 401 to send, with the challenge.
    func checkPlainGET(_ request: SimHTTPRequest, scheme wanted: SnapshotAuth, config: SimulatorConfig,
                       stats: borrowing Mutex<SimulatorStats>) -> SimHTTPResponse? {
        let scheme = wanted.effective(deviceAuth: config.auth)
        if scheme == .none { return nil }
        let result = plainGETResult(request, scheme: scheme, config: config)
        let locked: Bool = stats.withLock { s in
            if !s.locked && result == .wrong {
                s.failedLogins += 1
                if let n = config.lockAfterFailures, s.failedLogins >= n { s.locked = true }
            }
            return s.locked
        }
        if !locked && result == .valid { return nil }
        let challenge = scheme == .basic
            ? "Basic realm=\"\(SimAuthenticator.realm)\""
            : digestChallenge(stale: result == .staleNonce, algorithm: config.digestAlgorithm)
        let page = "<!DOCTYPE html><html><head><title>401 Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>"
        return SimHTTPResponse(status: 401, headers: [("WWW-Authenticate", challenge), ("Content-Type", "text/html")],
                               body: Array(page.utf8))
    }

    private func plainGETResult(_ request: SimHTTPRequest, scheme: SnapshotAuth, config: SimulatorConfig) -> HTTPResult {
        guard let auth = request.header("Authorization")?.trimmingCharacters(in: .whitespaces) else { return .absent }
        let isBasic = auth.lowercased().hasPrefix("basic ")
        let isDigest = auth.lowercased().hasPrefix("digest ")
        switch scheme {
        case .basic:
            guard isBasic else { return .absent }
            guard let data = Data(base64Encoded: String(auth.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
                  let pair = String(data: data, encoding: .utf8) else { return .wrong }
            return pair == "\(config.user):\(config.password)" ? .valid : .wrong
        case .digest:
            guard isDigest else { return .absent }
            switch digest.verify(auth, method: request.method, requestURI: request.path, compareQuery: false,
                                 user: config.user, password: config.password) {
            case .valid: return .valid
            case .wrong: return .wrong
            case .unknownNonce, .staleNonce: return .staleNonce
            }
        case .none, .device:
            return .valid
        }
    }
}
