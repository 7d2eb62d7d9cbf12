import Common
import Foundation

/// `WWW-Authenticate` values (HTTP and RTSP): one per line, the strongest chosen and answered.
public enum AuthFuzz {
    public static func run(_ data: Data) {
        let values = data.text.split(whereSeparator: \.isNewline).map(String.init)
        for v in values {
            let parsed = AuthParameters.parse(v)
            _ = parsed.parameters.count
            _ = AuthParameters.list(Substring(v)).count
            if let d = DigestChallenge(header: v) {
                _ = d.authorization(method: "DESCRIBE", uri: "rtsp://h/s", user: "u", password: "p", nc: 1, cnonce: "c")
            }
            _ = DigestAlgorithm(token: v)
        }
        if let c = AuthChallenge.strongest(values) {
            _ = (c.isStale, c.nonce)
            _ = c.authorization(method: "POST", uri: "/onvif/device_service", user: "admin", password: "p@ss/w?rd%", nc: 2, cnonce: "0a4f113b")
        }
    }
}
