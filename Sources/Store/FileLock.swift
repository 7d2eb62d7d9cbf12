import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a 0600 file, held until `unlock()` or process exit.
/// Held while a ``Repository`` opens (WAL switch, migrations, adoption of a prototype database),
/// where SQLite can report "locked" without waiting; SQLite's own locking covers everything else.
struct FileLock {
    private let fd: Int32

    init(path: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)  // never through a link planted there
        guard fd >= 0 else { throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw StoreError.cannotCreate(path: path, reason: reason)
            }
        }
    }

    func unlock() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
