import Foundation

/// RTSP headers: case-insensitive names, several values per name kept in order.
public struct RTSPHeaders: Sendable, Equatable {
    public private(set) var fields: [(name: String, value: String)] = []
    public init() {}
    public init(_ pairs: [(String, String)]) { for (n, v) in pairs { add(n, v) } }

    public mutating func add(_ name: String, _ value: String) { fields.append((name, value)) }
    public mutating func set(_ name: String, _ value: String) {
        fields.removeAll { $0.name.lowercased() == name.lowercased() }
        add(name, value)
    }
    /// Continues the value of field `i` (a folded header line): the field keeps its place, and
    /// other fields of the same name stay.
    mutating func continueField(at i: Int, _ more: String) {
        guard fields.indices.contains(i) else { return }
        fields[i].value += " " + more
    }
    public subscript(_ name: String) -> String? {
        let l = name.lowercased()
        return fields.first { $0.name.lowercased() == l }?.value
    }
    public func all(_ name: String) -> [String] {
        let l = name.lowercased()
        return fields.filter { $0.name.lowercased() == l }.map(\.value)
    }

    public static func == (a: RTSPHeaders, b: RTSPHeaders) -> Bool {
        a.fields.map { "\($0.name.lowercased()):\($0.value)" } == b.fields.map { "\($0.name.lowercased()):\($0.value)" }
    }
}

/// An RTSP message head (response or server request) and its body.
public struct RTSPResponse: Sendable, Equatable {
    /// Status code (0 for a request from the server).
    public var status: Int
    public var reason: String
    /// For a request from the server: its method.
    public var method: String?
    public var headers: RTSPHeaders
    public var body: [UInt8]

    public var cseq: Int? { headers["CSeq"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    /// Parses a head (the text before the blank line; `\r\n` or `\n` line ends).
    static func parseHead(_ text: String) -> RTSPResponse? {
        // "\r\n" is one Character in Swift: split on any newline character
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while let f = lines.first, f.isEmpty { lines.removeFirst() }
        guard let first = lines.first else { return nil }
        var r = RTSPResponse(status: 0, reason: "", method: nil, headers: RTSPHeaders(), body: [])
        if first.hasPrefix("RTSP/") {
            let parts = first.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard parts.count >= 2, let code = Int(parts[1]) else { return nil }
            r.status = code
            r.reason = parts.count > 2 ? String(parts[2]) : ""
        } else {
            let parts = first.split(separator: " ")
            guard parts.count == 3, parts[2].hasPrefix("RTSP/") else { return nil }
            r.method = String(parts[0])
        }
        var last: Int?
        for line in lines.dropFirst() where !line.isEmpty {
            if line.first == " " || line.first == "\t", let l = last {  // folded header
                // in place: `set` would drop an earlier field of the same name and move this one,
                // leaving `last` pointing past the end (a trap on the next folded line)
                r.headers.continueField(at: l, line.trimmingCharacters(in: .whitespaces))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            r.headers.add(String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                          String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
            last = r.headers.fields.count - 1
        }
        return r
    }
}
