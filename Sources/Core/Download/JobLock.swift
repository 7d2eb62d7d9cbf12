import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `<database>.download-<job>.lock`, held while a job runs, so the TUI and
/// a CLI `--resume` never run the same job at once. The kernel drops it when the process dies
/// (kill -9 included).
final class JobLock: Sendable {
    private let fd: Int32

    /// nil when another process holds the lock.
    init?(databasePath: String, jobID: Int64) {
        let path = databasePath + ".download-\(jobID).lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
    }

    deinit {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }
}
