/// The three shapes of Probe a sweep sends, because devices in the field each answer only
/// some of them (field quirk D4: D-Link answers only `dn:NetworkVideoTransmitter`, others only
/// `tds:Device`, some answer only an untyped probe).
public enum ProbeForm: String, Sendable, CaseIterable, Codable, Hashable {
    /// `Types` = `dn:NetworkVideoTransmitter` (ONVIF network WSDL namespace).
    case networkVideoTransmitter
    /// `Types` = `tds:Device` (ONVIF device WSDL namespace).
    case device
    /// No `Types` element: every WS-Discovery target may answer.
    case untyped

    /// The form a received probe has: by the local names in its `Types` text
    /// (`NetworkVideoTransmitter` wins over `Device`; none means untyped).
    public static func of(probeTypes types: [String]) -> ProbeForm {
        let locals = types.map { $0.split(separator: ":").last.map(String.init) ?? $0 }
        if locals.contains("NetworkVideoTransmitter") { return .networkVideoTransmitter }
        if locals.contains("Device") { return .device }
        return .untyped
    }

    /// A short label for verbose output and JSON.
    public var label: String {
        switch self {
        case .networkVideoTransmitter: "dn:NetworkVideoTransmitter"
        case .device: "tds:Device"
        case .untyped: "untyped"
        }
    }
}
