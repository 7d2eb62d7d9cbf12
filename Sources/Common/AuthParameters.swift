import Foundation

/// The parameters of a `WWW-Authenticate` or `Authorization` value (RFC 7235 auth-params), as
/// HTTP and RTSP devices write them: `Digest realm="x", nonce=abc, qop="auth,auth-int"` —
/// quoted or bare values, commas and escaped quotes inside quotes kept, tabs and stray commas
/// skipped, names compared without case. One reader for the ONVIF and RTSP clients and for the
/// simulator's servers that check their answers.
public enum AuthParameters {
    /// The scheme (lower-cased) and the parameters, names lower-cased; a repeated name keeps
    /// its last value.
    public static func parse(_ header: String) -> (scheme: String, parameters: [String: String]) {
        let h = header.trimmingCharacters(in: .whitespaces)
        let end = h.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? h.endIndex
        var out: [String: String] = [:]
        for (name, value) in list(h[end...]) { out[name.lowercased()] = value }
        return (h[..<end].lowercased(), out)
    }

    /// `k="v", k2=v2` in order, names as written; an item without `=` is skipped.
    public static func list(_ s: Substring) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        var i = s.startIndex
        func isGap(_ c: Character) -> Bool { c == " " || c == "," || c == "\t" }
        while true {
            while i < s.endIndex, isGap(s[i]) { i = s.index(after: i) }
            guard i < s.endIndex else { break }
            let nameStart = i
            while i < s.endIndex, s[i] != "=", s[i] != "," { i = s.index(after: i) }
            let name = s[nameStart..<i].trimmingCharacters(in: .whitespaces)
            guard i < s.endIndex, s[i] == "=" else { continue }
            i = s.index(after: i)
            while i < s.endIndex, s[i] == " " || s[i] == "\t" { i = s.index(after: i) }
            var value = ""
            if i < s.endIndex, s[i] == "\"" {
                i = s.index(after: i)
                while i < s.endIndex, s[i] != "\"" {
                    if s[i] == "\\", s.index(after: i) < s.endIndex { i = s.index(after: i) }
                    value.append(s[i])
                    i = s.index(after: i)
                }
                if i < s.endIndex { i = s.index(after: i) }
            } else {
                let start = i
                while i < s.endIndex, s[i] != "," { i = s.index(after: i) }
                value = s[start..<i].trimmingCharacters(in: .whitespaces)
            }
            out.append((name, value))
        }
        return out
    }
}
