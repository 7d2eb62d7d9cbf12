import Common
import Foundation
import Store
import Streaming

/// What can stop a download, as one sentence in Vietnamese and English that names what to check.
public enum DownloadError: UserFacingError, Equatable {
    /// `--from` is not before `--to`.
    case emptyRange
    /// The range starts in the future.
    case rangeInFuture
    /// No camera to download: none named and none selected on the source.
    case noCameras(source: String)
    /// A camera folder cannot be used (read-only, not a folder, no space…): the job was not made.
    case foldersUnusable(source: String, problem: Localized, more: Int)
    /// Names that match no camera of the source.
    case unknownCameras([String], known: [String])
    /// `--max-file-size-mb` or `--parallel` out of bounds.
    case invalidOption(name: String, value: Int)
    /// No job with this id.
    case jobNotFound(Int64)
    /// `--resume` of a job that is already done or cancelled.
    case jobFinished(Int64, state: String)
    /// `--resume` without a job id, and there is none unfinished.
    case nothingToResume
    /// The job is already running in this process.
    case jobRunning(Int64)
    /// The device has no Profile G (no services or 551) and no vendor playback address is known.
    case noRecordingsOverONVIF(device: String)
    /// The device sent footage from another time than asked (it ignored `Range`).
    case rangeIgnored(asked: Date, got: Date)
    /// The camera's folder is gone (deleted, or its disk unmounted).
    case folderMissing(String)
    /// The camera's folder was replaced during the run (by a symbolic link or another folder).
    case folderReplaced(String)
    /// The disk holding the camera's folder is full.
    case diskFull(String)
    /// The folder (or its disk) is read-only, or not writable for this user.
    case notWritable(String)
    /// Another write error.
    case writeFailed(String, errno: Int32)
    /// A file or symbolic link VTrack did not make sits where it writes (a `.part`, a final
    /// name): it is neither followed nor replaced.
    case fileInTheWay(String)
    /// The device kept failing; the last error's sentence follows.
    case gaveUp(attempts: Int, last: Localized)
    /// The source has no saved record of this camera any more.
    case cameraGone(String)
    /// The device answered 457 (Invalid Range): it has no footage where we asked.
    case noFootage
    /// Cancelling a job that is already done or cancelled.
    case nothingToCancel(Int64, state: String)
    /// The job runs in another process (`vtrack download` or the TUI), whose id is known or not.
    case jobRunningElsewhere(Int64, pid: Int32?)
    /// Cancelling a job whose unfinished file cannot be finished (read-only folder, full disk).
    case cancelBlocked(Int64, folder: String)
    /// A camera of a job that has already ended (done, failed or cancelled) cannot be cancelled.
    case cameraFinished(String, jobID: Int64, state: String)
    /// A run ended but its summary could not be read back from the database (why, in a sentence).
    case summaryUnavailable(Int64, Localized)
    /// Another job runs now (here or in another process: `pid` when known) and downloads this
    /// camera of the same source over an overlapping range.
    case overlapsRunningJob(Int64, camera: String, pid: Int32?)
    /// An older unfinished job, stopped (paused, failed, killed), already
    /// covers this camera of the same source over an overlapping range: continue that one.
    case overlapsStoppedJob(Int64, camera: String, state: String)
    /// A job of the other kind runs now and fetches this camera of the same source, whatever its
    /// range: a sync and a manual download never fetch one camera at once. `bySync`: the running
    /// job is the sync's (a manual download is refused); else a manual one (the sync waits).
    case cameraFetchedElsewhere(Int64, camera: String, pid: Int32?, bySync: Bool)
    /// The job's lock file next to the database cannot be opened (so no one can tell whether
    /// another process runs the job).
    case lockFileFailed(path: String, errno: Int32)

    /// A stored state (`done`, `cancelled`) as people read it in each language.
    private static func stateWord(_ raw: String) -> Localized {
        DownloadState(rawValue: raw)?.label ?? Localized(vi: raw, en: raw)
    }

