import Foundation
import Glibc
import Synchronization

/// A one-shot stop switch that another thread flips, and that a blocked thread sees at once:
/// it is also a pipe, readable once cancelled, so a `poll()` waiting for a socket (RTSP session,
/// WS-Discovery listener or responder) or for time to pass (`Backoff.wait`) wakes immediately.
/// The one wake/cancel primitive of the code base.
public final class CancelSignal: Sendable {
    private let state = Mutex<Bool>(false)
    /// The pipe's read end (readable once cancelled; -1 when no pipe could be made, see `isUsable`).
    public let fd: Int32
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

    /// False when the system gave no pipe (out of file descriptors): `fd` cannot be polled, but
    /// `cancel()`, `isCancelled` and `wait(seconds:)` still work (the wait then checks the flag
    /// every 50 ms).
    public var isUsable: Bool { fd >= 0 }

    /// Flips the switch and wakes every waiter. Safe from any thread, idempotent.
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

    /// Waits `seconds` unless cancelled first. True when cancelled (before or during the wait).
    @discardableResult
    public func wait(seconds: Double) -> Bool {
        Self.wait(seconds: seconds, on: self)
    }

    /// Waits `seconds`, or less when `signal` (if any) is cancelled first: a poll() on its pipe
    /// with a timeout. True when cancelled.
    public static func wait(seconds: Double, on signal: CancelSignal?) -> Bool {
        let deadline = ProcessInfo.processInfo.systemUptime + max(0, seconds)
        while true {
            if signal?.isCancelled == true { return true }
            let left = deadline - ProcessInfo.processInfo.systemUptime
            if left <= 0 { return false }
            var ms = Int32(min(left, 3600) * 1000)
            if left > 0 && ms == 0 { ms = 1 }
            if let s = signal, s.fd >= 0 {
                var p = pollfd(fd: s.fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&p, 1, ms)
            } else {
                _ = poll(nil, 0, signal == nil ? ms : min(ms, 50))
            }
        }
    }
}
