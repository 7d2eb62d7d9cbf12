import Common

/// Something wrong with a datagram. A datagram with any problem counts as malformed once;
/// what could still be read from it is used.
public enum DiscoveryProblem: Sendable, Hashable {
    /// Not XML at all.
    case notXML
    /// The XML ends early.
    case truncated
    /// No SOAP `Envelope` around the message.
    case missingEnvelope
    /// A ProbeMatch without its `ProbeMatches` wrapper (or the reverse), or a Hello/Bye without its element.
    case missingWrapper
    /// A scope had raw spaces (repaired).
    case unescapedSpacesInScopes
    /// No `EndpointReference/Address`.
    case missingEndpointReference
    /// A ProbeMatch without XAddrs.
    case missingXAddrs
    /// `RelatesTo` is none of our probes' MessageIDs (the text, or nil when absent).
    case unexpectedRelatesTo(String?)
    /// Not a Probe, ProbeMatches, Hello or Bye.
    case unknownMessage

    public var message: Localized {
        switch self {
        case .notXML: Localized(vi: "không phải XML", en: "not XML")
        case .truncated: Localized(vi: "XML bị cắt cụt", en: "truncated XML")
        case .missingEnvelope: Localized(vi: "thiếu SOAP Envelope", en: "no SOAP Envelope")
        case .missingWrapper: Localized(vi: "thiếu phần tử bao (ProbeMatches/ProbeMatch/Hello/Bye)", en: "missing wrapper element (ProbeMatches/ProbeMatch/Hello/Bye)")
        case .unescapedSpacesInScopes: Localized(vi: "Scopes có dấu cách chưa mã hoá", en: "unescaped spaces in Scopes")
        case .missingEndpointReference: Localized(vi: "thiếu EndpointReference", en: "no EndpointReference")
        case .missingXAddrs: Localized(vi: "thiếu XAddrs", en: "no XAddrs")
        case .unexpectedRelatesTo(let r):
            Localized(vi: "RelatesTo không khớp probe nào (\(r ?? "không có"))", en: "RelatesTo matches none of our probes (\(r ?? "absent"))")
        case .unknownMessage: Localized(vi: "không phải thông điệp WS-Discovery", en: "not a WS-Discovery message")
        }
    }
}
