import Common

/// Chooses which of a device's XAddrs to use, and repairs the ones that cannot be used as given.
///
/// Field quirks handled: several space-separated XAddrs with link-local `169.254.x`, IPv6
/// `fe80::` and an `https` twin (C2); a loopback or empty host (C3); IPv6 link-local without a
/// zone id (C5).
///
/// Order of preference: IPv4 on the receiving interface's subnet, then any routable IPv4, then
/// host names, then global IPv6, then link-local IPv6 (with the interface's zone id), then
/// link-local IPv4; `http` before `https` at each step.
public enum XAddrPreference {
    /// The parts of an XAddr URL discovery cares about.
    public struct Parts: Sendable, Equatable {
        public var scheme: String
        public var userinfo: String?
        /// Host without brackets (IPv6 may carry `%25zone`).
        public var host: String
        public var isIPv6: Bool
        public var port: Int?
        /// Path, query and fragment (`/onvif/device_service`).
        public var rest: String

        /// Reassembles the URL.
        public var url: String {
            var s = scheme + "://"
            if let u = userinfo { s += u + "@" }
            s += isIPv6 ? "[\(host)]" : host
            if let p = port { s += ":\(p)" }
            return s + rest
        }

        /// Splits `scheme://[userinfo@]host[:port]/rest`; nil without `://`.
        public static func parse(_ url: String) -> Parts? {
            guard let sep = url.range(of: "://") else { return nil }
            let scheme = url[..<sep.lowerBound].lowercased()
            let after = url[sep.upperBound...]
            let authEnd = after.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? after.endIndex
            var authority = after[..<authEnd]
            let rest = String(after[authEnd...])
            var userinfo: String?
            if let at = authority.lastIndex(of: "@") {
                userinfo = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            var host: Substring
            var portText: Substring?
            var v6 = false
            if authority.hasPrefix("[") {
                guard let close = authority.firstIndex(of: "]") else { return nil }
                host = authority[authority.index(after: authority.startIndex)..<close]
                v6 = true
                let tail = authority[authority.index(after: close)...]
                if tail.hasPrefix(":") { portText = tail.dropFirst() }
            } else if let colon = authority.lastIndex(of: ":") {
                host = authority[..<colon]
                portText = authority[authority.index(after: colon)...]
            } else {
                host = authority
            }
            var port: Int?
            if let pt = portText, !pt.isEmpty {
                guard let p = Int(pt), (0...65535).contains(p) else { return nil }
                port = p
            }
            return Parts(scheme: scheme, userinfo: userinfo, host: String(host), isIPv6: v6, port: port, rest: rest)
        }
    }

    /// Repairs one XAddr as received on `iface` from `source`:
    /// - an empty, `localhost`, `0.0.0.0` or `127.x` host becomes `source` (unless `source` is loopback too);
    /// - an IPv6 link-local host without a zone gets `%25<interface name>`.
    /// - credentials in the URL (`user:pass@`) are dropped: VTrack brings its own, and a password
    ///   must never reach the screen, JSON or logs.
    public static func normalize(_ raw: String, receivedOn iface: NetworkInterface?, from source: IPv4Address?) -> String {
        guard var p = Parts.parse(raw) else { return Redact.uri(raw) }
        p.userinfo = nil
        if !p.isIPv6, let src = source, !src.isLoopback, !src.isUnspecified {
            let lower = p.host.lowercased()
            let bad = p.host.isEmpty || lower == "localhost" || IPv4Address(p.host).map { $0.isLoopback || $0.isUnspecified } == true
            if bad { p.host = src.description }
        } else if !p.isIPv6, p.host.isEmpty, let src = source {
            p.host = src.description
        }
        if p.isIPv6, let iface, p.host.lowercased().hasPrefix("fe8") || p.host.lowercased().hasPrefix("fe9")
            || p.host.lowercased().hasPrefix("fea") || p.host.lowercased().hasPrefix("feb"), !p.host.contains("%") {
            p.host += "%25" + iface.name
        }
        return p.url
    }

    /// Preference rank of a (normalized) XAddr as seen from `iface`; lower is better.
    public static func rank(_ url: String, receivedOn iface: NetworkInterface?) -> Int {
        guard let p = Parts.parse(url), p.scheme == "http" || p.scheme == "https", !p.host.isEmpty else { return 100 }
        let tls = p.scheme == "https" ? 1 : 0
        if p.isIPv6 {
            let h = p.host.lowercased()
            let linkLocal = h.hasPrefix("fe8") || h.hasPrefix("fe9") || h.hasPrefix("fea") || h.hasPrefix("feb")
            if h == "::1" { return 90 + tls }
            return (linkLocal ? 40 : 30) + tls
        }
        guard let a = IPv4Address(p.host) else { return 20 + tls } // a host name
        if a.isUnspecified { return 90 + tls }
        // on the receiving interface's subnet (a loopback XAddr counts only when heard on loopback)
        if let iface, iface.contains(a) { return 0 + tls }
        if a.isLoopback { return 90 + tls }
        if a.isRoutable { return 10 + tls }
        if a.isLinkLocal { return 50 + tls }
        return 80 + tls
    }

    /// Normalizes every XAddr and picks the best one. Returns the normalized list (same order)
    /// and the preferred XAddr with its rank (nil when the list is empty).
    public static func choose(_ xaddrs: [String], receivedOn iface: NetworkInterface?, from source: IPv4Address?)
        -> (all: [String], preferred: String?, rank: Int) {
        let all = xaddrs.map { normalize($0, receivedOn: iface, from: source) }
        var best: (String, Int)?
        for x in all {
            let r = rank(x, receivedOn: iface)
            if best == nil || r < best!.1 { best = (x, r) }
        }
        return (all, best?.0, best?.1 ?? Int.max)
    }
}
