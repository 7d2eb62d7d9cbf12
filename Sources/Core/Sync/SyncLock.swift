import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `<database>.sync.lock`, held for as long as a sync process runs (the
/// loop, or one `--once` pass), so two syncs of the same database never run at once. The holder
/// writes its process id into the file, so the one refused can name it. The kernel drops the lock
/// when the process dies (kill -9 included); the file stays, harmless.
public final class SyncLock: Sendable {
    private let fd: Int32
    /// The lock file.
    public let path: String

    /// Takes the lock, or throws `SyncError.alreadyRunning` naming the holder.
    public init(databasePath: String) throws(SyncError) {
        let path = Self.path(databasePath)
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SyncError.lockFileFailed(path: path, errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw SyncError.alreadyRunning(pid: Self.holder(databasePath: databasePath), lockFile: path)
        }
        self.fd = fd
        self.path = path
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    deinit {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }

    /// The process id of the sync running now on this database, or nil when none runs.
    public static func runningPID(databasePath: String) -> Int32? {
        let fd = open(path(databasePath), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // a shared lock is refused while the sync holds its exclusive one
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            _ = flock(fd, LOCK_UN)
            return nil
        }
        return holder(databasePath: databasePath) ?? -1
    }

    static func holder(databasePath: String) -> Int32? {
        guard let text = try? String(contentsOfFile: path(databasePath), encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func path(_ databasePath: String) -> String { databasePath + ".sync.lock" }
}
