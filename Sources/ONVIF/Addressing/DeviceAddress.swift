import Common

/// Where a device's ONVIF device service lives, as the user typed it.
///
/// Accepts `host`, `host:port`, `[IPv6]:port`, a bare IPv6 address, or a full
/// `http(s)://host[:port]/path` URL. The default port is 80 (443 for https) and the default
/// path `/onvif/device_service`.
public struct DeviceAddress: Sendable, Hashable, CustomStringConvertible {
    /// `http` or `https`.
    public var scheme: String
    /// Host name or IP address, without brackets.
    public var host: String
    public var port: Int
    /// Path of the device service, starting with `/`.
    public var path: String

    public static let defaultPath = "/onvif/device_service"

    public init(scheme: String = "http", host: String, port: Int? = nil, path: String = DeviceAddress.defaultPath) {
        self.scheme = scheme.lowercased()
        self.host = host
        self.port = port ?? (scheme.lowercased() == "https" ? 443 : 80)
        self.path = path.hasPrefix("/") ? path : "/" + path
    }

    /// Parses what a user typed.
    /// - Throws: `ONVIFError.portOutOfRange` for a port outside 1…65535, `ONVIFError.invalidAddress`
    ///   when it is empty, has a bad port or odd characters. Either shows the text typed with
    ///   any password in it replaced by `***`.
    public init(parsing raw: String) throws {
        let text = raw.trimmingXMLSpaceForAddress
        let shown = Self.redacted(raw)
        guard !text.isEmpty else { throw ONVIFError.invalidAddress(shown) }
        var rest = Substring(text)
        var scheme = "http"
        if let r = rest.range(of: "://") {
            scheme = rest[..<r.lowerBound].lowercased()
            guard scheme == "http" || scheme == "https" else { throw ONVIFError.invalidAddress(shown) }
            rest = rest[r.upperBound...]
        }
        var path = DeviceAddress.defaultPath
        if let slash = rest.firstIndex(of: "/") {
            let p = String(rest[slash...])
            if p != "/" { path = p }
            rest = rest[..<slash]
        }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] } // never keep userinfo
        guard let (host, port) = DeviceAddress.splitHostPort(rest) else {
            if let p = DeviceAddress.numericPort(rest) { throw ONVIFError.portOutOfRange(address: shown, port: p) }
            throw ONVIFError.invalidAddress(shown)
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || "-._:%".contains($0) }) else {
            throw ONVIFError.invalidAddress(shown)
        }
        self.init(scheme: scheme, host: host, port: port, path: path)
    }

    /// The address as it may be shown: the password of any `user:password@` replaced by `***`.
    static func redacted(_ raw: String) -> String {
        if raw.contains("://") { return Redact.uri(raw) }
        return String(Redact.uri("x://" + raw).dropFirst(4))
    }

    /// The port typed after `host:` or `[v6]:` when it is all digits (so a refusal can say it is
    /// out of range rather than not an address); nil otherwise.
    static func numericPort(_ s: Substring) -> String? {
        let tail: Substring
        if s.hasPrefix("[") {
            guard let close = s.firstIndex(of: "]") else { return nil }
            let after = s[s.index(after: close)...]
            guard after.hasPrefix(":") else { return nil }
            tail = after.dropFirst()
        } else {
            guard s.filter({ $0 == ":" }).count == 1, let colon = s.firstIndex(of: ":") else { return nil }
            tail = s[s.index(after: colon)...]
        }
        guard !tail.isEmpty, tail.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(tail)
    }

    /// Splits `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address. Nil when the port is not a number in 1…65535.
    static func splitHostPort(_ s: Substring) -> (String, Int?)? {
        if s.hasPrefix("[") {
            guard let close = s.firstIndex(of: "]") else { return nil }
            let host = String(s[s.index(after: s.startIndex)..<close])
            let after = s[s.index(after: close)...]
            if after.isEmpty { return (host, nil) }
            guard after.hasPrefix(":"), let p = Int(after.dropFirst()), (1...65535).contains(p) else { return nil }
            return (host, p)
        }
        let colons = s.filter { $0 == ":" }.count
        if colons == 0 { return (String(s), nil) }
        if colons > 1 { return (String(s), nil) } // bare IPv6
        let parts = s.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let p = Int(parts[1]), (1...65535).contains(p) else { return nil }
        return (String(parts[0]), p)
    }

    /// The host as it goes in a URL: IPv6 in brackets.
    public var urlHost: String { host.contains(":") ? "[\(host)]" : host }

    /// True when the port is the scheme's default and can be left out of URLs.
    public var isDefaultPort: Bool { (scheme == "http" && port == 80) || (scheme == "https" && port == 443) }

    /// `host:port` (IPv6 in brackets) — always with the port.
    public var authority: String { "\(urlHost):\(port)" }

    /// Full URL of the device service.
    public var deviceServiceURL: String { "\(scheme)://\(authority)\(path)" }

    /// `host:port`, as shown to users.
    public var description: String { authority }
}

extension String {
    var trimmingXMLSpaceForAddress: String { trimmedXMLSpace }
}
