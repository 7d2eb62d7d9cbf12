import Glibc
import Common

/// One IPv4 address of a network interface, as `getifaddrs(3)` reports it.
/// An interface with two IPv4 addresses appears twice (once per address).
public struct NetworkInterface: Sendable, Hashable, CustomStringConvertible {
    /// Kernel name, e.g. `eth0`.
    public var name: String
    /// Kernel index (`if_nametoindex`), used for IP_MULTICAST_IF and IPv6 scope ids.
    public var index: Int32
    public var address: IPv4Address
    public var netmask: IPv4Address
    public var isUp: Bool
    public var isLoopback: Bool
    public var supportsMulticast: Bool

    public init(name: String, index: Int32, address: IPv4Address, netmask: IPv4Address,
                isUp: Bool = true, isLoopback: Bool = false, supportsMulticast: Bool = true) {
        self.name = name; self.index = index; self.address = address; self.netmask = netmask
        self.isUp = isUp; self.isLoopback = isLoopback; self.supportsMulticast = supportsMulticast
    }

    /// `eth0 192.168.1.10/24`
    public var description: String { "\(name) \(address)/\(netmask.prefixLength)" }

    /// True when `other` is on this interface's subnet.
    public func contains(_ other: IPv4Address) -> Bool { address.sameSubnet(as: other, mask: netmask) }

    /// Why this interface cannot carry a discovery probe, or nil when it can.
    public var unusableReason: UnusableReason? {
        if !isUp { return .down }
        if !supportsMulticast { return .noMulticast }
        return nil
    }

    /// Why an interface is left out of a sweep.
    public enum UnusableReason: Sendable, Equatable {
        case down, noMulticast, noIPv4

        public var message: Localized {
            switch self {
            case .down: Localized(vi: "đang tắt (down)", en: "it is down")
            case .noMulticast: Localized(vi: "không bật multicast", en: "multicast is off on it")
            case .noIPv4: Localized(vi: "không có địa chỉ IPv4", en: "it has no IPv4 address")
            }
        }
    }

    /// Every IPv4 address of every interface, in kernel order. Empty if `getifaddrs` fails.
    public static func all() -> [NetworkInterface] {
        var head: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&head) == 0, let first = head else { return [] }
        defer { freeifaddrs(head) }
        var out: [NetworkInterface] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let ifa = cursor {
            defer { cursor = ifa.pointee.ifa_next }
            guard let sa = ifa.pointee.ifa_addr, sa.pointee.sa_family == sa_family_t(AF_INET),
                  let namePtr = ifa.pointee.ifa_name else { continue }
            let name = String(cString: namePtr)
            let address = sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { IPv4Address($0.pointee.sin_addr) }
            var mask = IPv4Address(0xFFFF_FF00)
            if let m = ifa.pointee.ifa_netmask {
                mask = m.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { IPv4Address($0.pointee.sin_addr) }
            }
            let flags = Int(ifa.pointee.ifa_flags)
            out.append(NetworkInterface(
                name: name, index: Int32(bitPattern: if_nametoindex(namePtr)), address: address, netmask: mask,
                isUp: flags & Int(IFF_UP) != 0, isLoopback: flags & Int(IFF_LOOPBACK) != 0,
                supportsMulticast: flags & Int(IFF_MULTICAST) != 0))
        }
        return out
    }

    /// Names of every interface, IPv4 or not (to tell "no such interface" from "no IPv4 on it").
    public static func allNames() -> [String] {
        var head: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&head) == 0 else { return [] }
        defer { freeifaddrs(head) }
        var names: [String] = []
        var cursor = head
        while let ifa = cursor {
            if let n = ifa.pointee.ifa_name {
                let s = String(cString: n)
                if !names.contains(s) { names.append(s) }
            }
            cursor = ifa.pointee.ifa_next
        }
        return names
    }

    /// The interfaces a sweep uses: up, multicast-capable IPv4 addresses, optionally only those named.
    /// - Throws: `DiscoveryError.unknownInterface` for a name that does not exist,
    ///   `.interfaceNotUsable` for a named interface that is down, has no IPv4 or no multicast,
    ///   and `.noUsableInterface` when nothing is left and no name was given.
    public static func usable(named names: [String] = [], from list: [NetworkInterface] = all(),
                              allNames: [String]? = nil) throws(DiscoveryError) -> [NetworkInterface] {
        if names.isEmpty {
            let ok = list.filter { $0.unusableReason == nil }
            if ok.isEmpty { throw .noUsableInterface(seen: list.map(\.name)) }
            return ok
        }
        var out: [NetworkInterface] = []
        let known = allNames ?? (list.map(\.name) + Self.allNames())
        for name in names {
            let matches = list.filter { $0.name == name }
            if matches.isEmpty {
                if known.contains(name) { throw .interfaceNotUsable(name: name, reason: .noIPv4) }
                throw .unknownInterface(name: name, available: uniqueNames(list.map(\.name)))
            }
            let ok = matches.filter { $0.unusableReason == nil }
            if ok.isEmpty, let reason = matches.first?.unusableReason {
                throw .interfaceNotUsable(name: name, reason: reason)
            }
            for i in ok where !out.contains(i) { out.append(i) }
        }
        return out
    }

    private static func uniqueNames(_ names: [String]) -> [String] {
        var seen: [String] = []
        for n in names where !seen.contains(n) { seen.append(n) }
        return seen
    }
}
