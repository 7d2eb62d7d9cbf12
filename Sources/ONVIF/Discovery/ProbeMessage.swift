import Foundation

/// A WS-Discovery Probe as it goes on the wire: compact XML (Hikvision rejects probes that
/// contain newlines, field quirk D4), the `Types` namespace declared on the `Types` element
/// itself (the placement TP-Link/VIGI and ONVIF Device Manager use), and a fresh MessageID.
public struct ProbeMessage: Sendable {
    public let form: ProbeForm
    /// `uuid:…`, echoed by devices in `RelatesTo`.
    public let messageID: String

    public init(form: ProbeForm, messageID: String = ProbeMessage.newMessageID()) {
        self.form = form
        self.messageID = messageID
    }

    /// A fresh `uuid:` MessageID.
    public static func newMessageID() -> String { "uuid:" + UUID().uuidString.lowercased() }

    /// The XML text.
    public var xml: String {
        let types: String
        switch form {
        case .networkVideoTransmitter:
            types = "<Types xmlns:d=\"\(WSDiscoveryURI.discovery)\" xmlns:dp0=\"\(WSDiscoveryURI.onvifNetwork)\">dp0:NetworkVideoTransmitter</Types>"
        case .device:
            types = "<Types xmlns:d=\"\(WSDiscoveryURI.discovery)\" xmlns:dp0=\"\(WSDiscoveryURI.onvifDevice)\">dp0:Device</Types>"
        case .untyped:
            types = ""
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<s:Envelope xmlns:s=\"\(WSDiscoveryURI.soapEnvelope)\" xmlns:a=\"\(WSDiscoveryURI.addressing)\">"
            + "<s:Header>"
            + "<a:Action s:mustUnderstand=\"1\">\(WSDiscoveryURI.probeAction)</a:Action>"
            + "<a:MessageID>\(messageID)</a:MessageID>"
            + "<a:ReplyTo><a:Address>\(WSDiscoveryURI.anonymous)</a:Address></a:ReplyTo>"
            + "<a:To s:mustUnderstand=\"1\">\(WSDiscoveryURI.discoveryTo)</a:To>"
            + "</s:Header>"
            + "<s:Body><Probe xmlns=\"\(WSDiscoveryURI.discovery)\">\(types)</Probe></s:Body>"
            + "</s:Envelope>"
    }

    /// The XML as UTF-8 bytes.
    public var bytes: [UInt8] { Array(xml.utf8) }
}
