import Common
import Foundation
import Glibc

/// A TCP connection on a plain POSIX socket: non-blocking, every wait a poll() with a timeout
/// that also watches a `CancelSignal`. Blocking from the caller's point of view; meant for one
/// background thread.
final class TCPSocket {
    enum WaitResult { case ready, timeout, cancelled }

    private(set) var fd: Int32 = -1
    let cancel: CancelSignal?
    let host: String
    let port: Int

    /// Connects within `timeout` seconds. Throws hostNotFound, connectionRefused, connectTimeout.
    init(host: String, port: Int, timeout: Double, cancel: CancelSignal?) throws {
        self.host = host
        self.port = port
        self.cancel = cancel
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0, let first = list else { throw StreamingError.hostNotFound(host: host) }
        defer { freeaddrinfo(list) }
        var refused = false
        var timedOut = false
        var ai: UnsafeMutablePointer<addrinfo>? = first
        let deadline = MonotonicClock.now() + timeout
        while let a = ai {
            ai = a.pointee.ai_next
            let s = socket(a.pointee.ai_family, a.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), a.pointee.ai_protocol)
            if s < 0 { continue }
            var one: Int32 = 1
            setsockopt(s, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            var rcvbuf: Int32 = 4 * 1024 * 1024
            setsockopt(s, SOL_SOCKET, SO_RCVBUF, &rcvbuf, socklen_t(MemoryLayout<Int32>.size))
            if Glibc.connect(s, a.pointee.ai_addr, a.pointee.ai_addrlen) == 0 { fd = s; return }
            if errno != EINPROGRESS { refused = refused || errno == ECONNREFUSED; Glibc.close(s); continue }
            fd = s
            let w = wait(events: Int16(POLLOUT), timeout: max(0, deadline - MonotonicClock.now()))
            fd = -1
            switch w {
            case .cancelled:
                Glibc.close(s)
                throw StreamingError.connectTimeout(host: host, port: port, seconds: 0)
            case .timeout:
                timedOut = true
                Glibc.close(s)
                continue
            case .ready:
                var err: Int32 = 0
                var len = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len)
                if err == 0 { fd = s; return }
                refused = refused || err == ECONNREFUSED
                Glibc.close(s)
            }
        }
        if timedOut { throw StreamingError.connectTimeout(host: host, port: port, seconds: timeout) }
        if refused { throw StreamingError.connectionRefused(host: host, port: port) }
        throw StreamingError.connectTimeout(host: host, port: port, seconds: timeout)
    }

    deinit { close() }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Waits for `events` on the socket, the cancel signal, or the timeout.
    func wait(events: Int16, timeout: Double) -> WaitResult {
        var fds = [pollfd(fd: fd, events: events, revents: 0)]
        if let c = cancel, c.fd >= 0 { fds.append(pollfd(fd: c.fd, events: Int16(POLLIN), revents: 0)) }
        let ms = Int32(max(0, min(timeout, 3600)) * 1000)
        while true {
            let n = poll(&fds, nfds_t(fds.count), ms)
            if n < 0 && errno == EINTR { continue }
            if fds.count > 1 && fds[1].revents != 0 { return .cancelled }
            if n == 0 { return .timeout }
            return .ready
        }
    }

    /// Sends everything (waiting while the send buffer is full). False when the peer is gone.
    func send(_ bytes: [UInt8], timeout: Double) -> Bool {
        var sent = 0
        let deadline = MonotonicClock.now() + timeout
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n > 0 { sent += n; continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                let left = deadline - MonotonicClock.now()
                if left <= 0 { return false }
                if wait(events: Int16(POLLOUT), timeout: left) != .ready { return false }
                continue
            }
            return false
        }
        return true
    }

    /// Reads what is available into `buffer`; 0 at end of stream, -1 when nothing is there yet.
    func receive(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let n = recv(fd, buffer.baseAddress, buffer.count, 0)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return -1 }
            return 0  // reset: treat as closed
        }
    }
}
