import ONVIF

/// Namespace prefixes the simulator's answers use. Every answer's Envelope declares them all
/// (unless the undeclared-prefixes fault switch is on).
public enum SimNamespaces {
    public static let schema = "http://www.onvif.org/ver10/schema"
    public static let error = "http://www.onvif.org/ver10/error"

    /// Prefix → namespace. Services of later issues (Profile G: `tse`, `trc`, `trp`) are already here.
    public static let prefixes: [(prefix: String, namespace: String)] = [
        ("tds", ONVIFService.device.namespace),
        ("trt", ONVIFService.media.namespace),
        ("tr2", ONVIFService.media2.namespace),
        ("tse", ONVIFService.search.namespace),
        ("trc", ONVIFService.recording.namespace),
        ("trp", ONVIFService.replay.namespace),
        ("tptz", ONVIFService.ptz.namespace),
        ("tmd", ONVIFService.deviceIO.namespace),
        ("wsnt", "http://docs.oasis-open.org/wsn/b-2"),
        ("tns1", "http://www.onvif.org/ver10/topics"),
        ("tt", schema),
        ("ter", error),
    ]
}

/// A SOAP fault the simulator answers with. Throw it from an operation handler.
public struct SOAPFaultReply: Error, Sendable, Equatable {
    /// HTTP status: 400 for sender faults, 500 for receiver faults.
    public var httpStatus: Int
    /// `Sender` or `Receiver`.
    public var code: String
    /// Prefixed subcodes, outermost first: `["ter:InvalidArgVal", "ter:NoProfile"]`.
    public var subcodes: [String]
    public var reason: String

    public init(httpStatus: Int = 400, code: String = "Sender", subcodes: [String], reason: String) {
        self.httpStatus = httpStatus
        self.code = code
        self.subcodes = subcodes
        self.reason = reason
    }

    public static func actionNotSupported(_ operation: String) -> SOAPFaultReply {
        SOAPFaultReply(httpStatus: 500, code: "Receiver", subcodes: ["ter:ActionNotSupported"],
                       reason: "Optional Action Not Implemented: \(operation)")
    }

    public static func invalidArgument(_ subcode: String, _ reason: String) -> SOAPFaultReply {
        SOAPFaultReply(subcodes: ["ter:InvalidArgVal", "ter:\(subcode)"], reason: reason)
    }

    public static func notAuthorized(_ reason: String) -> SOAPFaultReply {
        SOAPFaultReply(subcodes: ["ter:NotAuthorized"], reason: reason)
    }
}

/// Writes compact SOAP envelopes and faults.
enum SOAPWriter {
    static func envelopeStart(_ version: SOAPVersion, declarePrefixes: Bool) -> String {
        let ns = version == .soap12 ? "http://www.w3.org/2003/05/soap-envelope" : "http://schemas.xmlsoap.org/soap/envelope/"
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"\(ns)\""
        for (p, n) in SimNamespaces.prefixes where declarePrefixes || (p != "tt" && p != "ter") {
            s += " xmlns:\(p)=\"\(n)\""
        }
        return s + ">"
    }

    static func envelope(_ version: SOAPVersion, body: String, declarePrefixes: Bool = true) -> String {
        envelopeStart(version, declarePrefixes: declarePrefixes) + "<s:Body>\(body)</s:Body></s:Envelope>"
    }

    static func fault(_ version: SOAPVersion, _ f: SOAPFaultReply, declarePrefixes: Bool = true) -> String {
        let reason = ONVIF.XMLEscape.text(f.reason)
        var body: String
        switch version {
        case .soap12:
            body = "<s:Fault><s:Code><s:Value>s:\(f.code)</s:Value>"
            for sub in f.subcodes { body += "<s:Subcode><s:Value>\(sub)</s:Value>" }
            body += String(repeating: "</s:Subcode>", count: f.subcodes.count)
            body += "</s:Code><s:Reason><s:Text xml:lang=\"en\">\(reason)</s:Text></s:Reason></s:Fault>"
        case .soap11:
            let code = f.subcodes.last ?? (f.code == "Sender" ? "s:Client" : "s:Server")
            body = "<s:Fault><faultcode>\(code)</faultcode><faultstring>\(reason)</faultstring></s:Fault>"
        }
        return envelope(version, body: body, declarePrefixes: declarePrefixes)
    }

    static func contentType(_ version: SOAPVersion) -> String {
        version == .soap12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8"
    }
}
