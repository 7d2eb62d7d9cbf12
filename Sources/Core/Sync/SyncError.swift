import Common
import Foundation

/// What can stop a sync, as one sentence in Vietnamese and English that names what to check.
public enum SyncError: UserFacingError, Equatable {
    /// Another sync process holds the sync lock (its process id when it wrote one).
    case alreadyRunning(pid: Int32?, lockFile: String)
    /// The sync lock file cannot be opened.
    case lockFileFailed(path: String, errno: Int32)
    /// Names that match no saved source.
    case unknownSources([String])
    /// No saved source has a ticked camera (or none of the named ones).
    case nothingToSync
    /// An option out of bounds (`--interval`, `--lag`, `--since`, `--min-free`, `--max-days`).
    case invalidOption(name: String, value: String)
    /// A camera waits for another job that downloads it (a manual download, or an older
    /// stopped job); the engine's sentence follows.
    case cameraBusy(String, Localized)
    /// The systemd unit cannot be written.
    case serviceFileFailed(path: String, errno: Int32)

    public var message: Localized {
        switch self {
        case let .alreadyRunning(pid, lock):
            let who = pid.map { "process \($0)" } ?? "another process"
            let whoVI = pid.map { "tiến trình \($0)" } ?? "một tiến trình khác"
            return Localized(
                vi: "Đồng bộ đang chạy ở \(whoVI) (khoá \(lock)): dừng nó trước (kill -TERM \(pid.map(String.init) ?? "PID")), hoặc xem trạng thái bằng vtrack sync --status.",
                en: "A sync is already running in \(who) (lock \(lock)): stop it first (kill -TERM \(pid.map(String.init) ?? "PID")), or look at it with vtrack sync --status.")
        case let .lockFileFailed(path, e):
            let why = String(cString: strerror(e))
            return Localized(vi: "Không mở được tệp khoá đồng bộ \(path) (\(why)): hãy kiểm tra quyền ghi vào thư mục của cơ sở dữ liệu.",
                             en: "Cannot open the sync lock file \(path) (\(why)): check that the database's folder is writable.")
        case .unknownSources(let names):
            let list = names.joined(separator: ", ")
            return Localized(vi: "Không có nguồn đã lưu tên \(list): xem danh sách bằng vtrack sources list.",
                             en: "No saved source is named \(list): see vtrack sources list.")
        case .nothingToSync:
            return Localized(vi: "Không có camera nào được chọn để đồng bộ: hãy chọn camera bằng vtrack sources select (hoặc trong ứng dụng).",
                             en: "No camera is ticked for sync: tick cameras with vtrack sources select (or in the terminal app).")
        case let .invalidOption(name, value):
            return Localized(vi: "Giá trị \(value) của --\(name) không dùng được: hãy xem vtrack sync --help.",
                             en: "--\(name) \(value) cannot be used: see vtrack sync --help.")
        case let .cameraBusy(camera, why):
            return Localized(vi: "Camera \(camera) chờ lượt sau: \(why.vi)", en: "Camera \(camera) waits for the next pass: \(why.en)")
        case let .serviceFileFailed(path, e):
            let why = String(cString: strerror(e))
            return Localized(vi: "Không ghi được tệp dịch vụ \(path) (\(why)): hãy kiểm tra quyền ghi (dùng --user cho dịch vụ của người dùng).",
                             en: "Cannot write the service file \(path) (\(why)): check that it is writable (use --user for a user service).")
        }
    }

    public var isBadInput: Bool {
        switch self {
        case .unknownSources, .invalidOption: return true
        default: return false
        }
    }
}
