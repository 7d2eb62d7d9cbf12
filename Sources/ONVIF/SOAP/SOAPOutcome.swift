import Common

/// What one SOAP exchange amounted to, before the authentication ladder decides what to do.
enum SOAPOutcome {
    /// The response element (first child of `Body`).
    case ok(XMLElement)
    /// A SOAP fault that is not about the login.
    case fault(SOAPFault)
    /// The device refused the login: a 401 (with or without a challenge) or an authentication fault.
    case refused(Refusal)
    /// HTTP 200 with an empty body.
    case empty
    /// An answer that is not SOAP at all (HTML page, HTTP 404, …); the text says what it was.
    case notSOAP(String)
    /// SOAP that cannot be read (truncated, no Body).
    case malformed(String)

    struct Refusal {
        /// The HTTP challenge the device sent in `WWW-Authenticate`, if any.
        var challenge: AuthChallenge?
        var fault: SOAPFault?
        var status: Int
    }

    /// Classifies an HTTP response by status, headers and body, never trusting any of them alone.
    static func classify(_ r: HTTPResponse) -> SOAPOutcome {
        let blank = r.body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        var parsed: XMLDocument.Result?
        if !blank { parsed = try? XMLDocument.parseDetailed(r.body) }
        let envelope = parsed.flatMap { $0.root.name == "Envelope" ? $0.root : nil }
        let fault = envelope?.child("Body")?.child("Fault").map(SOAPFault.init(element:))

        if r.status == 401 {
            return .refused(Refusal(challenge: AuthChallenge.strongest(r.headerValues("www-authenticate")), fault: fault, status: 401))
        }
        if blank {
            if r.status == 200 || r.status == 202 { return .empty }
            return .notSOAP("HTTP \(r.status)")
        }
        guard let parsed else {
            return r.status == 200 ? .malformed("not XML") : .notSOAP("HTTP \(r.status)")
        }
        guard let envelope else {
            let looksHTML = ["html", "HTML", "body"].contains(parsed.root.name)
            return .notSOAP(looksHTML ? "HTTP \(r.status), a web page" : "HTTP \(r.status), <\(parsed.root.name)>")
        }
        if let fault {
            if fault.isAuthenticationFailure { return .refused(Refusal(challenge: nil, fault: fault, status: r.status)) }
            return .fault(fault)
        }
        if r.status == 403 { return .refused(Refusal(challenge: nil, fault: nil, status: 403)) }
        guard let body = envelope.child("Body") else { return .malformed("no SOAP Body") }
        if parsed.truncated { return .malformed("cut off") }
        guard let response = body.children.first else { return .malformed("empty SOAP Body") }
        if r.status >= 300 { return .notSOAP("HTTP \(r.status)") }
        return .ok(response)
    }
}
