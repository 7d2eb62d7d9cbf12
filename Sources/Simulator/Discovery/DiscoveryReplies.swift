import ONVIF

/// The XML a simulated device sends over WS-Discovery: ProbeMatches (answering a Probe), Hello
/// and Bye. Compact, with the prefixes most cameras use (`SOAP-ENV`, `wsa`, `d`, `dn`, `tds`).
public enum DiscoveryReplies {
    private static let envelopeOpen = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"\(WSDiscoveryURI.soapEnvelope)\" xmlns:wsa=\"\(WSDiscoveryURI.addressing)\""
        + " xmlns:d=\"\(WSDiscoveryURI.discovery)\" xmlns:dn=\"\(WSDiscoveryURI.onvifNetwork)\" xmlns:tds=\"\(WSDiscoveryURI.onvifDevice)\">"

    private static func header(action: String, messageID: String, relatesTo: String?, to: String, sequence: Int) -> String {
        var h = "<SOAP-ENV:Header><wsa:MessageID>\(XMLEscape.text(messageID))</wsa:MessageID>"
        if let r = relatesTo { h += "<wsa:RelatesTo>\(XMLEscape.text(r))</wsa:RelatesTo>" }
        h += "<wsa:To SOAP-ENV:mustUnderstand=\"true\">\(to)</wsa:To>"
        h += "<wsa:Action SOAP-ENV:mustUnderstand=\"true\">\(action)</wsa:Action>"
        h += "<d:AppSequence InstanceId=\"1\" MessageNumber=\"\(sequence)\"/></SOAP-ENV:Header>"
        return h
    }

    private static func description(of advert: DiscoveryAdvert, xaddrs: [String]) -> String {
        "<wsa:EndpointReference><wsa:Address>\(XMLEscape.text(advert.endpointReference))</wsa:Address></wsa:EndpointReference>"
            + "<d:Types>\(XMLEscape.text(advert.types.joined(separator: " ")))</d:Types>"
            + "<d:Scopes>\(XMLEscape.text(advert.scopes.joined(separator: " ")))</d:Scopes>"
            + (xaddrs.isEmpty ? "" : "<d:XAddrs>\(XMLEscape.text(xaddrs.joined(separator: " ")))</d:XAddrs>")
            + "<d:MetadataVersion>\(advert.metadataVersion)</d:MetadataVersion>"
    }

    /// The answer to a probe whose MessageID is `relatesTo`.
    public static func probeMatches(_ advert: DiscoveryAdvert, xaddrs: [String], relatesTo: String,
                                    messageID: String = ProbeMessage.newMessageID(), sequence: Int = 1) -> String {
        envelopeOpen
            + header(action: WSDiscoveryURI.probeMatchesAction, messageID: messageID, relatesTo: relatesTo,
                     to: WSDiscoveryURI.anonymous, sequence: sequence)
            + "<SOAP-ENV:Body><d:ProbeMatches><d:ProbeMatch>" + description(of: advert, xaddrs: xaddrs)
            + "</d:ProbeMatch></d:ProbeMatches></SOAP-ENV:Body></SOAP-ENV:Envelope>"
    }

    /// The multicast announcement of a device joining the network.
    public static func hello(_ advert: DiscoveryAdvert, xaddrs: [String],
                             messageID: String = ProbeMessage.newMessageID(), sequence: Int = 1) -> String {
        envelopeOpen
            + header(action: WSDiscoveryURI.helloAction, messageID: messageID, relatesTo: nil,
                     to: WSDiscoveryURI.discoveryTo, sequence: sequence)
            + "<SOAP-ENV:Body><d:Hello>" + description(of: advert, xaddrs: xaddrs)
            + "</d:Hello></SOAP-ENV:Body></SOAP-ENV:Envelope>"
    }

    /// The multicast announcement of a device leaving.
    public static func bye(_ advert: DiscoveryAdvert, messageID: String = ProbeMessage.newMessageID(), sequence: Int = 1) -> String {
        envelopeOpen
            + header(action: WSDiscoveryURI.byeAction, messageID: messageID, relatesTo: nil,
                     to: WSDiscoveryURI.discoveryTo, sequence: sequence)
            + "<SOAP-ENV:Body><d:Bye><wsa:EndpointReference><wsa:Address>\(XMLEscape.text(advert.endpointReference))"
            + "</wsa:Address></wsa:EndpointReference></d:Bye></SOAP-ENV:Body></SOAP-ENV:Envelope>"
    }
}
