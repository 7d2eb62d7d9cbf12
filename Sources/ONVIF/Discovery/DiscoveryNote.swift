import Common

/// One remark about a sweep: a malformed answer (with where it came from) or a send failure.
public struct DiscoveryNote: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable { case malformedAnswer, sendFailed }

    public var kind: Kind
    /// `10.0.0.7:3702`, or the interface name for send failures.
    public var origin: String
    /// The interface it concerns (`eth0`, `unicast`).
    public var interface: String?
    /// What was wrong.
    public var problems: [DiscoveryProblem]
    /// A system error text (send failures).
    public var detail: String?
    /// The start of the datagram, for malformed answers (at most 160 characters, one line).
    public var excerpt: String?

    public init(kind: Kind, origin: String, interface: String? = nil, problems: [DiscoveryProblem] = [],
                detail: String? = nil, excerpt: String? = nil) {
        self.kind = kind; self.origin = origin; self.interface = interface; self.problems = problems
        self.detail = detail; self.excerpt = excerpt
    }

    /// One line in the given language.
    public func text(_ lang: Language = Language.current) -> String {
        let on = interface.map { Localized(vi: " (qua \($0))", en: " (on \($0))").text(lang) } ?? ""
        switch kind {
        case .malformedAnswer:
            let what = problems.map { $0.message.text(lang) }.joined(separator: ", ")
            let head = Localized(vi: "Trả lời lỗi từ \(origin)\(on): \(what)", en: "Malformed answer from \(origin)\(on): \(what)").text(lang)
            return head + (excerpt.map { " — \($0)" } ?? "")
        case .sendFailed:
            return Localized(vi: "Không gửi được probe qua \(origin): \(detail ?? "")",
                             en: "Could not send a probe through \(origin): \(detail ?? "")").text(lang)
        }
    }

    public var description: String { text() }

    /// First `limit` characters of a datagram on one line.
    /// Control characters become spaces or dots; `user:pass@` in URLs is redacted.
    static func excerpt(of bytes: [UInt8], limit: Int = 160) -> String {
        let s = String(decoding: bytes.prefix(limit * 2), as: UTF8.self)
            .map { $0.isNewline || $0 == "\t" ? " " : ($0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } ? $0 : ".") }
        return Redact.uri(String(s.prefix(limit))) + (bytes.count > limit ? "…" : "")
    }
}
