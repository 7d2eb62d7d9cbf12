import Foundation
import Glibc
import Synchronization

/// A flag that another thread sets to stop a blocking session at once: it is also a pipe
/// that the session's poll() watches, so a read waiting for data wakes up immediately.
public final class CancelSignal: Sendable {
    private let state = Mutex<Bool>(false)
    /// The pipe's read end (readable once cancelled).
    let fd: Int32
    private let writeFD: Int32

    public init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for f in fds { _ = fcntl(f, F_SETFD, FD_CLOEXEC); _ = fcntl(f, F_SETFL, O_NONBLOCK) }
        }
        fd = fds[0]
        writeFD = fds[1]
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
        if writeFD >= 0 { Glibc.close(writeFD) }
    }

    /// Asks the session to stop (it still sends TEARDOWN). Safe from any thread, idempotent.
    public func cancel() {
        let first = state.withLock { was -> Bool in
            defer { was = true }
            return !was
        }
        if first, writeFD >= 0 {
            var b: UInt8 = 1
            _ = Glibc.write(writeFD, &b, 1)
        }
    }

    public var isCancelled: Bool { state.withLock { $0 } }
}
