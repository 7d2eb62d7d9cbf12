import Foundation
import Common
#if canImport(Glibc)
import Glibc
#endif

/// Whether a camera's RTSP stream answers: a TCP connection to the URI's host and port and
/// an RTSP `OPTIONS` request (no credentials needed). Any RTSP status line counts as
/// reachable (a 401 still proves a live RTSP server).
public enum StreamCheck {
    /// Blocks up to about `timeout` seconds.
    public static func isReachable(_ uri: String, timeout: Double = 3) -> Bool {
        guard let url = URLComponents(string: uri), let host = url.host, !host.isEmpty else { return false }
        let port = url.port ?? 554
        guard let fd = connect(host: host, port: port, timeout: timeout) else { return false }
        defer { close(fd) }
        var clean = url
        clean.user = nil
        clean.password = nil
        let request = "OPTIONS \(clean.string ?? uri) RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: VTrack\r\n\r\n"
        let sent = request.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        guard sent > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64)
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let n = recv(fd, &buffer, buffer.count, 0)
        guard n >= 8 else { return false }
        return String(decoding: buffer[0..<n], as: UTF8.self).hasPrefix("RTSP/1.")
    }

    /// A connected TCP socket, or nil (refused, unreachable, timed out).
    static func connect(host: String, port: Int, timeout: Double) -> Int32? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(list) }
        var ai: UnsafeMutablePointer<addrinfo>? = first
        while let a = ai {
            ai = a.pointee.ai_next
            let fd = socket(a.pointee.ai_family, a.pointee.ai_socktype, a.pointee.ai_protocol)
            if fd < 0 { continue }
            let flags = fcntl(fd, F_GETFL, 0)
            _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
            let r = Glibc.connect(fd, a.pointee.ai_addr, a.pointee.ai_addrlen)
            if r == 0 || errno == EINPROGRESS {
                var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                if poll(&pfd, 1, Int32(timeout * 1000)) == 1 {
                    var err: Int32 = 0
                    var len = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)
                    if err == 0 {
                        _ = fcntl(fd, F_SETFL, flags)
                        return fd
                    }
                }
            }
            close(fd)
        }
        return nil
    }
}
