import Streaming

/// One RTSP request as the simulator reads it.
struct SimRTSPRequest {
    var method: String
    var uri: String
    var headers: RTSPHeaders
    var body: [UInt8]

    var cseq: String { headers["CSeq"] ?? "0" }

    /// The path without scheme, authority, query and trailing slash; and the query.
    var pathAndQuery: (path: String, query: String) {
        var rest = Substring(uri)
        if let r = rest.range(of: "://") {
            rest = rest[r.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        var query = ""
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        var path = String(rest)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return (path, query)
    }

    /// Parses a request head (request line and headers, without the blank line).
    static func parse(head: String) -> SimRTSPRequest? {
        let lines = head.split(whereSeparator: \.isNewline)
        guard let first = lines.first else { return nil }
        let parts = first.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("RTSP/1.") else { return nil }
        var h = RTSPHeaders()
        for line in lines.dropFirst() {
            guard let c = line.firstIndex(of: ":") else { continue }
            h.add(line[..<c].trimmingCharacters(in: .whitespaces), line[line.index(after: c)...].trimmingCharacters(in: .whitespaces))
        }
        return SimRTSPRequest(method: String(parts[0]).uppercased(), uri: String(parts[1]), headers: h, body: [])
    }
}
