import Glibc

/// An IPv4 address as a host-order number, with the few questions discovery asks of it
/// (which subnet, link-local, loopback, routable).
public struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The address in host byte order (`10.0.0.1` is `0x0A000001`).
    public let value: UInt32

    public init(_ value: UInt32) { self.value = value }

    /// Parses dotted-quad text (`192.168.1.10`); nil for anything else.
    public init?(_ text: some StringProtocol) {
        var parts: [UInt32] = []
        var current: UInt32 = 0
        var digits = 0
        for b in text.utf8 {
            if b == UInt8(ascii: ".") {
                guard digits > 0 else { return nil }
                parts.append(current)
                current = 0
                digits = 0
            } else if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                current = current * 10 + UInt32(b - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 3, current <= 255 else { return nil }
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        parts.append(current)
        guard parts.count == 4 else { return nil }
        value = parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3]
    }

    /// From a C `in_addr` (network byte order).
    public init(_ addr: in_addr) { value = UInt32(bigEndian: addr.s_addr) }

    /// As a C `in_addr` (network byte order).
    public var inAddr: in_addr { in_addr(s_addr: value.bigEndian) }

    public var description: String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }

    /// `169.254.0.0/16`: self-assigned, reachable only on its own link.
    public var isLinkLocal: Bool { value >> 16 == 0xA9FE }
    /// `127.0.0.0/8`.
    public var isLoopback: Bool { value >> 24 == 127 }
    /// `0.0.0.0/8` (no address).
    public var isUnspecified: Bool { value >> 24 == 0 }
    /// `224.0.0.0/4`.
    public var isMulticast: Bool { value >> 28 == 0xE }
    /// An address another host could reach: not loopback, link-local, unspecified, multicast or broadcast.
    public var isRoutable: Bool {
        !(isLinkLocal || isLoopback || isUnspecified || isMulticast || value == 0xFFFF_FFFF)
    }

    /// True when `self` and `other` share the network part under `mask`.
    public func sameSubnet(as other: IPv4Address, mask: IPv4Address) -> Bool {
        value & mask.value == other.value & mask.value
    }

    /// Number of leading one bits of a netmask (`255.255.255.0` is 24).
    public var prefixLength: Int { value.leadingZeroBitCount == 0 ? (~value).leadingZeroBitCount : 0 }

    public static func < (a: IPv4Address, b: IPv4Address) -> Bool { a.value < b.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let a = IPv4Address(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an IPv4 address"))
        }
        self = a
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
