import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `<database>.download-<job>.lock`, held while a job runs (or is being
/// cancelled), so the TUI and a CLI `--resume` or `jobs --cancel` never work on the same job at
/// once. The kernel drops it when the process dies (kill -9 included). The holder writes its
/// process id into the file, so a refused process can name it. A job that ends done or cancelled
/// removes its lock file while still holding it (`release(removingFile:)`); whoever locked the
/// file just before it was removed sees that it no longer has that name and tries again, so two
/// processes never both hold a job's lock.
final class JobLock: Sendable {
    private let fd: Int32
    private let path: String
    private let held = Mutex(true)

    /// nil when another process holds the lock; throws `DownloadError.lockFileFailed` when the
    /// lock file cannot be opened at all (that is not "running elsewhere").
    init?(databasePath: String, jobID: Int64) throws(DownloadError) {
        let path = Self.path(databasePath, jobID)
        guard let fd = try Self.lock(path, create: true) else { return nil }
        self.fd = fd
        self.path = path
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    /// Opens and locks `path` (without waiting); the descriptor, or nil when another holds it.
    /// Retries when the file it locked was removed (or replaced) in the meantime.
    private static func lock(_ path: String, create: Bool) throws(DownloadError) -> Int32? {
        while true {
            // never through a link planted there
            let fd = open(path, O_RDWR | (create ? O_CREAT : 0) | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw DownloadError.lockFileFailed(path: path, errno: errno) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                close(fd)
                return nil
            }
            var mine = stat(), named = stat()
            if fstat(fd, &mine) == 0, lstat(path, &named) == 0, mine.st_dev == named.st_dev, mine.st_ino == named.st_ino {
                return fd
            }
            // its holder removed it as the job ended: the file at that name (if any) is the lock now
            _ = flock(fd, LOCK_UN)
            close(fd)
            if !create { return nil }
        }
    }

    /// Gives the lock back now (a job that ended must be resumable at once, even while the last
    /// references to its runner are still being dropped on other threads). Safe to call twice.
    /// - Parameter removingFile: delete the lock file first, while still holding it (a job that
    ///   ended done or cancelled never runs again: its lock file would only pile up).
    func release(removingFile: Bool = false) {
        let wasHeld = held.withLock { h -> Bool in
            defer { h = false }
            return h
        }
        guard wasHeld else { return }
        if removingFile { _ = unlink(path) }
        _ = flock(fd, LOCK_UN)
        close(fd)
    }

    deinit { release() }

    /// Whether another holder has job `jobID`'s lock now (a run in another process, or in this
    /// one). Takes the lock for an instant when it is free, so call it only under
    /// `StartLock` (the lock every start takes), where no other start can want it.
    static func isHeld(databasePath: String, jobID: Int64) -> Bool {
        guard let fd = try? lock(path(databasePath, jobID), create: false) else {
            // held, or no lock file (never run since its last end): only the first means running
            var st = stat()
            return lstat(path(databasePath, jobID), &st) == 0
        }
        _ = flock(fd, LOCK_UN)
        close(fd)
        return false
    }

    /// The process id the current holder wrote (nil when unreadable, or not written yet).
    static func holder(databasePath: String, jobID: Int64) -> Int32? {
        guard let text = try? String(contentsOfFile: path(databasePath, jobID), encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func path(_ databasePath: String, _ jobID: Int64) -> String { databasePath + ".download-\(jobID).lock" }
}

/// An exclusive `flock` on `<database>.download.lock`, held for the moment a job is started (its
/// own lock taken and the other unfinished jobs looked at), so two processes starting jobs of the
/// same camera at once decide one after the other. Waits for the other start (a short wait: no
/// network, a few database reads).
final class StartLock {
    private let fd: Int32

    init(databasePath: String) throws(DownloadError) {
        let path = databasePath + ".download.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DownloadError.lockFileFailed(path: path, errno: errno) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let e = errno
                close(fd)
                throw DownloadError.lockFileFailed(path: path, errno: e)
            }
        }
        self.fd = fd
    }

    deinit {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }
}
