import Foundation
import Glibc

/// SIGINT, SIGTERM and SIGHUP during `vtrack ptz move`, caught by a plain signal handler that
/// writes the signal's number to a pipe, and answered on a thread of its own (stop the camera,
/// then end the command). Unlike a Dispatch signal source, nothing is ever lost: the handler is
/// in place when `install` returns (libdispatch registers its sources later, on another thread,
/// and a signal that comes in between is ignored — a camera would be left moving).
enum StopSignals {
    /// The pipe's write end, for the handler (set once, before any handler is installed).
    nonisolated(unsafe) private static var writeEnd: Int32 = -1

    /// From now on, each of `signals` calls `handler` with its number on a dedicated thread
    /// (once: the handler is expected to end the process).
    static func install(_ signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        writeEnd = fds[1]
        let readEnd = fds[0]
        let thread = Thread {
            var sig: Int32 = 0
            while true {
                let n = read(readEnd, &sig, MemoryLayout<Int32>.size)
                if n == MemoryLayout<Int32>.size { break }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
            }
            handler(sig)
        }
        thread.start()
        for s in signals {
            _ = signal(s) { sig in
                var number = sig
                _ = write(StopSignals.writeEnd, &number, MemoryLayout<Int32>.size)
            }
        }
    }
}
