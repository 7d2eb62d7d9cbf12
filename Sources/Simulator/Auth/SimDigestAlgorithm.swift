/// The algorithm the simulator's Digest challenges name, on its HTTP (SOAP) and RTSP servers
/// (`vtrack-sim --digest-algorithm`).
public enum SimDigestAlgorithm: String, Sendable, CaseIterable {
    case md5 = "MD5"
    case md5Sess = "MD5-sess"
    case sha256 = "SHA-256"
    case sha256Sess = "SHA-256-sess"

    /// The algorithm with this name, in any case (`sha-256`); nil for an unknown one.
    public init?(name: String) {
        guard let a = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = a
    }

    /// `HA1` is hashed again with the nonce and cnonce (RFC 7616 §3.4.2).
    var isSession: Bool { self == .md5Sess || self == .sha256Sess }
}
