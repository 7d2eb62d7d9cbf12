import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates VTrack's private folders (0700) and files (0600). Only folders this code creates
/// are given 0700, so a `--db /tmp/x.db` never changes the mode of `/tmp`.
enum SecureFiles {
    /// Creates `path` and any missing parents with mode 0700.
    /// - Parameter tighten: also set 0700 on `path` when it already exists (VTrack's own folder).
    static func makeDirectory(_ path: String, tighten: Bool) throws {
        var missing: [String] = []
        var p = path
        while !p.isEmpty, p != "/", !exists(p) {
            missing.append(p)
            p = (p as NSString).deletingLastPathComponent
        }
        for dir in missing.reversed() {
            if mkdir(dir, 0o700) != 0, errno != EEXIST {
                throw StoreError.cannotCreate(path: dir, reason: String(cString: strerror(errno)))
            }
        }
        if tighten || !missing.isEmpty {
            _ = chmod(path, 0o700)
        }
    }

    /// Creates `path` with mode 0600 when missing, and sets 0600 when it exists with another mode.
    static func makePrivateFile(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, st.st_mode & 0o777 != 0o600 {
            _ = fchmod(fd, 0o600)
        }
    }

    /// What a database path holds before anything touches it.
    enum DatabaseFileState: Equatable {
        /// Nothing there: a new database may be created.
        case absent
        /// A regular file that is empty or starts with the SQLite header.
        case database
    }

    /// Checks a database path without changing anything: it must be absent, or a regular file
    /// (a symbolic link to one is fine) that is empty or starts with SQLite's 16-byte header.
    /// A folder, a device, a FIFO or any other file is refused — before its mode is changed or a
    /// lock, journal or WAL file is created next to it.
    static func checkDatabaseFile(_ path: String) throws -> DatabaseFileState {
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .absent }  // creating it says what is wrong
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw StoreError.databaseIsFolder(path: path)
        default: throw StoreError.notADatabase(path: path)
        }
        if st.st_size == 0 { return .database }
        // O_NONBLOCK: never wait on a file that turned into a FIFO since the stat.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        let n = read(fd, &header, 16)
        guard n == 16, header == Array("SQLite format 3\0".utf8) else { throw StoreError.notADatabase(path: path) }
        return .database
    }

    /// Sets 0600 on a file when it exists (SQLite's `-wal` and `-shm` companions).
    static func tightenIfPresent(_ path: String) {
        var st = stat()
        if stat(path, &st) == 0, st.st_mode & 0o777 != 0o600 {
            _ = chmod(path, 0o600)
        }
    }

    /// Permission bits of a path, or nil when it does not exist.
    static func mode(_ path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o777 : nil
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }
}
