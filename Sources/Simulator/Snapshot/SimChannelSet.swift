import Foundation

/// A set of channel numbers (1-based), or every channel: `[1, 3]`, `.all`, `[]`.
public struct SimChannelSet: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Every channel, however many there are.
    public var all: Bool
    /// The channels named (ignored when `all`).
    public var channels: Set<Int>

    public init(_ channels: Set<Int> = [], all: Bool = false) {
        self.channels = channels
        self.all = all
    }

    public init(arrayLiteral elements: Int...) { self.init(Set(elements)) }

    /// Every channel.
    public static let all = SimChannelSet(all: true)

    /// True when channel `n` is in the set.
    public func contains(_ n: Int) -> Bool { all || channels.contains(n) }

    /// True when no channel is in it.
    public var isEmpty: Bool { !all && channels.isEmpty }

    /// Adds channel `n`.
    public mutating func insert(_ n: Int) { channels.insert(n) }

    /// Reads `all` or a comma-separated list of channel numbers (`1,3,5`); nil when malformed.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.lowercased() == "all" { self = .all; return }
        let numbers = t.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !numbers.isEmpty, numbers.allSatisfy({ ($0 ?? 0) >= 1 }) else { return nil }
        self.init(Set(numbers.compactMap { $0 }))
    }
}
