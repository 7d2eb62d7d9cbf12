import CShims
import Foundation
import Glibc

/// A file written with plain POSIX calls: gathered writes, positioned patches, fsync, rename.
/// Every failure becomes `StreamingError.fileWrite` with the errno (disk full, read-only…).
struct FileOutput {
    let path: String
    private(set) var fd: Int32
    private(set) var offset: Int64 = 0

    /// Creates `path` with mode 0644. Never opens what is already there: an existing file, or a
    /// symbolic link (which could lead out of the folder), fails with EEXIST — nothing is
    /// truncated or written through a link.
    init(creating path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 { throw StreamingError.fileWrite(path: path, errno: errno) }
    }

    /// Writes all of `chunks` at the end of the file.
    mutating func write(_ chunks: [UnsafeRawBufferPointer]) throws {
        var iov = [iovec]()
        iov.reserveCapacity(min(chunks.count, 512))
        var i = 0
        while i < chunks.count {
            iov.removeAll(keepingCapacity: true)
            var total = 0
            while i < chunks.count && iov.count < 512 {
                let c = chunks[i]
                if c.count > 0 {
                    iov.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: c.baseAddress), iov_len: c.count))
                    total += c.count
                }
                i += 1
            }
            try writeVector(&iov, total: total)
        }
    }

    private mutating func writeVector(_ iov: inout [iovec], total: Int) throws {
        var remaining = total
        var first = 0
        while remaining > 0 {
            let n = iov.withUnsafeBufferPointer { p in
                writev(fd, p.baseAddress! + first, Int32(p.count - first))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw StreamingError.fileWrite(path: path, errno: errno)
            }
            offset += Int64(n)
            remaining -= n
            var done = n
            while done > 0 && first < iov.count {
                if done >= iov[first].iov_len {
                    done -= iov[first].iov_len
                    first += 1
                } else {
                    iov[first].iov_base += done
                    iov[first].iov_len -= done
                    done = 0
                }
            }
        }
    }

    /// Writes the arrays one after another without copying them (gathered writes, 64 at a time).
    mutating func write(arrays: [[UInt8]]) throws {
        var start = 0
        var pointers: [UnsafeRawBufferPointer] = []
        pointers.reserveCapacity(64)
        while start < arrays.count {
            let end = min(start + 64, arrays.count)
            pointers.removeAll(keepingCapacity: true)
            try pin(arrays, start, end, &pointers)
            start = end
        }
    }

    /// Keeps arrays `i..<end` pinned (nested `withUnsafeBytes`) while their bytes are written.
    private mutating func pin(_ arrays: [[UInt8]], _ i: Int, _ end: Int, _ pointers: inout [UnsafeRawBufferPointer]) throws {
        if i == end { try write(pointers); return }
        try arrays[i].withUnsafeBytes { b in
            pointers.append(b)
            try pin(arrays, i + 1, end, &pointers)
        }
    }

    mutating func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write([$0]) }
    }

    /// Overwrites bytes at `at` without moving the end.
    func patch(_ bytes: [UInt8], at: Int64) throws {
        let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(at)) }
        if n != bytes.count { throw StreamingError.fileWrite(path: path, errno: n < 0 ? errno : EIO) }
    }

    func sync() throws {
        if fsync(fd) != 0 { throw StreamingError.fileWrite(path: path, errno: errno) }
    }

    mutating func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Renames `from` to `to` and fsyncs the folder so the rename survives a power cut. Never
    /// replaces anything at `to` (a file, or a symbolic link planted there): EEXIST instead.
    static func rename(_ from: String, _ to: String) throws {
        if vtrack_rename_noreplace(from, to) != 0 { throw StreamingError.fileWrite(path: to, errno: errno) }
        let dir = (to as NSString).deletingLastPathComponent
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); Glibc.close(dfd) }
    }
}
