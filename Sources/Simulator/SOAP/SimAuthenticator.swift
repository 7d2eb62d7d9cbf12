import Common
import Crypto
import Foundation
import ONVIF
import Synchronization

/// Checks logins like a device would: WS-Security UsernameToken (digest checked against the
/// device's skewed clock with a ±5 s window, `Created` any xsd:dateTime, or only the `…Z` form
/// with `faults.wsseCreatedZuluOnly`), HTTP Digest
/// (RFC 7616, qop=auth, `SimulatorConfig.digestAlgorithm`, checked by `SimDigestVerifier`) and HTTP Basic, per `SimulatorConfig.AuthMode`; counts failures and
/// locks the account after `lockAfterFailures`.
final class SimAuthenticator: Sendable {
    static let realm = "VTrackSim"
    static let window: Double = 5

    /// HTTP Digest: nonces handed out and answers checked (the same verifier as the RTSP server's).
    let digest = SimDigestVerifier(realm: SimAuthenticator.realm,
                                           shape: .init(opaque: "5ccc069c403ebaf9f0171e9517f40e41"))

    enum WSSEResult: Equatable { case absent, valid, wrong, badTime, badFormat }
    enum HTTPResult: Equatable { case absent, valid, wrong, staleNonce }

    /// Nil when the request may pass; otherwise the answer to send.
    func check(_ request: SimHTTPRequest, envelope: XMLElement?, version: SOAPVersion, config: SimulatorConfig,
               deviceTime: Date, stats: borrowing Mutex<SimulatorStats>) -> SimHTTPResponse? {
        if config.auth == .none { return nil }
        let wsse = checkWSSE(envelope, config: config, deviceTime: deviceTime)
        let http = checkHTTP(request, config: config)
        let checksWSSE = config.auth == .wsse || config.auth == .both
        let checksDigest = config.auth == .digest || config.auth == .both
        let checksBasic = config.auth == .basic

        let wsseOK = checksWSSE && wsse == .valid
        let httpOK = (checksDigest || checksBasic) && http == .valid
        let wrong = (checksWSSE && (wsse == .wrong || wsse == .badFormat)) || ((checksDigest || checksBasic) && http == .wrong)
        let badTime = checksWSSE && wsse == .badTime

        // the lock applies to everyone, even with the right password
        let (locked, remaining): (Bool, Int?) = stats.withLock { s in
            if !s.locked && !(wsseOK || httpOK) {
                if wrong { s.failedLogins += 1 }
                if badTime { s.clockRejections += 1 }
                if let n = config.lockAfterFailures, s.failedLogins >= n { s.locked = true }
            }
            let left = config.lockAfterFailures.map { max(0, $0 - s.failedLogins) }
            return (s.locked, left)
        }
        if !locked && (wsseOK || httpOK) { return nil }

        let reason: String
        if locked {
            reason = "The account is locked after too many failed logins. Try again in 30 minutes."
        } else if badTime && !wrong {
            reason = "Wsse authorized time check failed"
        } else if wrong, let left = remaining {
            reason = "Invalid username or password! You still have \(left) attempt(s)"
        } else {
            reason = "Sender not Authorized"
        }
        let faults = config.faults
        if faults.emptyOn401 && wrong && !locked {
            return SimHTTPResponse(status: 200)
        }
        var headers: [(name: String, value: String)] = []
        if checksDigest { headers.append(("WWW-Authenticate", digestChallenge(stale: http == .staleNonce, algorithm: config.digestAlgorithm))) }
        if checksBasic { headers.append(("WWW-Authenticate", "Basic realm=\"\(SimAuthenticator.realm)\"")) }
        if faults.html401 {
            headers.append(("Content-Type", "text/html"))
            let page = "<!DOCTYPE html><html><head><title>401 Unauthorized</title></head><body><h1>401 Unauthorized</h1><p>Authentication Error</p></body></html>"
            return SimHTTPResponse(status: 401, headers: headers, body: Array(page.utf8))
        }
        headers.append(("Content-Type", SOAPWriter.contentType(version)))
        let body = SOAPWriter.fault(version, .notAuthorized(reason), declarePrefixes: !faults.undeclaredPrefixes)
        return SimHTTPResponse(status: headers.contains { $0.name == "WWW-Authenticate" } ? 401 : 400, headers: headers, body: Array(body.utf8))
    }

    /// Forgets every Digest nonce handed out: the next Digest request gets a `stale=true` challenge.
    func expireNonces() { digest.forgetNonces() }

    // MARK: WS-Security

