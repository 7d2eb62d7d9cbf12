/// One element of a parsed XML document. Names are split into prefix and local name;
/// namespaces are never resolved, so undeclared or odd prefixes (`ter:`, `MC1:`) do not matter.
public struct XMLElement: Sendable, Equatable {
    public var prefix: String?
    /// Local name (no prefix).
    public var name: String
    public var attributes: [XMLAttribute]
    public var children: [XMLElement]
    /// Concatenated character data directly inside this element (entities decoded, CDATA kept), untrimmed.
    public var rawText: String

    public init(prefix: String? = nil, name: String, attributes: [XMLAttribute] = [], children: [XMLElement] = [], rawText: String = "") {
        self.prefix = prefix; self.name = name; self.attributes = attributes; self.children = children; self.rawText = rawText
    }

    /// Text with surrounding whitespace and newlines trimmed.
    public var text: String { rawText.trimmedXMLSpace }

    /// The first direct child with this local name.
    public func child(_ localName: String) -> XMLElement? {
        children.first { $0.name == localName }
    }

    /// All direct children with this local name.
    public func children(_ localName: String) -> [XMLElement] {
        children.filter { $0.name == localName }
    }

    /// Follows a path of local names through direct children: `e.path("Body", "GetProfilesResponse")`.
    public func path(_ names: String...) -> XMLElement? {
        var cur: XMLElement? = self
        for n in names { cur = cur?.child(n) }
        return cur
    }

    /// Depth-first first descendant (self excluded) with this local name.
    public func first(_ localName: String) -> XMLElement? {
        for c in children {
            if c.name == localName { return c }
            if let d = c.first(localName) { return d }
        }
        return nil
    }

    /// Every descendant (self excluded) with this local name, in document order.
    public func all(_ localName: String) -> [XMLElement] {
        var out: [XMLElement] = []
        collect(localName, into: &out)
        return out
    }

    private func collect(_ localName: String, into out: inout [XMLElement]) {
        for c in children {
            if c.name == localName { out.append(c) }
            c.collect(localName, into: &out)
        }
    }

    /// Attribute value by local name (prefix ignored).
    public func attribute(_ localName: String) -> String? {
        attributes.first { $0.name == localName }?.value
    }

    /// Trimmed text of the first direct child with this local name.
    public func childText(_ localName: String) -> String? {
        child(localName)?.text
    }

    /// Trimmed text of the first descendant with this local name.
    public func firstText(_ localName: String) -> String? {
        first(localName)?.text
    }
}

public struct XMLAttribute: Sendable, Equatable {
    public var prefix: String?
    public var name: String
    public var value: String
    public init(prefix: String? = nil, name: String, value: String) {
        self.prefix = prefix; self.name = name; self.value = value
    }
}

extension String {
    /// Trims XML whitespace (space, tab, CR, LF) at both ends.
    var trimmedXMLSpace: String {
        let u = utf8
        var start = u.startIndex, end = u.endIndex
        func ws(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while start < end, ws(u[start]) { start = u.index(after: start) }
        while end > start, ws(u[u.index(before: end)]) { end = u.index(before: end) }
        return String(self[start..<end])
    }
}
