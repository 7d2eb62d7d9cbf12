import Common
import Core
import Foundation

/// Where `vtrack snapshot` saves pictures: one JPEG per camera in the output folder, named
/// after the camera with the folder-name rules (no `/`, no control characters, no leading dots,
/// at most 120 bytes, distinct even on file systems that ignore case), `.jpg` added. A file is
/// created only where nothing is: when the name is taken (a file, a folder or a link, even a
/// dangling one) `_2`, `_3`, … are tried; nothing is ever replaced, and nothing is written
/// outside the folder.
struct SnapshotFiles {
    let folder: String
    /// Safe names for the cameras, in order (no extension).
    let names: [String]

    init(folder: String, cameras: [String]) {
        self.folder = folder
        names = FolderName.assign(cameras, fallback: "camera", maxBytes: FolderName.maxBytes)
    }

    /// Makes the folder when it is missing. Throws a sentence when it is a file or cannot be made.
    static func prepare(_ folder: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) {
            if !isDir.boolValue {
                throw PlainError(vi: "“\(folder)” là một tệp, không phải thư mục: hãy cho -o một thư mục.",
                                 en: "“\(folder)” is a file, not a folder: give -o a folder.")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw PlainError(vi: "Không tạo được thư mục “\(folder)”: hãy kiểm tra đường dẫn và quyền ghi.",
                             en: "Could not create the folder “\(folder)”: check the path and the permissions.")
        }
    }

    /// Writes `bytes` as camera `index`'s picture; returns the path written.
    func write(_ bytes: [UInt8], index: Int) throws -> String {
        let stem = names[index]
        var n = 1
        while true {
            let name = n == 1 ? "\(stem).jpg" : "\(stem)_\(n).jpg"
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            // O_EXCL: never an existing file; with O_NOFOLLOW it also refuses a link in the way
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST || errno == ELOOP || errno == EISDIR, n < 1000 { n += 1; continue }
                throw Self.writeError(path, errno)
            }
            var written = 0
            let failure: Int32? = bytes.withUnsafeBytes { raw -> Int32? in
                while written < raw.count {
                    let w = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                    if w < 0 { if errno == EINTR { continue }; return errno }
                    written += w
                }
                return nil
            }
            let closed = close(fd)
            if let failure {
                unlink(path)
                throw Self.writeError(path, failure)
            }
            if closed != 0 { unlink(path); throw Self.writeError(path, errno) }
            return path
        }
    }

    static func writeError(_ path: String, _ e: Int32) -> PlainError {
        let why: Localized
        switch e {
        case ENOSPC: why = Localized(vi: "ổ đĩa đã đầy", en: "the disk is full")
        case EACCES, EPERM: why = Localized(vi: "không có quyền ghi", en: "permission denied")
        case EROFS: why = Localized(vi: "ổ đĩa chỉ đọc", en: "the file system is read-only")
        default: why = Localized(vi: "lỗi hệ thống \(e)", en: "system error \(e)")
        }
        return PlainError(vi: "Không ghi được “\(path)” (\(why.vi)): hãy kiểm tra dung lượng trống và quyền ghi của thư mục.",
                          en: "Could not write “\(path)” (\(why.en)): check the free space and that the folder is writable.")
    }
}
