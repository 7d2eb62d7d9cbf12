import Foundation
import ONVIF

/// SOAP answers as the client classifies them (status, `WWW-Authenticate`, body) and every
/// service reader run on the response element; SOAP 1.1 and 1.2 faults.
/// Input: 1 byte selects the HTTP status, then the body.
public enum SOAPFuzz {
    static let statuses = [200, 200, 200, 500, 400, 401, 403, 404, 202, 302]

    public static func run(_ data: Data) {
        var input = FuzzInput(data)
        let status = statuses[Int(input.byte()) % statuses.count]
        let body = input.rest()
        let challenge = status == 401 ? [("WWW-Authenticate", "Digest realm=\"x\", nonce=\"n\", qop=\"auth\"")] : []
        ResponseReading.soapAnswer(status: status, headers: challenge, body: body)
        if let fault = ResponseReading.fault(envelope: body) {
            _ = (fault.code, fault.isAuthenticationFailure, fault.refusesActionParameter)
        }
    }
}