    public var message: Localized {
        switch self {
        case .emptyRange:
            return Localized(vi: "Thời điểm bắt đầu phải trước thời điểm kết thúc: hãy kiểm tra --from và --to.",
                             en: "The start must be before the end: check --from and --to.")
        case .rangeInFuture:
            return Localized(vi: "Khoảng thời gian nằm hoàn toàn trong tương lai nên chưa có bản ghi: hãy chọn thời điểm đã qua.",
                             en: "The whole range lies in the future, so nothing is recorded yet: choose times in the past.")
        case .noCameras(let s):
            return Localized(vi: "Nguồn \"\(s)\" chưa chọn camera nào: hãy dùng --cameras hoặc `vtrack sources select \(s) --cameras …`.",
                             en: "Source \"\(s)\" has no cameras selected: use --cameras or `vtrack sources select \(s) --cameras …`.")
        case .foldersUnusable(let source, let problem, let more):
            return Localized(vi: "Chưa bắt đầu tải từ nguồn \"\(source)\": \(problem.vi)" + (more > 0 ? " (và \(more) lỗi khác)" : ""),
                             en: "The download from source \"\(source)\" was not started: \(problem.en)" + (more > 0 ? " (and \(more) more problems)" : ""))
        case .unknownCameras(let names, let known):
            return Localized(vi: "Không có camera \(names.map { "\"\($0)\"" }.joined(separator: ", ")) trong nguồn này: hãy chọn trong \(known.joined(separator: ", ")).",
                             en: "No camera \(names.map { "\"\($0)\"" }.joined(separator: ", ")) in this source: choose among \(known.joined(separator: ", ")).")
        case .invalidOption(let name, let value):
            return Localized(vi: "Giá trị \(value) của --\(name) không hợp lệ: hãy dùng một số dương hợp lý.",
                             en: "\(value) is not a valid --\(name): use a sensible positive number.")
        case .jobNotFound(let id):
            return Localized(vi: "Không có lượt tải số \(id): xem danh sách bằng `vtrack jobs`.",
                             en: "There is no download job \(id): see the list with `vtrack jobs`.")
        case .jobFinished(let id, let state):
            return Localized(vi: "Lượt tải \(id) đã kết thúc (\(Self.stateWord(state).vi)): không còn gì để tiếp tục; hãy bắt đầu lượt mới bằng `vtrack download`.",
                             en: "Download job \(id) is already \(Self.stateWord(state).en): nothing to resume; start a new one with `vtrack download`.")
        case .nothingToResume:
            return Localized(vi: "Không có lượt tải nào dở dang để tiếp tục: xem danh sách bằng `vtrack jobs`.",
                             en: "No unfinished download job to resume: see the list with `vtrack jobs`.")
        case .jobRunning(let id):
            return Localized(vi: "Lượt tải \(id) đang chạy rồi.", en: "Download job \(id) is already running.")
        case .noRecordingsOverONVIF(let device):
            return Localized(vi: "Thiết bị \(device) không cung cấp bản ghi qua ONVIF (không có Profile G) và không có đường dẫn phát lại của hãng: hãy bật ONVIF Profile G trên đầu ghi hoặc đặt mẫu URL phát lại cho nguồn (playback_url_template).",
                             en: "The device \(device) offers no recordings over ONVIF (no Profile G) and no vendor playback address is known: enable ONVIF Profile G on the recorder or set a playback URL template on the source (playback_url_template).")
        case .rangeIgnored(let asked, let got):
            return Localized(vi: "Thiết bị gửi video lúc \(UTC.iso(got)) thay vì từ \(UTC.iso(asked)) như đã yêu cầu (có thể là luồng trực tiếp): hãy kiểm tra thiết bị có hỗ trợ phát lại ONVIF và đồng hồ của thiết bị.",
                             en: "The device sent video from \(UTC.iso(got)) instead of \(UTC.iso(asked)) as asked (perhaps the live stream): check that the device supports ONVIF replay and its clock.")
        case .folderMissing(let f):
            return Localized(vi: "Thư mục \"\(f)\" không còn tồn tại (bị xóa hoặc ổ đĩa đã bị tháo): hãy tạo lại hoặc gắn lại ổ đĩa, rồi tiếp tục tải.",
                             en: "The folder \"\(f)\" no longer exists (deleted, or its disk unmounted): create it again or remount the disk, then resume the download.")
        case .folderReplaced(let f):
            return Localized(vi: "Thư mục \"\(f)\" đã bị thay thế trong lúc tải (bằng một liên kết tượng trưng hoặc thư mục khác) nên không ghi thêm vào đó: hãy đặt lại đúng thư mục (`vtrack paths check`), rồi tiếp tục tải; các tệp đã tải vẫn còn nguyên.",
                             en: "The folder \"\(f)\" was replaced during the download (by a symbolic link or another folder), so nothing more is written there: put the right folder back (`vtrack paths check`), then resume the download; the files already downloaded are intact.")
        case .diskFull(let f):
            return Localized(vi: "Ổ đĩa chứa \"\(f)\" đã đầy: hãy giải phóng dung lượng, rồi tiếp tục tải; các tệp đã tải vẫn còn nguyên.",
                             en: "The disk holding \"\(f)\" is full: free some space, then resume the download; the files already downloaded are intact.")
        case .notWritable(let f):
            return Localized(vi: "Không ghi được vào thư mục \"\(f)\" (chỉ đọc hoặc không có quyền): hãy sửa quyền ghi, rồi tiếp tục tải.",
                             en: "Cannot write to the folder \"\(f)\" (read-only or no permission): make it writable, then resume the download.")
        case .writeFailed(let f, let e):
            return Localized(vi: "Lỗi ghi tệp trong \"\(f)\" (lỗi hệ thống \(e)): hãy kiểm tra ổ đĩa, rồi tiếp tục tải.",
                             en: "Writing in \"\(f)\" failed (system error \(e)): check the disk, then resume the download.")
        case .overlapsRunningJob(let id, let camera, let pid):
            let who = pid.map { " (PID \($0))" } ?? ""
            return Localized(vi: "Lượt tải \(id) đang tải camera \(camera) trong một khoảng thời gian trùng với lượt này\(who): hãy đợi nó xong, hoặc dừng nó (Ctrl-C) rồi tiếp tục bằng `vtrack download --resume \(id)`, thay vì tải trùng.",
                             en: "Download job \(id) is already downloading \(camera) over an overlapping time range\(who): wait for it to finish, or stop it (Ctrl-C) and continue it with `vtrack download --resume \(id)`, instead of downloading the same footage twice.")
        case .overlapsStoppedJob(let id, let camera, let state):
            return Localized(vi: "Lượt tải \(id) (\(Self.stateWord(state).vi)) chưa xong và đã gồm camera \(camera) trong một khoảng thời gian trùng với lượt này: hãy tiếp tục nó bằng `vtrack download --resume \(id)` (hoặc huỷ nó bằng `vtrack jobs --cancel \(id)`) thay vì tải trùng.",
                             en: "Download job \(id) (\(Self.stateWord(state).en)) is unfinished and already covers \(camera) over an overlapping time range: continue it with `vtrack download --resume \(id)` (or cancel it with `vtrack jobs --cancel \(id)`) instead of downloading the same footage twice.")
        case .cameraFetchedElsewhere(let id, let camera, let pid, let bySync):
            let who = pid.map { ", PID \($0)" } ?? ""
            if bySync {
                return Localized(vi: "Camera \(camera) đang được đồng bộ tự động tải (lượt tải \(id)\(who)): hãy tải tay camera này sau khi lượt đó xong, hoặc dừng đồng bộ trước (Ctrl-C, hoặc systemctl stop vtrack-sync).",
                                 en: "Camera \(camera) is being fetched by the sync (job \(id)\(who)): download it by hand once that job ends, or stop the sync first (Ctrl-C, or systemctl stop vtrack-sync).")
            }
            return Localized(vi: "Lượt tải \(id) đang tải camera \(camera)\(who): đồng bộ sẽ tải camera này ở lượt sau, khi lượt tải đó xong.",
                             en: "Download job \(id) is downloading \(camera) now\(who): the sync fetches this camera on a later pass, once that job ends.")
        case .fileInTheWay(let path):
            return Localized(vi: "Đã có sẵn \"\(path)\" (một tệp hoặc liên kết tượng trưng không do VTrack tạo) nên không ghi vào đó: hãy chuyển nó đi chỗ khác, rồi tiếp tục tải; các tệp đã tải vẫn còn nguyên.",
                             en: "\"\(path)\" is already there (a file or symbolic link VTrack did not make), so nothing is written through it: move it away, then resume the download; the files already downloaded are intact.")
        case .lockFileFailed(let path, let e):
            return Localized(vi: "Không mở được tệp khoá \"\(path)\" cạnh cơ sở dữ liệu (lỗi hệ thống \(e)): hãy kiểm tra thư mục của cơ sở dữ liệu còn ghi được và đường dẫn đó không phải là thư mục, rồi thử lại.",
                             en: "Cannot open the lock file \"\(path)\" next to the database (system error \(e)): check that the database's folder is writable and that this path is not a folder, then try again.")
        case .gaveUp(let n, let last):
            return Localized(vi: "Đã thử lại \(n) lần mà không được: \(last.vi)", en: "Gave up after \(n) attempts: \(last.en)")
        case .cameraGone(let c):
            return Localized(vi: "Nguồn không còn camera \"\(c)\": hãy kiểm tra lại nguồn (vtrack sources test).",
                             en: "The source no longer has camera \"\(c)\": test the source again (vtrack sources test).")
        case .noFootage:
            return Localized(vi: "Đầu ghi báo không có đoạn ghi nào trong khoảng đã chọn (457): hãy chọn khoảng khác hoặc kiểm tra lịch ghi của camera.",
                             en: "The recorder says it has no footage in the chosen range (457): pick another range or check the camera's recording schedule.")
        case .nothingToCancel(let id, let state):
            return Localized(vi: "Lượt tải \(id) đã kết thúc (\(Self.stateWord(state).vi)): không còn gì để huỷ; các tệp đã tải vẫn được giữ nguyên.",
                             en: "Download job \(id) is already \(Self.stateWord(state).en): there is nothing to cancel; the files it downloaded stay as they are.")
        case .jobRunningElsewhere(let id, let pid):
            let who = pid.map { " (PID \($0))" } ?? ""
            return Localized(vi: "Lượt tải \(id) đang chạy trong một tiến trình vtrack khác\(who), `vtrack download` hoặc giao diện TUI: hãy dừng nó ở đó trước (Ctrl-C trong `vtrack download`, hoặc huỷ ở màn hình Tải về của TUI), rồi huỷ lại.",
                             en: "Download job \(id) is running in another vtrack process\(who), a `vtrack download` or the TUI: stop it there first (Ctrl-C in `vtrack download`, or cancel it on the TUI's Downloads screen), then cancel again.")
        case .cameraFinished(let camera, let id, let state):
            return Localized(vi: "Camera \(camera) của lượt tải \(id) đã kết thúc (\(Self.stateWord(state).vi)): không còn gì để huỷ; các tệp đã tải vẫn được giữ nguyên.",
                             en: "\(camera) in download job \(id) is already \(Self.stateWord(state).en): there is nothing to cancel; the files it downloaded stay as they are.")
        case .summaryUnavailable(let id, let why):
            return Localized(vi: "Lượt tải \(id) đã dừng nhưng không đọc lại được bản tổng kết từ cơ sở dữ liệu (\(why.vi)); các tệp đã tải vẫn nằm trong thư mục của các camera: hãy xem `vtrack jobs`.",
                             en: "Download job \(id) stopped but its summary could not be read back from the database (\(why.en)); the files it downloaded are in the cameras' folders: see `vtrack jobs`.")
        case .cancelBlocked(let id, let folder):
            return Localized(vi: "Chưa huỷ lượt tải \(id): không hoàn tất được tệp đang tải dở trong \"\(folder)\" (thư mục chỉ đọc hoặc ổ đĩa đầy): hãy sửa thư mục, rồi huỷ lại.",
                             en: "Download job \(id) was not cancelled: an unfinished file in \"\(folder)\" cannot be finished (read-only folder or full disk): fix the folder, then cancel again.")
        }
    }

    /// The storage problem behind a write error (errno), for the camera's folder.
    static func storage(_ errno: Int32, folder: String, path: String? = nil) -> DownloadError {
        switch errno {
        case EEXIST, ELOOP: return .fileInTheWay(path ?? folder)
        case ENOSPC, EDQUOT: return .diskFull(folder)
        case ENOENT, ENOTDIR: return .folderMissing(folder)
        case EROFS, EACCES, EPERM: return .notWritable(folder)
        default: return .writeFailed(folder, errno: errno)
        }
    }
}