    func checkWSSE(_ envelope: XMLElement?, config: SimulatorConfig, deviceTime: Date) -> WSSEResult {
        guard let token = envelope?.child("Header")?.first("UsernameToken") else { return .absent }
        let user = token.childText("Username") ?? ""
        guard let pw = token.child("Password") else { return .badFormat }
        if (pw.attribute("Type") ?? "").hasSuffix("#PasswordText") {
            return user == config.user && pw.text == config.password ? .valid : .wrong
        }
        guard let nonceText = token.childText("Nonce"), let nonce = Data(base64Encoded: nonceText),
              let created = token.first("Created")?.text else { return .badFormat }
        let input = Array(nonce) + Array(created.utf8) + Array(config.password.utf8)
        let expected = Data(Insecure.SHA1.hash(data: input)).base64EncodedString()
        guard user == config.user, pw.text == expected else { return .wrong }
        let form = config.faults.wsseCreatedZuluOnly ? SimAuthenticator.isZuluDateTime : SimAuthenticator.isXSDDateTime
        guard form(created), let t = UTC.parse(created) else { return .badTime }
        return abs(t.timeIntervalSince(deviceTime)) <= SimAuthenticator.window ? .valid : .badTime
    }

    /// A valid xsd:dateTime: `YYYY-MM-DDThh:mm:ss`, optional fractional seconds, and a zone
    /// `Z` or `±hh:mm` (hh ≤ 14, and 14 only with :00); without a zone the time is read as UTC.
    static func isXSDDateTime(_ s: String) -> Bool {
        let b = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.upperBound <= b.count && b[r].allSatisfy { $0 >= 48 && $0 <= 57 } }
        func number(_ r: Range<Int>) -> Int { b[r].reduce(0) { $0 * 10 + Int($1 - 48) } }
        guard b.count >= 19, digits(0..<4), b[4] == UInt8(ascii: "-"), digits(5..<7), b[7] == UInt8(ascii: "-"), digits(8..<10),
              b[10] == UInt8(ascii: "T"), digits(11..<13), b[13] == UInt8(ascii: ":"), digits(14..<16), b[16] == UInt8(ascii: ":"),
              digits(17..<19) else { return false }
        let month = number(5..<7), day = number(8..<10), hour = number(11..<13), minute = number(14..<16), second = number(17..<19)
        guard (1...12).contains(month), (1...31).contains(day), minute < 60, second < 60,
              hour < 24 || (hour == 24 && minute == 0 && second == 0) else { return false }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            guard i > start else { return false }
        }
        if i == b.count { return true }
        if b[i] == UInt8(ascii: "Z") { return i + 1 == b.count }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), b.count == i + 6, digits((i + 1)..<(i + 3)),
              b[i + 3] == UInt8(ascii: ":"), digits((i + 4)..<(i + 6)) else { return false }
        let oh = number((i + 1)..<(i + 3)), om = number((i + 4)..<(i + 6))
        return om < 60 && (oh < 14 || (oh == 14 && om == 0))
    }

    /// `YYYY-MM-DDThh:mm:ss[.fff]Z` and nothing else (Hikvision refuses `+00:00`, A4).
    static func isZuluDateTime(_ s: String) -> Bool {
        let b = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.upperBound <= b.count && b[r].allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard b.count >= 20, digits(0..<4), b[4] == UInt8(ascii: "-"), digits(5..<7), b[7] == UInt8(ascii: "-"), digits(8..<10),
              b[10] == UInt8(ascii: "T"), digits(11..<13), b[13] == UInt8(ascii: ":"), digits(14..<16), b[16] == UInt8(ascii: ":"),
              digits(17..<19), b.last == UInt8(ascii: "Z") else { return false }
        if b.count == 20 { return true }
        return b[19] == UInt8(ascii: ".") && b.count > 21 && digits(20..<(b.count - 1))
    }

    // MARK: HTTP Digest and Basic

    func digestChallenge(stale: Bool, algorithm: SimDigestAlgorithm) -> String {
        digest.challenge(algorithm: algorithm, stale: stale)
    }

    func checkHTTP(_ request: SimHTTPRequest, config: SimulatorConfig) -> HTTPResult {
        guard let auth = request.header("Authorization") else { return .absent }
        if auth.lowercased().hasPrefix("basic ") {
            guard config.auth == .basic, let data = Data(base64Encoded: String(auth.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
                  let pair = String(data: data, encoding: .utf8) else { return .wrong }
            return pair == "\(config.user):\(config.password)" ? .valid : .wrong
        }
        guard config.auth == .digest || config.auth == .both else { return .wrong }
        switch digest.verify(auth, method: request.method, requestURI: request.path, compareQuery: false,
                             user: config.user, password: config.password) {
        case .valid: return .valid
        case .wrong: return .wrong
        case .unknownNonce, .staleNonce: return .staleNonce
        }
    }
}
