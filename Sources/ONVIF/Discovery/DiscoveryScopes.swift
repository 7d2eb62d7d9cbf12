/// The scopes of a ProbeMatch or Hello, split and decoded: `onvif://www.onvif.org/name/…`,
/// `/hardware/…`, `/location/…`, `/Profile/S|G|T|…`.
public struct DiscoveryScopes: Sendable, Equatable {
    /// Every scope URI, in order, after repairing unescaped spaces.
    public var all: [String]
    /// Decoded `name` scope (`AXIS M1065-L`), nil when absent.
    public var name: String?
    /// Decoded `hardware` scope (model).
    public var hardware: String?
    /// Decoded `location` scopes, joined with ", " (`hanoi`, `Warehouse A`).
    public var location: String?
    /// ONVIF profiles as single letters, sorted and unique (`Profile/Streaming` counts as S).
    public var profiles: [String]
    /// True when a scope held unescaped spaces (tokens without a scheme were glued back).
    public var hadUnescapedSpaces: Bool

    public init(all: [String] = [], name: String? = nil, hardware: String? = nil, location: String? = nil,
                profiles: [String] = [], hadUnescapedSpaces: Bool = false) {
        self.all = all; self.name = name; self.hardware = hardware; self.location = location
        self.profiles = profiles; self.hadUnescapedSpaces = hadUnescapedSpaces
    }

    /// Parses the whitespace-separated text of a `Scopes` element.
    ///
    /// Some firmware writes `onvif://www.onvif.org/name/IPC Camera` with a raw space: a token
    /// that does not start with a URI scheme is taken as the rest of the previous scope.
    public static func parse(_ text: String) -> DiscoveryScopes {
        var scopes: [String] = []
        var glued = false
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            if !scopes.isEmpty, !hasScheme(token) {
                scopes[scopes.count - 1] += " " + token
                glued = true
            } else {
                scopes.append(String(token))
            }
        }
        return decode(scopes, hadUnescapedSpaces: glued)
    }

    /// Decodes a list of scope URIs.
    public static func decode(_ scopes: [String], hadUnescapedSpaces: Bool = false) -> DiscoveryScopes {
        var out = DiscoveryScopes(all: scopes, hadUnescapedSpaces: hadUnescapedSpaces)
        var locations: [String] = []
        var profiles: Set<String> = []
        for scope in scopes {
            guard let (category, rest) = onvifParts(scope) else { continue }
            switch category.lowercased() {
            case "name":
                if out.name == nil, !rest.isEmpty { out.name = percentDecode(rest) }
            case "hardware":
                if out.hardware == nil, !rest.isEmpty { out.hardware = percentDecode(rest) }
            case "location":
                // `location/country/vietnam` -> "vietnam"; `location/Warehouse%20A` -> "Warehouse A"
                let segments = rest.split(separator: "/").map(String.init)
                let value = segments.count >= 2 ? segments.dropFirst().joined(separator: "/") : rest
                if !value.isEmpty { locations.append(percentDecode(value)) }
            case "profile":
                let p = percentDecode(rest).trimmingSlashes
                if p.lowercased() == "streaming" { profiles.insert("S") } else if !p.isEmpty, !p.contains("/") { profiles.insert(p.uppercased()) }
            default:
                break
            }
        }
        if !locations.isEmpty { out.location = locations.joined(separator: ", ") }
        out.profiles = profiles.sorted()
        return out
    }

    /// `onvif://www.onvif.org/name/AXIS%20M1065` -> ("name", "AXIS%20M1065"). Case-insensitive host.
    static func onvifParts(_ scope: String) -> (String, String)? {
        let prefix = "onvif://www.onvif.org/"
        guard scope.count > prefix.count, scope.lowercased().hasPrefix(prefix) else { return nil }
        let path = scope.dropFirst(prefix.count)
        guard let slash = path.firstIndex(of: "/") else { return (String(path), "") }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// True for `scheme:` tokens (`onvif://…`, `urn:…`, `http://…`).
    static func hasScheme(_ token: Substring) -> Bool {
        guard let colon = token.firstIndex(of: ":"), colon != token.startIndex else { return false }
        let scheme = token[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// Decodes `%XX` escapes as UTF-8; a malformed escape is kept as written.
    public static func percentDecode(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var bytes: [UInt8] = []
        let u = Array(s.utf8)
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        while i < u.count {
            if u[i] == UInt8(ascii: "%"), i + 2 < u.count, let h = hex(u[i + 1]), let l = hex(u[i + 2]) {
                bytes.append(h << 4 | l)
                i += 3
            } else {
                bytes.append(u[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    fileprivate var trimmingSlashes: String {
        var s = Substring(self)
        while s.hasSuffix("/") { s = s.dropLast() }
        while s.hasPrefix("/") { s = s.dropFirst() }
        return String(s)
    }
}
