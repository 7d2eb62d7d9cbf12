import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `<database>.download-<job>.lock`, held while a job runs (or is being
/// cancelled), so the TUI and a CLI `--resume` or `jobs --cancel` never work on the same job at
/// once. The kernel drops it when the process dies (kill -9 included). The holder writes its
/// process id into the file, so a refused process can name it.
final class JobLock: Sendable {
    private let fd: Int32
    private let held = Mutex(true)

    /// nil when another process holds the lock; throws `DownloadError.lockFileFailed` when the
    /// lock file cannot be opened at all (that is not "running elsewhere").
    init?(databasePath: String, jobID: Int64) throws(DownloadError) {
        let path = Self.path(databasePath, jobID)
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)  // never through a link planted there
        guard fd >= 0 else { throw DownloadError.lockFileFailed(path: path, errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    /// Gives the lock back now (a job that ended must be resumable at once, even while the last
    /// references to its runner are still being dropped on other threads). Safe to call twice.
    func release() {
        let wasHeld = held.withLock { h -> Bool in
            defer { h = false }
            return h
        }
        guard wasHeld else { return }
        _ = flock(fd, LOCK_UN)
        close(fd)
    }

    deinit { release() }

    /// The process id the current holder wrote (nil when unreadable, or not written yet).
    static func holder(databasePath: String, jobID: Int64) -> Int32? {
        guard let text = try? String(contentsOfFile: path(databasePath, jobID), encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func path(_ databasePath: String, _ jobID: Int64) -> String { databasePath + ".download-\(jobID).lock" }
}
