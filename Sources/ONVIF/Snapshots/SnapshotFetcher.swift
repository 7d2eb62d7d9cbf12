import Common
import Crypto
import Foundation
import Synchronization

/// Fetches camera snapshots: an HTTP GET of the ONVIF snapshot URI through libcurl.
///
/// - The URI's host is rewritten to the device's address, as for stream URIs (NAT, a device that
///   advertises another host); credentials inside it are dropped.
/// - The login is the device's, answered the way the SOAP ladder does it: the first request goes
///   without one; a 401 with `WWW-Authenticate` is answered with Digest (or Basic when that is
///   all the device offers), built here — libcurl never sees a password. What worked is
///   remembered per device and user, so later snapshots go straight to it (Digest answers the
///   last nonce with a growing `nc`; a stale or changed nonce is answered once more). Until a
///   device's login is known, its snapshots are fetched one at a time; after `maxRefusals`
///   refused logins in a row the device is not asked again by this fetcher (accounts lock).
/// - `SnapshotOptions.timeout` for the connection and for the whole transfer, a size cap (the
///   transfer stops there), and a check that the body is a JPEG or PNG, not a web page.
///
/// Every failure is a `SnapshotError` (one sentence, no password). Calls block: run them on a
/// background queue. Safe to share between threads.
public final class SnapshotFetcher: Sendable {
    public let options: SnapshotOptions
    /// Refused logins in a row after which a device's snapshot is no longer asked for.
    public static let maxRefusals = 3

    private let transport: CurlTransport
    private let states = Mutex<[String: SnapshotLoginState]>([:])
    private let gates = Mutex<[String: NSLock]>([:])
    private let tally = Mutex(Counters())

    /// What the fetcher has done, for tests and benchmarks.
    public struct Counters: Sendable, Equatable {
        /// HTTP requests sent (a 401 answered with a login counts twice).
        public var requests = 0
        /// Snapshots that came back as pictures.
        public var pictures = 0
    }

    public init(options: SnapshotOptions = SnapshotOptions()) {
        self.options = options
        transport = CurlTransport(settings: TransportSettings(connectTimeout: options.timeout, requestTimeout: options.timeout,
                                                              allowInsecureTLS: options.allowInsecureTLS),
                                  maxHandles: 8)
    }

    public var counters: Counters { tally.withLock { $0 } }

    /// The login that worked for snapshots of `device` as `user` (nil: not known yet).
    public func login(device: DeviceAddress, user: String?) -> SnapshotLogin? {
        let prefix = Self.keyPrefix(device.authority, user?.isEmpty == false ? user : nil)
        return states.withLock { all in
            all.first { $0.key.hasPrefix(prefix) && $0.value.login != nil }?.value.login
        }
    }

    /// The snapshot URI as it is fetched: the device's host, no credentials.
    public func address(of uri: String, device: DeviceAddress) -> String {
        AddressRewriter(device: device, enabled: options.rewriteAdvertisedAddresses).mediaURI(uri)
    }

    /// Fetches one snapshot.
    /// - Parameters:
    ///   - uri: the snapshot URI as the device advertised it (or as saved).
    ///   - device: the address the user typed (its host replaces the URI's).
    ///   - credentials: the device's login; nil or an empty user for none.
    /// - Throws: `SnapshotError`.
    public func fetch(_ uri: String, device: DeviceAddress, credentials: Credentials?) throws -> Snapshot {
        let url = address(of: uri, device: device)
        guard let parts = URLParts(url), parts.scheme == "http" || parts.scheme == "https", !parts.host.isEmpty else {
            throw SnapshotError.invalidURI(uri)
        }
        let creds = Self.credentials(credentials)
        let host = parts.host.contains(":") ? "[\(parts.host)]:\(parts.effectivePort ?? 80)" : "\(parts.host):\(parts.effectivePort ?? 80)"
        let key = Self.keyPrefix(host, creds?.user) + Self.fingerprint(creds?.password)
        if states.withLock({ $0[key]?.login }) != nil {
            return try exchange(url: url, parts: parts, host: host, key: key, credentials: creds)
        }
        // until the device's login is known, one request at a time: parallel first requests
        // would each spend an attempt of a wrong password
        let gate = gates.withLock { g -> NSLock in
            if let l = g[key] { return l }
            let l = NSLock()
            g[key] = l
            return l
        }
        gate.lock()
        defer { gate.unlock() }
        return try exchange(url: url, parts: parts, host: host, key: key, credentials: creds)
    }

