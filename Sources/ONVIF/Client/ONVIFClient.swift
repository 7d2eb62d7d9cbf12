import Common
import Foundation
import Synchronization

/// A client for one ONVIF device: blocking calls, safe to share between threads.
///
/// It remembers, per device, how the device wants to be talked to: the authentication scheme
/// (WS-Security UsernameToken, plus HTTP Digest or Basic when the device asks for them with a 401),
/// the device's clock offset (WS-Security digests are made with the device's time), and the SOAP
/// version. It never sends more than `ClientOptions.maxLoginAttempts` requests the device refuses
/// in a row, and never retries a refused login in parallel.
///
/// Every method throws `ONVIFError` only. Run it on a background queue: calls block.
///
/// ```swift
/// let client = ONVIFClient(address: try DeviceAddress(parsing: "192.168.1.64:80"),
///                          credentials: Credentials(user: "admin", password: pw))
/// let result = try client.probe()   // device info, service map, one Camera per video source
/// ```
public final class ONVIFClient: Sendable {
    /// The address the user typed; every advertised address is rewritten to it.
    public let address: DeviceAddress
    public let options: ClientOptions
    let credentials: Credentials?
    let transport: CurlTransport
    let rewriter: AddressRewriter
    let state = Mutex(AuthState())
    /// Serialises the authentication ladder's steps (counting, switching schemes, re-measuring the clock).
    let ladder = Mutex(0)
    /// Held around each authenticated request until the device has accepted the login once.
    let loginGate = Mutex(0)
    let serviceCache = Mutex<ServiceMap?>(nil)

    /// - Parameters:
    ///   - credentials: nil (or an empty user) for devices without authentication.
    public init(address: DeviceAddress, credentials: Credentials?, options: ClientOptions = ClientOptions()) {
        self.address = address
        self.options = options
        self.credentials = (credentials?.user.isEmpty ?? true) ? nil : credentials
        self.transport = CurlTransport(
            settings: TransportSettings(connectTimeout: options.connectTimeout, requestTimeout: options.requestTimeout,
                                        allowInsecureTLS: options.allowInsecureTLS),
            maxHandles: options.maxConcurrentRequests)
        self.rewriter = AddressRewriter(device: address, enabled: options.rewriteAdvertisedAddresses)
    }

    /// Device clock minus ours, in seconds, once measured (positive: the device is ahead).
    public var clockOffset: Double? { state.withLock { $0.clockOffset } }

    /// The authentication that worked (`WS-Security`, `WS-Security + HTTP Digest`, …), nil before a
    /// successful call with credentials or when there are none.
    public var authenticationScheme: String? {
        state.withLock { $0.verified ? $0.schemeDescription : nil }
    }

    /// The SOAP version the device answers (`1.2`, or `1.1` after the fallback).
    public var soapVersion: SOAPVersion { state.withLock { $0.soapVersion } }

    /// Calls `operation` of `service` with `body` (the request element as compact XML, with its own
    /// namespace declaration) and returns the response element (the first child of the SOAP Body).
    ///
    /// This is the building block of every service call, including the ones this module does not
    /// wrap (Profile G Search, Replay, Recording):
    /// ```swift
    /// let r = try client.call(.search, "GetRecordingSummary",
    ///     body: "<tse:GetRecordingSummary xmlns:tse=\"\(ONVIFService.search.namespace)\"/>")
    /// ```
    /// - Throws: `ONVIFError.serviceNotSupported` when the device does not offer the service or
    ///   the operation, and every other `ONVIFError`.
    /// - Parameter timeout: seconds this request may take, instead of `ClientOptions.requestTimeout`
    ///   (a long poll such as GetRecordingSearchResults with a WaitTime needs more).
    public func call(_ service: ONVIFService, _ operation: String, body: String, timeout: Double? = nil) throws -> XMLElement {
        let map = try services()
        guard let url = map[service] else { throw ONVIFError.serviceNotSupported(service: service.displayName) }
        return try soap(url: url, action: service.action(operation), operation: "\(service.displayName) \(operation)", body: body,
                        timeout: timeout)
    }

    /// Like `call(_:_:body:)` but to an explicit address (e.g. a subscription reference) with a
    /// full action URI. The address is rewritten like every advertised one.
    public func call(url: String, action: String, body: String) throws -> XMLElement {
        let operation = action.split(separator: "/").last.map(String.init) ?? action
        return try soap(url: rewriter.serviceAddress(url), action: action, operation: operation, body: body)
    }

    /// Hides the password in any text that may reach a user.
    func redact(_ text: String) -> String {
        Redact.secrets(text, credentials.map { [$0.password] } ?? [])
    }

    /// The user-facing error of a transport failure.
    func transportError(_ f: TransportFailure, timeout: Double? = nil) -> ONVIFError {
        let detail = redact(f.detail)
        let host = address.host.lowercased()
        if host.hasPrefix("fe80:"), !host.contains("%"), f.kind != .tls {
            return .linkLocalWithoutZone(host: address.host)
        }
        switch f.kind {
        case .unresolved, .unreachable: return .unreachable(host: address.host, detail: detail)
        case .refused: return .connectionRefused(host: address.host, port: address.port)
        case .timeout:
            let connect = detail.lowercased().contains("connection timed out") || detail.lowercased().contains("connect")
            return .timeout(host: address.description, seconds: connect ? options.connectTimeout : (timeout ?? options.requestTimeout))
        case .tls: return .tlsCertificate(host: address.description, detail: detail)
        case .tooLarge, .other: return .network(host: address.description, detail: detail)
        }
    }
}
