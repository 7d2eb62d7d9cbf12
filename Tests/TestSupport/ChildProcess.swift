import Foundation
import Synchronization

/// A program a test keeps running beside it (a server, a watcher), started through `Spawn`
/// with its output in files. Stopped by `stop(_:)`, or at the latest when released (with
/// `releaseSignal`), and always waited for: no test leaves a process behind.
public final class ChildProcess: Sendable {
    /// The process id.
    public let pid: pid_t
    /// The file that collects its standard output.
    public let stdoutFile: String
    /// The file that collects its standard error.
    public let stderrFile: String

    private let dir: Scratch
    private let releaseSignal: Int32
    private let exitStatus = Mutex<Int32?>(nil)

    /// Starts `program args…` (a path, or a name looked up in `$PATH`); `environment` replaces
    /// the test process's when given. Throws when it cannot start.
    public init(_ program: String, _ args: [String], environment: [String: String]? = nil, releaseSignal: Int32 = SIGTERM) throws {
        dir = Scratch("child")
        stdoutFile = dir.file("out")
        stderrFile = dir.file("err")
        self.releaseSignal = releaseSignal
        guard let pid = Spawn.start(program, args, environment: environment, stdout: stdoutFile, stderr: stderrFile) else {
            throw TestFailure("cannot start \(program)")
        }
        self.pid = pid
    }

    /// What it has written to standard output so far.
    public var output: String { (try? String(contentsOfFile: stdoutFile, encoding: .utf8)) ?? "" }

    /// What it has written to standard error so far.
    public var errorOutput: String { (try? String(contentsOfFile: stderrFile, encoding: .utf8)) ?? "" }

    /// Its exit status (or 128 + signal) once it has ended by itself or been stopped; nil while it runs.
    public var exited: Int32? {
        exitStatus.withLock { status in
            if status == nil { status = Spawn.exited(pid) }
            return status
        }
    }

    /// Sends `signal` unless it has already ended, and waits for it; its exit status, or 128 +
    /// the signal that ended it. Later calls return the same status.
    @discardableResult
    public func stop(_ signal: Int32 = SIGTERM) -> Int32 {
        exitStatus.withLock { status in
            if let status { return status }
            if let ended = Spawn.exited(pid) {
                status = ended
                return ended
            }
            kill(pid, signal)
            let s = Spawn.wait(pid)
            status = s
            return s
        }
    }

    deinit { stop(releaseSignal) }
}
