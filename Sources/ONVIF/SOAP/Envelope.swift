import Foundation

/// Builds compact SOAP envelopes (no whitespace between elements: some firmware answers
/// pretty-printed XML with an empty body) with WS-Addressing headers (Action, To, MessageID,
/// ReplyTo), which some devices require (field quirk A10).
enum Envelope {
    static let addressingNamespace = "http://www.w3.org/2005/08/addressing"

    /// - Parameters:
    ///   - action: the full action URI, e.g. `http://www.onvif.org/ver10/device/wsdl/GetDeviceInformation`.
    ///   - to: the service address the request is sent to.
    ///   - body: the request element, compact XML with its own namespace declarations.
    ///   - security: a `wsse:Security` header element, or nil.
    static func build(version: SOAPVersion, action: String, to: String, body: String, security: String?) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        s += "<s:Envelope xmlns:s=\"\(version.envelopeNamespace)\" xmlns:a=\"\(addressingNamespace)\">"
        s += "<s:Header>"
        if let security { s += security }
        s += "<a:Action s:mustUnderstand=\"1\">\(XMLEscape.text(action))</a:Action>"
        s += "<a:MessageID>urn:uuid:\(UUID().uuidString.lowercased())</a:MessageID>"
        s += "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"
        s += "<a:To s:mustUnderstand=\"1\">\(XMLEscape.text(to))</a:To>"
        s += "</s:Header>"
        s += "<s:Body>\(body)</s:Body></s:Envelope>"
        return s
    }
}
