import Foundation

/// Keeps secrets out of anything shown, logged or stored as text.
public enum Redact {
    /// `rtsp://user:pass@host/x` -> `rtsp://user:***@host/x`; `rtsp://user@host` is kept.
    /// Applies to every URI found inside `text`.
    public static func uri(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let schemeEnd = rest.range(of: "://") {
            out += rest[..<schemeEnd.upperBound]
            rest = rest[schemeEnd.upperBound...]
            // authority ends at the first '/', '?', '#' or whitespace
            let authEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\"" || $0 == "<" }) ?? rest.endIndex
            let authority = rest[..<authEnd]
            if let at = authority.lastIndex(of: "@") {
                let userinfo = authority[..<at]
                if let colon = userinfo.firstIndex(of: ":") {
                    out += userinfo[..<colon]
                    out += ":***"
                } else {
                    out += userinfo
                }
                out += authority[at...]
            } else {
                out += authority
            }
            rest = rest[authEnd...]
        }
        out += rest
        return out
    }

    /// Replaces every occurrence of each non-empty secret with `***`, and redacts URIs.
    public static func secrets(_ text: String, _ secrets: [String]) -> String {
        var t = uri(text)
        for s in secrets where !s.isEmpty {
            t = t.replacingOccurrences(of: s, with: "***")
        }
        return t
    }
}
