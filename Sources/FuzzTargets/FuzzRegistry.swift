import Foundation

/// Every fuzz target by name: a function that feeds arbitrary bytes to one parser of the product.
/// A target must return normally for any input; a trap is a bug in the product (see Fuzz/).
public enum FuzzRegistry {
    public typealias Target = @Sendable (Data) -> Void

    /// Names in the order `scripts/fuzz` runs them; each has a corpus in `Fuzz/corpus/<name>/`.
    public static let targets: [(name: String, run: Target)] = [
        ("xml", XMLFuzz.run),
        ("soap", SOAPFuzz.run),
        ("discovery", DiscoveryFuzz.run),
        ("auth", AuthFuzz.run),
        ("rtsp", RTSPFuzz.run),
        ("sdp", SDPFuzz.run),
        ("rtp", RTPFuzz.run),
        ("h26x", H26xFuzz.run),
        ("mp4", MP4Fuzz.run),
        ("theme", ThemeFuzz.run),
        ("time", TimeFuzz.run),
        ("cli", CLIFuzz.run),
        ("store", StoreFuzz.run),
        ("keys", KeysFuzz.run),
        ("simhttp", SimHTTPFuzz.run),
        ("simrtsp", SimRTSPFuzz.run),
    ]

    public static var names: [String] { targets.map(\.name) }

    public static func target(named name: String) -> Target? {
        targets.first { $0.name == name }?.run
    }
}

/// Reads fuzz bytes as a few small numbers followed by a rest.
struct FuzzInput {
    private let bytes: [UInt8]
    private var i = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    var isAtEnd: Bool { i >= bytes.count }

    mutating func byte() -> UInt8 {
        guard i < bytes.count else { return 0 }
        defer { i += 1 }
        return bytes[i]
    }

    mutating func u16() -> Int { Int(byte()) << 8 | Int(byte()) }

    /// The next `n` bytes (fewer at the end).
    mutating func take(_ n: Int) -> [UInt8] {
        let end = min(bytes.count, i + max(0, n))
        defer { i = end }
        return Array(bytes[i..<end])
    }

    mutating func rest() -> [UInt8] { take(bytes.count - i) }
}

extension Data {
    /// The bytes as text the way the product decodes network text (invalid UTF-8 repaired).
    var text: String { String(decoding: self, as: UTF8.self) }
}
