import Crypto
import Foundation
import Common

/// WS-Security UsernameToken with PasswordDigest:
/// `Base64(SHA1(nonce + created + password))`, `Created` in UTC with a `Z` suffix (field quirk A4).
enum UsernameToken {
    static let securityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
    static let utilityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
    static let digestType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest"
    static let base64Type = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary"

    /// The password digest of the UsernameToken profile.
    static func digest(nonce: [UInt8], created: String, password: String) -> String {
        var input = nonce
        input.append(contentsOf: Array(created.utf8))
        input.append(contentsOf: Array(password.utf8))
        return Data(Insecure.SHA1.hash(data: input)).base64EncodedString()
    }

    /// `count` random bytes, eight per call to the system generator.
    static func randomBytes(_ count: Int) -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        var out: [UInt8] = []
        out.reserveCapacity(count + 8)
        while out.count < count { withUnsafeBytes(of: rng.next() as UInt64) { out.append(contentsOf: $0) } }
        return Array(out.prefix(count))
    }

    /// A `wsse:Security` header for `deviceTime` (our clock corrected by the device's offset).
    static func header(credentials: Credentials, deviceTime: Date) -> String {
        let nonce = randomBytes(16)
        let created = UTC.iso(deviceTime, millis: true)
        let d = digest(nonce: nonce, created: created, password: credentials.password)
        return "<wsse:Security xmlns:wsse=\"\(securityNamespace)\" xmlns:wsu=\"\(utilityNamespace)\">"
            + "<wsse:UsernameToken><wsse:Username>\(XMLEscape.text(credentials.user))</wsse:Username>"
            + "<wsse:Password Type=\"\(digestType)\">\(d)</wsse:Password>"
            + "<wsse:Nonce EncodingType=\"\(base64Type)\">\(Data(nonce).base64EncodedString())</wsse:Nonce>"
            + "<wsu:Created>\(created)</wsu:Created></wsse:UsernameToken></wsse:Security>"
    }
}
