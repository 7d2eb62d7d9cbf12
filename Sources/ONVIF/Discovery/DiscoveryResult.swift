import Common

/// What one sweep found.
public struct DiscoveryResult: Sendable {
    /// Every device, merged by endpoint reference, in the order first heard.
    public var devices: [DiscoveredDevice]
    /// Datagrams that had something wrong with them (each counted once; usable parts were kept).
    public var malformedCount: Int
    /// What went wrong along the way, for verbose output: malformed answers and per-interface send errors.
    public var notes: [DiscoveryNote]
    /// Answers from WS-Discovery devices that are not ONVIF (PCs, printers), left out.
    public var ignoredCount: Int
    /// The interfaces probed by multicast.
    public var interfaces: [NetworkInterface]
    /// How long the sweep took, in seconds.
    public var duration: Double
    /// Seconds from the start of the sweep to the first answer of the last device found
    /// (nil when nothing was found): how much of the window was actually needed.
    public var lastNewDeviceAfter: Double?

    public init(devices: [DiscoveredDevice] = [], malformedCount: Int = 0, notes: [DiscoveryNote] = [],
                ignoredCount: Int = 0, interfaces: [NetworkInterface] = [], duration: Double = 0) {
        self.devices = devices; self.malformedCount = malformedCount; self.notes = notes; self.ignoredCount = ignoredCount
        self.interfaces = interfaces; self.duration = duration
    }
}

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
        let on = interface.map { lang == .vi ? " (qua \($0))" : " (on \($0))" } ?? ""
        switch kind {
        case .malformedAnswer:
            let what = problems.map { $0.message.text(lang) }.joined(separator: ", ")
            let head = lang == .vi ? "Trả lời lỗi từ \(origin)\(on): \(what)" : "Malformed answer from \(origin)\(on): \(what)"
            return head + (excerpt.map { " — \($0)" } ?? "")
        case .sendFailed:
            return lang == .vi ? "Không gửi được probe qua \(origin): \(detail ?? "")" : "Could not send a probe through \(origin): \(detail ?? "")"
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

/// A change seen while discovering, streamed to a front (the TUI) as it happens.
public enum DiscoveryEvent: Sendable {
    /// A device answered a probe or said Hello for the first time.
    case found(DiscoveredDevice)
    /// A known device answered again and its merged record changed (new address, XAddr, scopes…).
    case updated(DiscoveredDevice)
    /// A device said Bye (its endpoint reference, and the last record if it was known).
    case left(endpointReference: String, last: DiscoveredDevice?)
    /// A malformed datagram was received and counted.
    case malformed(DiscoveryNote)
    /// A sweep ended (its full result).
    case sweepFinished(DiscoveryResult)
    /// A sweep or the listener could not run (no usable interface, port taken…).
    case failed(DiscoveryError)
}