    private func exchange(url: String, parts: URLParts, host: String, key: String, credentials creds: Credentials?) throws -> Snapshot {
        let uriForDigest = parts.rest.isEmpty ? "/" : parts.rest
        var answeredChallenge = false
        var retriedRefusal = false
        for _ in 0..<4 {
            let (state, authorization) = states.withLock { all -> (SnapshotLoginState, String?) in
                var s = all[key] ?? SnapshotLoginState()
                var header: String?
                if let c = creds, s.refusals < Self.maxRefusals, let challenge = s.challenge {
                    s.nonceCount += 1
                    header = challenge.authorization(method: "GET", uri: uriForDigest, user: c.user, password: c.password, nc: s.nonceCount)
                }
                all[key] = s
                return (s, header)
            }
            if state.refusals >= Self.maxRefusals { throw SnapshotError.loginRefused(host: host, user: creds?.user) }
            var headers = ["Accept: image/jpeg, image/png, image/*;q=0.8, */*;q=0.1"]
            if let authorization { headers.append("Authorization: \(authorization)") }
            let request = HTTPRequest(url: url, headers: headers, body: [], timeout: options.timeout, method: .get,
                                      maxBodyBytes: options.maxBytes)
            tally.withLock { $0.requests += 1 }
            let response: HTTPResponse
            switch transport.send(request) {
            case .success(let r): response = r
            case .failure(let f): throw failure(f, host: host, credentials: creds)
            }
            switch response.status {
            case 200..<300:
                let login: SnapshotLogin
                switch authorization == nil ? nil : state.challenge {
                case .digest(let d)?: login = .digest(d)
                case .basic?: login = .basic
                case nil: login = .none
                }
                states.withLock { all in
                    all[key]?.login = login
                    all[key]?.refusals = 0
                }
                let type = response.header("content-type")
                guard PictureMagic.isPicture(response.body) else {
                    if PictureMagic.isWebPage(response.body, contentType: type) { throw SnapshotError.webPage(host: host) }
                    throw SnapshotError.notAPicture(host: host, bytes: response.body.count)
                }
                tally.withLock { $0.pictures += 1 }
                return Snapshot(bytes: response.body, contentType: type, uri: url, login: login)
            case 401:
                let challenge = AuthChallenge.strongest(response.headerValues("www-authenticate"))
                guard creds != nil, let challenge else { throw SnapshotError.loginRefused(host: host, user: creds?.user) }
                let retry = states.withLock { all -> Bool in
                    var s = all[key] ?? SnapshotLoginState()
                    defer { all[key] = s }
                    let old = s.challenge
                    s.challenge = challenge
                    s.nonceCount = 0
                    if authorization == nil {
                        // asked without a login (first time, or the device began wanting one)
                        if answeredChallenge { s.refusals += 1; return false }
                        answeredChallenge = true
                        return true
                    }
                    if challenge.isStale { return true } // the password was fine, only the nonce expired
                    if !retriedRefusal, s.login != nil, old != challenge {
                        // what worked before, with a nonce the device has since changed: once more
                        retriedRefusal = true
                        return true
                    }
                    s.refusals += 1
                    s.login = nil
                    return false
                }
                if !retry { throw SnapshotError.loginRefused(host: host, user: creds?.user) }
            case 403:
                throw SnapshotError.forbidden(host: host)
            case 404, 410:
                throw SnapshotError.notFound(host: host)
            default:
                throw SnapshotError.status(host: host, code: response.status)
            }
        }
        throw SnapshotError.loginRefused(host: host, user: creds?.user)
    }

    private func failure(_ f: TransportFailure, host: String, credentials: Credentials?) -> SnapshotError {
        switch f.kind {
        case .timeout: return .timeout(host: host, seconds: options.timeout)
        case .tooLarge: return .tooLarge(host: host, limitBytes: options.maxBytes)
        case .refused: return .connectionRefused(host: host)
        case .unresolved, .unreachable: return .unreachable(host: host)
        case .tls, .other: return .network(host: host, detail: Redact.secrets(f.detail, credentials.map { [$0.password] } ?? []))
        }
    }

    /// nil for no login (nil, or an empty user).
    private static func credentials(_ c: Credentials?) -> Credentials? {
        guard let c, !c.user.isEmpty else { return nil }
        return c
    }

    private static func keyPrefix(_ authority: String, _ user: String?) -> String {
        "\(authority.lowercased())|\(user ?? "")|"
    }

    /// A short digest of the password, so a corrected password starts afresh (the password
    /// itself is never kept as a key).
    private static func fingerprint(_ password: String?) -> String {
        guard let password else { return "-" }
        return SHA256.hash(data: Array(password.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
