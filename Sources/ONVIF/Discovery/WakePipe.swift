import Glibc

/// A pipe that wakes a thread blocked in `poll` (used by `stop()` of listeners and responders).
public final class WakePipe: Sendable {
    /// Poll this fd for readability.
    public let readFD: Int32
    private let writeFD: Int32

    public init() throws(DiscoveryError) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw .socketFailed(operation: "pipe", reason: UDPSocket.lastError())
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit { close(readFD); close(writeFD) }

    /// Makes `readFD` readable.
    public func wake() {
        var b: UInt8 = 1
        _ = write(writeFD, &b, 1)
    }
}
