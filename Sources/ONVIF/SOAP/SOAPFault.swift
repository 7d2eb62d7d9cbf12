/// A SOAP fault (1.2 `Code/Subcode/Reason` or 1.1 `faultcode/faultstring`), read by local names.
public struct SOAPFault: Sendable, Equatable {
    /// Fault code values without prefixes, outermost first: `["Sender", "NotAuthorized"]`.
    public var codes: [String]
    /// The human text the device gave (may be empty).
    public var reason: String

    public init(codes: [String], reason: String) {
        self.codes = codes
        self.reason = reason
    }

    /// Reads the fault from a `Fault` element.
    init(element f: XMLElement) {
        var codes: [String] = []
        if let code = f.child("Code") {
            var cur: XMLElement? = code
            while let c = cur {
                if let v = c.childText("Value") { codes.append(SOAPFault.localValue(v)) }
                cur = c.child("Subcode")
            }
        }
        if let fc = f.childText("faultcode") { codes.append(SOAPFault.localValue(fc)) }
        var reason = f.child("Reason")?.children("Text").map(\.text).first { !$0.isEmpty } ?? f.childText("Reason") ?? ""
        if reason.isEmpty { reason = f.childText("faultstring") ?? "" }
        if reason.isEmpty, let detail = f.child("Detail") ?? f.child("detail") { reason = detail.firstText("Text") ?? detail.text }
        self.codes = codes
        self.reason = reason
    }

    static func localValue(_ v: String) -> String {
        if let colon = v.lastIndex(of: ":") { return String(v[v.index(after: colon)...]) }
        return v
    }

    /// The most specific code (`NotAuthorized`), or empty.
    public var code: String { codes.last ?? "" }

    private var lowerReason: String { reason.lowercased() }

    /// The device refused the login (ONVIF `ter:NotAuthorized`, WS-Security faults, or a reason that says so).
    public var isAuthenticationFailure: Bool {
        let authCodes: Set<String> = ["NotAuthorized", "FailedAuthentication", "InvalidSecurity", "InvalidSecurityToken",
                                      "FailedCheck", "SecurityTokenUnavailable", "MessageExpired", "Unauthorized"]
        if codes.contains(where: { authCodes.contains($0) }) { return true }
        let r = lowerReason
        return ["not authorized", "unauthorized", "authorization", "authentication", "password", "wsse", "locked", "sender not auth"]
            .contains { r.contains($0) }
    }

    /// The reason talks about the clock (`Wsse authorized time check failed`, expired Created).
    public var mentionsTime: Bool {
        let r = lowerReason
        return codes.contains("MessageExpired") || r.contains("time check") || r.contains("expired") || r.contains("created")
            || r.contains("clock") || r.contains("timestamp")
    }

    /// The WS-Addressing "The [action] cannot be processed at the receiver": some devices
    /// (Illustra Flex2/Pro4) answer it to every SOAP 1.2 request with `action=` in the Content-Type (A9).
    public var refusesActionParameter: Bool { lowerReason.contains("[action]") }

    /// The reason says the account is locked.
    public var mentionsLock: Bool {
        let r = lowerReason
        return r.contains("locked") || r.contains("lock out") || r.contains("lockout") || r.contains("too many")
    }

    /// The device does not implement the operation or the service.
    public var isNotSupported: Bool {
        let notSupportedCodes: Set<String> = ["ActionNotSupported", "NotImplemented", "ServiceNotSupported", "OptionalActionNotImplemented"]
        if codes.contains(where: { notSupportedCodes.contains($0) }) { return true }
        let r = lowerReason
        return r.contains("not implemented") || r.contains("not supported") || r.contains("unsupported")
            || r.contains("not recognized") || r.contains("unknown method") || r.contains("no such operation")
    }
}
