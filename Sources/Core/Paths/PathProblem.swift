import Common

/// One thing wrong (or worth knowing) about a folder, as a sentence in Vietnamese and English.
public struct PathProblem: UserFacingError, Equatable, Codable {
    /// How much it matters: an `error` stops a save; a `warning` does not; a `notice` only informs.
    public enum Severity: String, Sendable, Codable { case error, warning, notice }

    /// What went wrong.
    public enum Kind: String, Sendable, Codable {
        case cannotCreate = "cannot_create"
        case notADirectory = "not_a_directory"
        case notWritable = "not_writable"
        case readOnly = "read_only"
        case escapesRoot = "escapes_root"
        case diskFull = "disk_full"
        case lowSpace = "low_space"
        case renamed
    }

    public var kind: Kind
    public var severity: Severity
    /// The camera key it concerns; nil for the video root or the source folder.
    public var camera: String?
    /// The folder concerned.
    public var path: String
    public var message: Localized

    public init(kind: Kind, severity: Severity = .error, camera: String?, path: String, message: Localized) {
        self.kind = kind; self.severity = severity; self.camera = camera; self.path = path; self.message = message
    }

    static func cannotCreate(_ path: String, camera: String?, reason: String) -> PathProblem {
        PathProblem(kind: .cannotCreate, camera: camera, path: path,
                    message: Localized(vi: "Không tạo được thư mục \(path) (\(reason)): kiểm tra thư mục gốc video và quyền ghi.",
                                       en: "Cannot create the folder \(path) (\(reason)): check the video root and its write permission."))
    }

    static func notADirectory(_ path: String, camera: String?) -> PathProblem {
        PathProblem(kind: .notADirectory, camera: camera, path: path,
                    message: Localized(vi: "\(path) đã có nhưng không phải thư mục: đổi tên hoặc xóa tệp đó.",
                                       en: "\(path) exists but is not a folder: rename or remove that file."))
    }

    static func notWritable(_ path: String, camera: String?, reason: String) -> PathProblem {
        PathProblem(kind: .notWritable, camera: camera, path: path,
                    message: Localized(vi: "Không ghi được vào thư mục \(path) (\(reason)): kiểm tra quyền ghi của thư mục.",
                                       en: "Cannot write into the folder \(path) (\(reason)): check the folder's write permission."))
    }

    static func readOnly(_ path: String, camera: String?) -> PathProblem {
        PathProblem(kind: .readOnly, camera: camera, path: path,
                    message: Localized(vi: "Thư mục \(path) nằm trên ổ chỉ đọc: gắn lại ổ đĩa ở chế độ ghi hoặc chọn thư mục gốc video khác.",
                                       en: "The folder \(path) is on a read-only file system: remount the disk read-write or choose another video root."))
    }

    static func escapesRoot(_ path: String, resolved: String, root: String, camera: String?) -> PathProblem {
        PathProblem(kind: .escapesRoot, camera: camera, path: path,
                    message: Localized(vi: "Thư mục \(path) trỏ ra ngoài thư mục gốc video \(root) (tới \(resolved)): xóa liên kết tượng trưng đó.",
                                       en: "The folder \(path) points outside the video root \(root) (to \(resolved)): remove that symbolic link."))
    }

    static func diskFull(_ path: String, camera: String?) -> PathProblem {
        PathProblem(kind: .diskFull, camera: camera, path: path,
                    message: Localized(vi: "Ổ đĩa chứa \(path) đã đầy: giải phóng dung lượng hoặc chọn thư mục gốc video khác.",
                                       en: "The disk holding \(path) is full: free some space or choose another video root."))
    }

    static func lowSpace(_ path: String, gb: Double, minimum: Double) -> PathProblem {
        let g = PathValidation.format(gb)
        return PathProblem(kind: .lowSpace, severity: .warning, camera: nil, path: path,
                           message: Localized(vi: "Ổ đĩa chứa \(path) chỉ còn \(g) GB trống (dưới \(PathValidation.format(minimum)) GB): giải phóng dung lượng trước khi tải video.",
                                              en: "The disk holding \(path) has only \(g) GB free (under \(PathValidation.format(minimum)) GB): free some space before downloading."))
    }

    static func renamed(_ name: String, folder: String, camera: String?) -> PathProblem {
        PathProblem(kind: .renamed, severity: .notice, camera: camera, path: folder,
                    message: Localized(vi: "Tên \"\(Self.printable(name))\" không dùng được làm tên thư mục: dùng \"\(folder)\".",
                                       en: "The name \"\(Self.printable(name))\" is not a safe folder name: using \"\(folder)\"."))
    }

    static func printable(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.properties.generalCategory == .control { out += "\\u{\(String(u.value, radix: 16))}" } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    enum CodingKeys: String, CodingKey { case kind, severity, camera, path, message }
}
