import Foundation
import ONVIF

/// Answers one SOAP operation: returns the response element as compact XML (prefixes from
/// `SimNamespaces`), or throws `SOAPFaultReply`.
public typealias SOAPOperation = @Sendable (SOAPContext) throws -> String

/// Answers one SOAP operation later (a long poll such as GetRecordingSearchResults' WaitTime):
/// returns after how many seconds to answer and the function that writes the answer then (or
/// throws `SOAPFaultReply` at once). The wait is an event-loop timer, never a blocked thread.
public typealias SOAPDeferredOperation = @Sendable (SOAPContext) throws -> SOAPDeferredAnswer

/// What a `SOAPDeferredOperation` returns.
public struct SOAPDeferredAnswer: Sendable {
    /// Seconds to wait before answering.
    public var after: Double
    /// Writes the response element when the time comes (or throws `SOAPFaultReply`).
    public var answer: @Sendable () throws -> String

    public init(after: Double, answer: @escaping @Sendable () throws -> String) {
        self.after = after
        self.answer = answer
    }
}

/// Where a service appears in GetCapabilities (Media2 does not: it exists only in GetServices).
public struct SimCapability: Sendable {
    /// Element name: `Device`, `Media`, `Recording`, …
    public var name: String
    /// True for services that GetCapabilities lists under `Extension` (DeviceIO, Recording, Search, Replay).
    public var inExtension: Bool
    /// Extra child elements after `XAddr`, compact XML.
    public var extra: String

    public init(name: String, inExtension: Bool = false, extra: String = "") {
        self.name = name
        self.inExtension = inExtension
        self.extra = extra
    }
}

/// One SOAP service of the simulated device: its path, namespace and operations.
/// Add a service by writing one of these (one file per service) and registering it in `Simulator`.
public struct SimSOAPService: Sendable {
    public var path: String
    public var service: ONVIFService
    public var version: (major: Int, minor: Int)
    public var capability: SimCapability?
    /// Operation name (local name of the request element) → handler.
    public var operations: [String: SOAPOperation]
    /// Operations answered without a login.
    public var unauthenticated: Set<String>
    /// Operations that may answer later (long polls), by name; checked before `operations`.
    public var deferredOperations: [String: SOAPDeferredOperation]

    public init(path: String, service: ONVIFService, version: (major: Int, minor: Int), capability: SimCapability?,
                operations: [String: SOAPOperation], unauthenticated: Set<String> = [],
                deferredOperations: [String: SOAPDeferredOperation] = [:]) {
        self.path = path
        self.service = service
        self.version = version
        self.capability = capability
        self.operations = operations
        self.unauthenticated = unauthenticated
        self.deferredOperations = deferredOperations
    }
}

/// What an operation handler gets: the request, the NVR model, the device clock and the
/// addresses to advertise.
public struct SOAPContext: Sendable {
    /// Local name of the request element, e.g. `GetStreamUri`.
    public let operation: String
    /// The request element (first child of the SOAP Body).
    public let request: XMLElement
    public let config: SimulatorConfig
    public let model: NVRModel
    /// The simulated device's clock (real time plus the clock skew).
    public let deviceTime: Date
    /// `host:port` that answers advertise for HTTP (the real one, or `--advertise`).
    public let httpAuthority: String
    /// Host that RTSP URIs advertise (bracketed when IPv6), without port.
    public let rtspHost: String
    public let rtspPort: Int
    /// Every registered service, for GetServices and GetCapabilities.
    public let services: [SimSOAPService]

    /// `http://<advertised>/<path>`.
    public func serviceURL(_ path: String) -> String { "http://\(httpAuthority)\(path)" }

    /// `rtsp://<advertised host>:<rtsp port><path>`.
    public func rtspURL(_ path: String) -> String { "rtsp://\(rtspHost):\(rtspPort)\(path)" }

    /// Trimmed text of the first descendant of the request with this local name.
    public func text(_ name: String) -> String? { request.firstText(name) }
}
