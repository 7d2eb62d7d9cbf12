import Glibc

/// A non-blocking IPv4 UDP socket over plain POSIX calls, with the multicast options
/// WS-Discovery needs. Owned by one thread at a time (not Sendable); closed on deinit.
/// Public because the simulator's WS-Discovery responder uses it too. All stored state is
/// immutable and the kernel serialises calls on one descriptor, so it may be shared between threads.
public final class UDPSocket: Sendable {
    /// The file descriptor, for `poll`.
    public let fd: Int32
    /// True when opened with `packetInfo`: every `receive()` reports interface and destination.
    public let packetInfo: Bool

    /// One received datagram.
    public struct Datagram: Sendable {
        public var bytes: [UInt8]
        public var source: IPv4Address
        public var sourcePort: UInt16
        /// Index of the interface it arrived on (only with `enablePacketInfo`).
        public var interfaceIndex: Int32?
        /// The address it was sent to (only with `enablePacketInfo`): our unicast address or the group.
        public var destination: IPv4Address?
    }

    /// Opens an IPv4 UDP socket (close-on-exec, non-blocking). With `packetInfo`, IP_PKTINFO is
    /// turned on and every `receive()` reports the arrival interface and destination address.
    public init(packetInfo: Bool = false) throws(DiscoveryError) {
        let s = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard s >= 0 else { throw .socketFailed(operation: "socket", reason: Self.lastError()) }
        if packetInfo {
            var v: Int32 = 1
            if setsockopt(s, Int32(IPPROTO_IP), IP_PKTINFO, &v, socklen_t(MemoryLayout<Int32>.size)) != 0 {
                let reason = Self.lastError()
                close(s)
                throw .socketFailed(operation: "IP_PKTINFO", reason: reason)
            }
        }
        fd = s
        self.packetInfo = packetInfo
    }

    deinit { close(fd) }

    /// `strerror(errno)`.
    public static func lastError() -> String { String(cString: strerror(errno)) }

    private func setInt(_ level: Int32, _ name: Int32, _ value: Int32, _ what: String) throws(DiscoveryError) {
        var v = value
        if setsockopt(fd, level, name, &v, socklen_t(MemoryLayout<Int32>.size)) != 0 {
            throw .socketFailed(operation: what, reason: Self.lastError())
        }
    }

    /// SO_REUSEADDR, so several listeners (and responders) can share port 3702.
    public func setReuseAddress() throws(DiscoveryError) {
        try setInt(SOL_SOCKET, SO_REUSEADDR, 1, "SO_REUSEADDR")
    }

