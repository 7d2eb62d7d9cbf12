import Foundation

/// An `rtsp://` address split into what goes on the wire and what never does: the request URI
/// has no user info; user and password (percent-decoded, so `@ / ? %` work when encoded, and a
/// raw `@` in the password works too) are kept apart for authentication.
public struct RTSPURL: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int
    /// Path and query, starting with `/` (may be just `/`).
    public var pathAndQuery: String
    public var user: String?
    public var password: String?

    /// Parses `text`; nil when it is not `rtsp://` / `rtsps://` with a host.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let schemeEnd = t.range(of: "://") else { return nil }
        let scheme = t[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "rtsp" || scheme == "rtsps" || scheme == "rtspt" else { return nil }
        self.scheme = scheme
        var rest = t[schemeEnd.upperBound...]
        // user info: up to the last '@' before the path of the host part
        if let at = rest.lastIndex(of: "@") {
            let info = rest[..<at]
            let after = rest[rest.index(after: at)...]
            // only when what follows looks like host[:port][/...] (not an '@' inside a path)
            let hostPart = after.prefix { $0 != "/" && $0 != "?" }
            if !hostPart.isEmpty && !hostPart.contains("@") {
                if let colon = info.firstIndex(of: ":") {
                    user = RTSPURL.percentDecode(info[..<colon])
                    password = RTSPURL.percentDecode(info[info.index(after: colon)...])
                } else {
                    user = RTSPURL.percentDecode(info)
                }
                rest = after
            }
        }
        let authEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authEnd]
        let path = rest[authEnd...]
        var portValue = scheme == "rtsps" ? 322 : 554
        var hostValue: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            hostValue = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { guard let p = Int(after.dropFirst()) else { return nil }; portValue = p }
        } else if let colon = authority.lastIndex(of: ":") {
            hostValue = authority[..<colon]
            let p = authority[authority.index(after: colon)...]
            if !p.isEmpty { guard let v = Int(p) else { return nil }; portValue = v }
        } else {
            hostValue = authority
        }
        guard !hostValue.isEmpty, portValue > 0, portValue < 65536 else { return nil }
        host = String(hostValue)
        port = portValue
        pathAndQuery = path.isEmpty ? "/" : (path.hasPrefix("?") ? "/" + path : String(path))
    }

    public init(host: String, port: Int, pathAndQuery: String, user: String? = nil, password: String? = nil) {
        scheme = "rtsp"
        self.host = host
        self.port = port
        self.pathAndQuery = pathAndQuery.hasPrefix("/") ? pathAndQuery : "/" + pathAndQuery
        self.user = user
        self.password = password
    }

    /// `host` or `[v6]`, with `:port` when it is not the default.
    public var authority: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return port == 554 ? h : "\(h):\(port)"
    }

    /// The URI for request lines and digest `uri=`: no user info, ever.
    public var requestURI: String { "\(scheme)://\(authority)\(pathAndQuery)" }

    /// Safe to show and log (no user info).
    public var description: String { requestURI }

    /// Resolves an SDP `a=control` (or Content-Base) against this URL: absolute URLs are taken
    /// as they are (user info dropped), `*` or empty means this URL, anything else is appended
    /// with a `/` to the whole base (what devices expect, rather than RFC 3986 replacement of the
    /// last segment).
    public func resolving(control: String) -> RTSPURL {
        let c = control.trimmingCharacters(in: .whitespaces)
        if c.isEmpty || c == "*" { return self }
        if c.lowercased().hasPrefix("rtsp://") || c.lowercased().hasPrefix("rtsps://") {
            if var u = RTSPURL(c) {
                u.user = user; u.password = password
                return u
            }
            return self
        }
        var u = self
        if c.hasPrefix("/") {
            u.pathAndQuery = c
        } else {
            // appended to the whole base, query included, as most clients do (devices expect it)
            u.pathAndQuery = (pathAndQuery.hasSuffix("/") ? pathAndQuery : pathAndQuery + "/") + c
        }
        return u
    }

    /// `%XX` decoded; a `%` not followed by two hex digits stays as it is.
    static func percentDecode<S: StringProtocol>(_ s: S) -> String {
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 65...70: return c - 55
            case 97...102: return c - 87
            default: return nil
            }
        }
        while i < b.count {
            if b[i] == 37, i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) {
                out.append(h << 4 | l); i += 3
            } else {
                out.append(b[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
