/// A URL split into the parts the address rewriter touches, without Foundation's strictness
/// (devices send empty hosts, spaces and odd characters). `rest` keeps path, query and fragment verbatim.
struct URLParts: Equatable {
    var scheme: String
    var userinfo: String?
    /// Host without brackets; may be empty (`http:///onvif/media`).
    var host: String
    var port: Int?
    var rest: String

    init?(_ text: String) {
        let s = text.trimmedXMLSpace
        // "scheme://": the scheme is the run of letters before the first ':'
        guard let colon = s.firstIndex(of: ":"), s[colon...].hasPrefix("://") else { return nil }
        scheme = s[..<colon].lowercased()
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        let afterScheme = s[s.index(colon, offsetBy: 3)...]
        let authEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
        var authority = afterScheme[..<authEnd]
        rest = String(afterScheme[authEnd...])
        if let at = authority.lastIndex(of: "@") {
            userinfo = String(authority[..<at])
            authority = authority[authority.index(after: at)...]
        } else {
            userinfo = nil
        }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            port = after.hasPrefix(":") ? Int(after.dropFirst()) : nil
        } else if authority.filter({ $0 == ":" }).count == 1, let colon = authority.firstIndex(of: ":") {
            host = String(authority[..<colon])
            port = Int(authority[authority.index(after: colon)...])
        } else {
            host = String(authority)
            port = nil
        }
    }

    /// The port, or the scheme's default.
    var effectivePort: Int? {
        if let p = port { return p }
        switch scheme {
        case "http": return 80
        case "https": return 443
        case "rtsp": return 554
        case "rtsps": return 322
        default: return nil
        }
    }

    var string: String {
        var s = scheme + "://"
        if let u = userinfo { s += u + "@" }
        s += host.contains(":") ? "[\(host)]" : host
        if let p = port { s += ":\(p)" }
        return s + rest
    }
}
