import Foundation

/// Whether this machine has an IPv6 loopback (`::1`); containers often run without one.
public enum IPv6Loopback {
    /// True when a TCP socket can be bound to `[::1]:0`; tried once per test process.
    public static let available: Bool = {
        let fd = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_in6()
        addr.sin6_family = sa_family_t(AF_INET6)
        addr.sin6_addr = in6addr_loopback
        addr.sin6_port = 0
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        } == 0
    }()

    /// Why the tests that need it are skipped when `available` is false.
    public static let unavailableReason = "this machine has no IPv6 loopback (::1)"
}
