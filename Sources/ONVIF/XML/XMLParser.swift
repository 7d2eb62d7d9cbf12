/// A small, lenient XML parser for device answers. It never traps: it survives truncated
/// documents (open elements are closed), mismatched end tags, undeclared prefixes, stray `&`,
/// DOCTYPE, comments, CDATA and processing instructions.
public enum XMLDocument {
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let reason: String
        public var description: String { "XML: \(reason)" }
    }

    public struct Result: Sendable {
        public let root: XMLElement
        /// True when the input ended inside an element or tag.
        public let truncated: Bool
    }

    /// Parses `text` and returns its root element.
    /// - Throws: `ParseError` when there is no element at all (empty body, plain text).
    public static func parse(_ text: String) throws -> XMLElement {
        try parseDetailed(Array(text.utf8)).root
    }

    public static func parse(bytes: [UInt8]) throws -> XMLElement {
        try parseDetailed(bytes).root
    }

    public static func parseDetailed(_ s: [UInt8]) throws -> Result {
        var p = Parser(s: s)
        return try p.run()
    }

    private struct Parser {
        let s: [UInt8]
        var i = 0
        var stack: [XMLElement] = []
        var root: XMLElement?
        var truncated = false

        init(s: [UInt8]) { self.s = s }

        mutating func run() throws -> Result {
            // skip UTF-8 BOM
            if s.count >= 3, s[0] == 0xEF, s[1] == 0xBB, s[2] == 0xBF { i = 3 }
            while i < s.count {
                if s[i] == UInt8(ascii: "<") {
                    markup()
                } else {
                    textRun()
                }
                if root != nil && stack.isEmpty { break }
            }
            if !stack.isEmpty {
                truncated = true
                while !stack.isEmpty { closeTop() }
            }
            guard let r = root else { throw ParseError(reason: "no element found") }
            return Result(root: r, truncated: truncated)
        }

        mutating func closeTop() {
            let e = stack.removeLast()
            if stack.isEmpty {
                if root == nil { root = e }
            } else {
                stack[stack.count - 1].children.append(e)
            }
        }

        func starts(_ lit: String, at j: Int) -> Bool {
            var k = j
            for b in lit.utf8 {
                if k >= s.count || s[k] != b { return false }
                k += 1
            }
            return true
        }

        func find(_ lit: String, from j: Int) -> Int? {
            let bytes = Array(lit.utf8)
            guard let first = bytes.first else { return j }
            var k = j
            while k + bytes.count <= s.count {
                if s[k] == first {
                    var ok = true
                    for t in 1..<bytes.count where s[k + t] != bytes[t] { ok = false; break }
                    if ok { return k }
                }
                k += 1
            }
            return nil
        }

        mutating func textRun() {
            let start = i
            while i < s.count, s[i] != UInt8(ascii: "<") { i += 1 }
            guard !stack.isEmpty else { return } // text outside the root is ignored
            stack[stack.count - 1].rawText += Self.decodeEntities(s[start..<i])
        }

        mutating func markup() {
            // s[i] == '<'
            if starts("<!--", at: i) {
                if let e = find("-->", from: i + 4) { i = e + 3 } else { i = s.count; truncated = true }
            } else if starts("<![CDATA[", at: i) {
                let start = i + 9
                if let e = find("]]>", from: start) {
                    if !stack.isEmpty { stack[stack.count - 1].rawText += String(decoding: s[start..<e], as: UTF8.self) }
                    i = e + 3
                } else {
                    if !stack.isEmpty { stack[stack.count - 1].rawText += String(decoding: s[start...], as: UTF8.self) }
                    i = s.count; truncated = true
                }
            } else if starts("<?", at: i) {
                if let e = find("?>", from: i + 2) { i = e + 2 } else { i = s.count; truncated = true }
            } else if starts("<!", at: i) {
                // DOCTYPE or other declaration: skip to the matching '>' (with a nested [ ] subset)
                var depth = 0
                i += 2
                while i < s.count {
                    if s[i] == UInt8(ascii: "[") { depth += 1 } else if s[i] == UInt8(ascii: "]") { depth -= 1 } else if s[i] == UInt8(ascii: ">") && depth <= 0 { break }
                    i += 1
                }
                i += 1
            } else if i + 1 < s.count, s[i + 1] == UInt8(ascii: "/") {
                endTag()
            } else {
                startTag()
            }
        }

        static func isNameByte(_ b: UInt8) -> Bool {
            !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=") || b == UInt8(ascii: "<"))
        }

        mutating func readName() -> (String?, String) {
            let start = i
            var colon = -1
            while i < s.count, Self.isNameByte(s[i]) {
                if colon < 0 && s[i] == UInt8(ascii: ":") { colon = i }
                i += 1
            }
            if colon >= 0 {
                return (String(decoding: s[start..<colon], as: UTF8.self), String(decoding: s[(colon + 1)..<i], as: UTF8.self))
            }
            return (nil, String(decoding: s[start..<i], as: UTF8.self))
        }

        mutating func skipSpace() {
            while i < s.count, s[i] == 0x20 || s[i] == 0x09 || s[i] == 0x0A || s[i] == 0x0D { i += 1 }
        }

        mutating func endTag() {
            i += 2
            let (_, name) = readName()
            while i < s.count, s[i] != UInt8(ascii: ">") { i += 1 }
            if i < s.count { i += 1 } else { truncated = true }
            // pop to the matching element if it is open; otherwise ignore the stray end tag
            guard let idx = stack.lastIndex(where: { $0.name == name }) else { return }
            while stack.count > idx { closeTop() }
        }

        mutating func startTag() {
            i += 1
            let (prefix, name) = readName()
            if name.isEmpty {
                // a lone '<': treat as text
                if !stack.isEmpty { stack[stack.count - 1].rawText += "<" }
                return
            }
            var el = XMLElement(prefix: prefix, name: name)
            var selfClosing = false
            while i < s.count {
                skipSpace()
                guard i < s.count else { break }
                let b = s[i]
                if b == UInt8(ascii: ">") { i += 1; break }
                if b == UInt8(ascii: "/") {
                    i += 1
                    if i < s.count, s[i] == UInt8(ascii: ">") { i += 1; selfClosing = true; break }
                    continue
                }
                if b == UInt8(ascii: "<") { break } // malformed: a new tag starts; end this one here
                let (ap, an) = readName()
                if an.isEmpty && ap == nil { i += 1; continue }
                skipSpace()
                var value = ""
                if i < s.count, s[i] == UInt8(ascii: "=") {
                    i += 1
                    skipSpace()
                    if i < s.count, s[i] == UInt8(ascii: "\"") || s[i] == UInt8(ascii: "'") {
                        let q = s[i]
                        i += 1
                        let start = i
                        while i < s.count, s[i] != q { i += 1 }
                        value = Self.decodeEntities(s[start..<min(i, s.count)])
                        if i < s.count { i += 1 }
                    } else {
                        let start = i
                        while i < s.count, Self.isNameByte(s[i]) { i += 1 }
                        value = Self.decodeEntities(s[start..<i])
                    }
                }
                el.attributes.append(XMLAttribute(prefix: ap, name: an, value: value))
            }
            if i >= s.count && !selfClosing && (s.last != UInt8(ascii: ">")) { truncated = true }
            stack.append(el)
            if selfClosing { closeTop() }
        }

        static func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String {
            guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var k = bytes.startIndex
            while k < bytes.endIndex {
                let b = bytes[k]
                if b == UInt8(ascii: "&"), let semi = bytes[k..<min(bytes.endIndex, k + 12)].firstIndex(of: UInt8(ascii: ";")) {
                    let ent = String(decoding: bytes[(k + 1)..<semi], as: UTF8.self)
                    var replacement: String?
                    switch ent {
                    case "lt": replacement = "<"
                    case "gt": replacement = ">"
                    case "amp": replacement = "&"
                    case "quot": replacement = "\""
                    case "apos": replacement = "'"
                    default:
                        if ent.hasPrefix("#x") || ent.hasPrefix("#X"), let v = UInt32(ent.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
                            replacement = String(Character(u))
                        } else if ent.hasPrefix("#"), let v = UInt32(ent.dropFirst()), let u = Unicode.Scalar(v) {
                            replacement = String(Character(u))
                        }
                    }
                    if let r = replacement {
                        out.append(contentsOf: r.utf8)
                        k = semi + 1
                        continue
                    }
                }
                out.append(b)
                k += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Escaping for building compact XML by hand.
public enum XMLEscape {
    public static func text(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