    /// Asks for a receive buffer of `bytes` (SO_RCVBUFFORCE when privileged, else SO_RCVBUF),
    /// so a burst of answers from many devices at once is not dropped. Best effort.
    public func setReceiveBuffer(_ bytes: Int32) {
        var v = bytes
        if setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &v, socklen_t(MemoryLayout<Int32>.size)) != 0 {
            _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &v, socklen_t(MemoryLayout<Int32>.size))
        }
    }

    /// Binds to `address:port` (port 0 picks a free port).
    public func bind(_ address: IPv4Address, port: UInt16) throws(DiscoveryError) {
        var sa = Self.makeAddress(address, port)
        let r = withUnsafePointer(to: &sa) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if r != 0 {
            if errno == EADDRINUSE { throw .portBusy(port: Int(port)) }
            throw .socketFailed(operation: "bind \(address):\(port)", reason: Self.lastError())
        }
    }

    /// The local port after `bind` (or after the first send).
    public var localPort: UInt16 {
        var sa = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let r = withUnsafeMutablePointer(to: &sa) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return r == 0 ? UInt16(bigEndian: sa.sin_port) : 0
    }

    /// Sends multicast through this interface only (IP_MULTICAST_IF by index and address).
    public func setMulticastInterface(_ iface: NetworkInterface) throws(DiscoveryError) {
        var m = ip_mreqn()
        m.imr_address = iface.address.inAddr
        m.imr_ifindex = iface.index
        if setsockopt(fd, Int32(IPPROTO_IP), IP_MULTICAST_IF, &m, socklen_t(MemoryLayout<ip_mreqn>.size)) != 0 {
            throw .socketFailed(operation: "IP_MULTICAST_IF \(iface.name)", reason: Self.lastError())
        }
    }

    /// IP_MULTICAST_LOOP: on, so a device (or simulator) on this same machine hears our probes.
    public func setMulticastLoop(_ on: Bool) throws(DiscoveryError) {
        try setInt(Int32(IPPROTO_IP), IP_MULTICAST_LOOP, on ? 1 : 0, "IP_MULTICAST_LOOP")
    }

    /// IP_MULTICAST_TTL, clamped to 1...4 (WS-Discovery is link-local; a few hops help with VLAN routers).
    public func setMulticastTTL(_ ttl: Int) throws(DiscoveryError) {
        try setInt(Int32(IPPROTO_IP), IP_MULTICAST_TTL, Int32(min(4, max(1, ttl))), "IP_MULTICAST_TTL")
    }

    /// Joins `group` on `iface` (IP_ADD_MEMBERSHIP).
    public func join(group: IPv4Address, on iface: NetworkInterface) throws(DiscoveryError) {
        var m = ip_mreqn()
        m.imr_multiaddr = group.inAddr
        m.imr_address = iface.address.inAddr
        m.imr_ifindex = iface.index
        if setsockopt(fd, Int32(IPPROTO_IP), IP_ADD_MEMBERSHIP, &m, socklen_t(MemoryLayout<ip_mreqn>.size)) != 0 {
            throw .socketFailed(operation: "IP_ADD_MEMBERSHIP \(iface.name)", reason: Self.lastError())
        }
    }

    /// Linux IP_MULTICAST_ALL off: receive only groups this socket joined itself.
    public func receiveOnlyJoinedGroups() {
        var v: Int32 = 0
        _ = setsockopt(fd, Int32(IPPROTO_IP), IP_MULTICAST_ALL, &v, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sends one datagram; returns nil on success or the system's reason on failure.
    @discardableResult
    public func send(_ bytes: [UInt8], to address: IPv4Address, port: UInt16) -> String? {
        var sa = Self.makeAddress(address, port)
        let n = bytes.withUnsafeBytes { buf in
            withUnsafePointer(to: &sa) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, buf.baseAddress, buf.count, Int32(MSG_NOSIGNAL), $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        return n == bytes.count ? nil : Self.lastError()
    }

    /// Receives one datagram without blocking; nil when none is waiting (or on error).
    public func receive(maxSize: Int = 65_536) -> Datagram? {
        var buffer = [UInt8](repeating: 0, count: maxSize)
        var from = sockaddr_in()
        // room for one in_pktinfo control message (and some slack)
        var control = [UInt8](repeating: 0, count: 128)
        var ifindex: Int32?
        var destination: IPv4Address?
        let n: Int = buffer.withUnsafeMutableBytes { buf in
            control.withUnsafeMutableBytes { ctl in
                withUnsafeMutablePointer(to: &from) { fromPtr in
                    var iov = iovec(iov_base: buf.baseAddress, iov_len: buf.count)
                    return withUnsafeMutablePointer(to: &iov) { iovPtr in
                        var msg = msghdr()
                        msg.msg_name = UnsafeMutableRawPointer(fromPtr)
                        msg.msg_namelen = socklen_t(MemoryLayout<sockaddr_in>.size)
                        msg.msg_iov = iovPtr
                        msg.msg_iovlen = 1
                        if packetInfo {
                            msg.msg_control = ctl.baseAddress
                            msg.msg_controllen = ctl.count
                        }
                        let r = recvmsg(fd, &msg, Int32(MSG_DONTWAIT))
                        if r >= 0, packetInfo {
                            (ifindex, destination) = Self.readPacketInfo(in: UnsafeRawBufferPointer(start: ctl.baseAddress, count: Int(msg.msg_controllen)))
                        }
                        return r
                    }
                }
            }
        }
        guard n >= 0 else { return nil }
        return Datagram(bytes: Array(buffer[0..<n]), source: IPv4Address(from.sin_addr),
                        sourcePort: UInt16(bigEndian: from.sin_port), interfaceIndex: ifindex, destination: destination)
    }

    /// Walks the control messages (the CMSG_* macros are not importable) for IP_PKTINFO.
    private static func readPacketInfo(in control: UnsafeRawBufferPointer) -> (Int32?, IPv4Address?) {
        let headerSize = MemoryLayout<cmsghdr>.size
        let align = MemoryLayout<Int>.size
        func aligned(_ n: Int) -> Int { (n + align - 1) & ~(align - 1) }
        var offset = 0
        while offset + headerSize <= control.count {
            let header = control.loadUnaligned(fromByteOffset: offset, as: cmsghdr.self)
            let length = Int(header.cmsg_len)
            guard length >= headerSize, offset + length <= control.count else { break }
            if header.cmsg_level == Int32(IPPROTO_IP), header.cmsg_type == IP_PKTINFO,
               length - aligned(headerSize) >= MemoryLayout<in_pktinfo>.size {
                let info = control.loadUnaligned(fromByteOffset: offset + aligned(headerSize), as: in_pktinfo.self)
                return (info.ipi_ifindex, IPv4Address(info.ipi_addr))
            }
            offset += aligned(length)
        }
        return (nil, nil)
    }

    static func makeAddress(_ address: IPv4Address, _ port: UInt16) -> sockaddr_in {
        var sa = sockaddr_in()
        sa.sin_family = sa_family_t(AF_INET)
        sa.sin_port = port.bigEndian
        sa.sin_addr = address.inAddr
        return sa
    }

    /// Waits until some of `fds` are readable or `timeoutMs` passes (-1: forever).
    /// Returns the readable flags, one per fd (all false on timeout).
    public static func waitReadable(_ fds: [Int32], timeoutMs: Int32) -> [Bool] {
        var pfds = fds.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let r = pfds.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), timeoutMs) }
        guard r > 0 else { return Array(repeating: false, count: fds.count) }
        return pfds.map { $0.revents & Int16(POLLIN | POLLERR | POLLHUP) != 0 }
    }

    /// Resolves `host` (name or dotted quad) to its first IPv4 address.
    public static func resolveIPv4(_ host: String) -> IPv4Address? {
        if let a = IPv4Address(host) { return a }
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        var res: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &res) == 0, let first = res else { return nil }
        defer { freeaddrinfo(res) }
        var cur: UnsafeMutablePointer<addrinfo>? = first
        while let ai = cur {
            if ai.pointee.ai_family == AF_INET, let sa = ai.pointee.ai_addr {
                return sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { IPv4Address($0.pointee.sin_addr) }
            }
            cur = ai.pointee.ai_next
        }
        return nil
    }

    /// The local address the kernel would use to reach `remote` (a connected UDP socket's name).
    public static func localAddress(toward remote: IPv4Address, port: UInt16) -> IPv4Address? {
        let s = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard s >= 0 else { return nil }
        defer { close(s) }
        var sa = makeAddress(remote, port == 0 ? 3702 : port)
        let r = withUnsafePointer(to: &sa) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard r == 0 else { return nil }
        var local = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let g = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) }
        }
        return g == 0 ? IPv4Address(local.sin_addr) : nil
    }
}
