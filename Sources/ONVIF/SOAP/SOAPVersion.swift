/// The two SOAP dialects devices speak. ONVIF mandates 1.2; some firmware answers only 1.1.
public enum SOAPVersion: String, Sendable, Equatable {
    case soap12 = "1.2"
    case soap11 = "1.1"

    var envelopeNamespace: String {
        switch self {
        case .soap12: return "http://www.w3.org/2003/05/soap-envelope"
        case .soap11: return "http://schemas.xmlsoap.org/soap/envelope/"
        }
    }

    /// HTTP headers that carry the action: `action=` in the Content-Type (1.2) or `SOAPAction` (1.1).
    /// - Parameter actionParameter: false leaves `action=` out of a 1.2 Content-Type, for devices
    ///   that refuse it (Illustra, field quirk A9).
    func headers(action: String, actionParameter: Bool = true) -> [String] {
        switch self {
        case .soap12 where !actionParameter: return ["Content-Type: application/soap+xml; charset=utf-8"]
        case .soap12: return ["Content-Type: application/soap+xml; charset=utf-8; action=\"\(action)\""]
        case .soap11: return ["Content-Type: text/xml; charset=utf-8", "SOAPAction: \"\(action)\""]
        }
    }
}
