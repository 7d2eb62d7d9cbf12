import ONVIF

/// What one simulated device says about itself over WS-Discovery, and how it misbehaves.
public struct DiscoveryAdvert: Sendable, Equatable {
    /// `urn:uuid:…`, the device's identity.
    public var endpointReference: String
    /// Qualified type names in answers.
    public var types: [String] = ["dn:NetworkVideoTransmitter", "tds:Device"]
    /// Scope URIs, already percent-encoded.
    public var scopes: [String]
    /// XAddrs in the order advertised. A `0.0.0.0` host is replaced by the address of the
    /// interface the probe arrived on.
    public var xaddrs: [String]
    public var metadataVersion = 1
    /// Answer only this probe form (field quirk D4); nil answers every form that matches its types.
    public var onlyForm: ProbeForm?
    /// Send every answer twice (quirk D5).
    public var answerTwice = false

    public init(endpointReference: String, scopes: [String], xaddrs: [String],
                onlyForm: ProbeForm? = nil, answerTwice: Bool = false) {
        self.endpointReference = endpointReference; self.scopes = scopes; self.xaddrs = xaddrs
        self.onlyForm = onlyForm; self.answerTwice = answerTwice
    }

    /// Builds the scopes of an ONVIF device: name, hardware, location and profiles, percent-encoded.
    public static func scopes(name: String, hardware: String, location: String?, profiles: [String] = ["S", "G", "T"]) -> [String] {
        var s = ["onvif://www.onvif.org/type/video_encoder", "onvif://www.onvif.org/type/Network_Video_Transmitter"]
        s += profiles.map { "onvif://www.onvif.org/Profile/\($0)" }
        s.append("onvif://www.onvif.org/name/" + percentEncode(name))
        s.append("onvif://www.onvif.org/hardware/" + percentEncode(hardware))
        if let l = location { s.append("onvif://www.onvif.org/location/city/" + percentEncode(l)) }
        return s
    }

    /// The field's three-XAddr shape (quirk C2): a link-local IPv4 one, an https twin, then the real one.
    public static func threeXAddrs(real: String) -> [String] {
        guard let p = XAddrPreference.Parts.parse(real) else { return [real] }
        var linkLocal = p
        linkLocal.host = "169.254.23.7"
        linkLocal.port = nil
        var https = p
        https.scheme = "https"
        https.port = nil
        return [linkLocal.url, https.url, real]
    }

    /// Whether this device answers a probe of `form` (with these probe `Types`).
    public func answers(_ form: ProbeForm) -> Bool {
        if let only = onlyForm { return form == only }
        switch form {
        case .untyped: return true
        case .networkVideoTransmitter: return types.contains { $0.hasSuffix(":NetworkVideoTransmitter") }
        case .device: return types.contains { $0.hasSuffix(":Device") }
        }
    }

    /// A stable `urn:uuid:` from any text (the simulator's serial number, a fleet index).
    public static func endpointReference(from seed: String) -> String {
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325
        var h2: UInt64 = 0x8422_2325_cbf2_9ce4
        for b in seed.utf8 {
            h1 = (h1 ^ UInt64(b)) &* 0x0000_0100_0000_01B3
            h2 = (h2 ^ UInt64(b)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9_7F4A_7C15
        }
        func hex(_ v: UInt64, _ digits: Int) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: max(0, digits - s.count)) + s.suffix(digits)
        }
        return "urn:uuid:\(hex(h1 >> 32, 8))-\(hex(h1 >> 16 & 0xFFFF, 4))-4\(hex(h1 & 0xFFF, 3))-a\(hex(h2 >> 48 & 0xFFF, 3))-\(hex(h2 & 0xFFFF_FFFF_FFFF, 12))"
    }

    /// `%`-encodes everything but unreserved characters (so spaces never go out raw).
    public static func percentEncode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
