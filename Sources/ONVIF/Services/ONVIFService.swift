/// The ONVIF services a client may call, by WSDL namespace.
public enum ONVIFService: String, Sendable, CaseIterable, Codable, Hashable, CodingKeyRepresentable {
    case device, media, media2, ptz, events, imaging, deviceIO, recording, search, replay, analytics

    /// WSDL namespace; also the prefix of every action URI (`<namespace>/<Operation>`).
    public var namespace: String {
        switch self {
        case .device: return "http://www.onvif.org/ver10/device/wsdl"
        case .media: return "http://www.onvif.org/ver10/media/wsdl"
        case .media2: return "http://www.onvif.org/ver20/media/wsdl"
        case .ptz: return "http://www.onvif.org/ver20/ptz/wsdl"
        case .events: return "http://www.onvif.org/ver10/events/wsdl"
        case .imaging: return "http://www.onvif.org/ver20/imaging/wsdl"
        case .deviceIO: return "http://www.onvif.org/ver10/deviceIO/wsdl"
        case .recording: return "http://www.onvif.org/ver10/recording/wsdl"
        case .search: return "http://www.onvif.org/ver10/search/wsdl"
        case .replay: return "http://www.onvif.org/ver10/replay/wsdl"
        case .analytics: return "http://www.onvif.org/ver20/analytics/wsdl"
        }
    }

    /// The name users know it by: `Media2`, `Recording`, …
    public var displayName: String {
        switch self {
        case .device: return "Device"
        case .media: return "Media"
        case .media2: return "Media2"
        case .ptz: return "PTZ"
        case .events: return "Events"
        case .imaging: return "Imaging"
        case .deviceIO: return "DeviceIO"
        case .recording: return "Recording"
        case .search: return "Search"
        case .replay: return "Replay"
        case .analytics: return "Analytics"
        }
    }

    /// The service with this WSDL namespace (case and trailing slash ignored).
    public init?(namespace: String) {
        var ns = namespace.trimmedXMLSpace.lowercased()
        while ns.hasSuffix("/") { ns.removeLast() }
        guard let s = ONVIFService.allCases.first(where: { $0.namespace.lowercased() == ns }) else { return nil }
        self = s
    }

    /// The full action URI of an operation of this service.
    public func action(_ operation: String) -> String { "\(namespace)/\(operation)" }

    /// Element name under `GetCapabilities` (top level or `Extension`) that holds this service's XAddr.
    var capabilityName: String? {
        switch self {
        case .device: return "Device"
        case .media: return "Media"
        case .ptz: return "PTZ"
        case .events: return "Events"
        case .imaging: return "Imaging"
        case .deviceIO: return "DeviceIO"
        case .recording: return "Recording"
        case .search: return "Search"
        case .replay: return "Replay"
        case .analytics: return "Analytics"
        case .media2: return nil
        }
    }
}

/// Where each service of a device lives, after address rewriting.
public struct ServiceMap: Sendable, Equatable, Codable {
    /// Service → SOAP address (rewritten to the address the user typed when needed).
    public var addresses: [ONVIFService: String]
    /// Service → `major.minor`, when GetServices told it.
    public var versions: [ONVIFService: String]
    /// True when the map came from GetServices, false when from the GetCapabilities fallback.
    public var fromGetServices: Bool

    public init(addresses: [ONVIFService: String] = [:], versions: [ONVIFService: String] = [:], fromGetServices: Bool = true) {
        self.addresses = addresses
        self.versions = versions
        self.fromGetServices = fromGetServices
    }

    public subscript(_ service: ONVIFService) -> String? { addresses[service] }

    /// True when the device offers the service.
    public func offers(_ service: ONVIFService) -> Bool { addresses[service] != nil }

    /// Profile G: recording search and replay.
    public var hasRecordings: Bool { offers(.search) && offers(.replay) }
}
