import Common

/// Every sentence and label the terminal app shows, in Vietnamese and English.
public enum UIText {
    private static func L(_ vi: String, _ en: String) -> Localized { Localized(vi: vi, en: en) }

    // MARK: Why a key does nothing now
    static let needTestFirst = L("Hãy kiểm tra một nguồn trước: danh sách camera hiện ra sau khi kiểm tra thành công.",
                                 "Test a source first: the camera list fills after a successful test.")
    static let needSaveFirst = L("Hãy lưu lựa chọn camera trước (phím s ở màn hình Camera).",
                                 "Save the camera selection first (s on the Cameras screen).")
    static let saveRunning = L("Đang lưu; hãy đợi kết quả.", "Saving; wait for the result.")
    static let noDownloadsYet = L("Chưa có lượt tải nào: hãy chọn ngày rồi nhấn d.", "No download yet: choose the dates, then press d.")
    static let testRunning = L("Đang kiểm tra kết nối; hãy đợi kết quả.", "A connection test is running; wait for its result.")
    static let tickFirst = L("Hãy chọn ít nhất một camera bằng phím Space trước.", "Tick at least one camera with Space first.")
    static let noCameraShown = L("Không có camera nào khớp bộ lọc; nhấn / rồi Esc để bỏ lọc.", "No camera matches the filter; press / then Esc to clear it.")
    static let needRange = L("Hãy đánh dấu ngày đầu và ngày cuối (Enter), hoặc chọn mẫu (T, y, w, c).",
                             "Mark a first and a last day (Enter), or pick a preset (T, y, w, c).")
    static let downloadNotRunning = L("Lượt tải này đã kết thúc.", "This download has already ended.")
    static let alreadyFirstScreen = L("Đây là màn hình đầu; nhấn q để thoát.", "This is the first screen; press q to quit.")
    static let noSavedSources = L("Chưa có nguồn nào được lưu; nhấn a để thêm.", "No source is saved yet; press a to add one.")
    static let noFoundDevices = L("Chưa tìm thấy thiết bị nào trên mạng; nhấn r để tìm lại hoặc a để nhập địa chỉ.",
                                  "No device found on the network yet; press r to search again or a to type an address.")

    // MARK: Form
    static let needAddress = L("Hãy nhập địa chỉ của camera hoặc đầu ghi (IP hoặc tên máy).", "Type the camera's or NVR's address (IP or host name).")
    static let badPort = L("Cổng phải là số từ 1 đến 65535 (ONVIF thường dùng 80, 8000 hoặc 8080).",
                           "The port must be a number from 1 to 65535 (ONVIF often uses 80, 8000 or 8080).")
    static func testing(host: String, port: Int) -> Localized {
        L("Đang kết nối tới \(host):\(port)…", "Connecting to \(host):\(port)…")
    }
    static func connected(_ device: String, _ count: Int) -> Localized {
        L("Đã kết nối \(device): tìm thấy \(count) camera.", "Connected to \(device): \(count) camera\(count == 1 ? "" : "s") found.")
    }
    static let savedPasswordPlaceholder = L("(dùng mật khẩu đã lưu)", "(saved password)")
    static let formHint = L("Nhập thông tin rồi nhấn Enter trên nút, hoặc Ctrl-T ở bất kỳ ô nào.",
                            "Fill in the fields, then Enter on the button, or Ctrl-T from any field.")

    // MARK: Cameras
    static func saving(_ count: Int, _ source: String) -> Localized {
        L("Đang lưu \(source) với \(count) camera và kiểm tra thư mục…", "Saving \(source) with \(count) camera\(count == 1 ? "" : "s") and checking folders…")
    }
    static func saved(_ count: Int, _ root: String) -> Localized {
        L("Đã lưu: \(count) thư mục sẵn sàng trong \(root).", "Saved: \(count) folder\(count == 1 ? "" : "s") ready under \(root).")
    }
    static let folderProblems = L("Chưa lưu: có thư mục không dùng được; xem chi tiết bên dưới.", "Not saved: some folders cannot be used; see the details below.")

    // MARK: Dates and downloads
    static let badTimes = L("Giờ phải có dạng HH:MM, ví dụ 08:30.", "Times are HH:MM, for example 08:30.")
    static let endBeforeStart = L("Thời điểm kết thúc phải sau thời điểm bắt đầu.", "The end must come after the start.")
    static func downloadStarted(_ n: Int, _ from: String, _ to: String) -> Localized {
        L("Bắt đầu tải \(n) camera, \(from) → \(to).", "Downloading \(n) camera\(n == 1 ? "" : "s"), \(from) → \(to).")
    }
    static func cameraDone(_ name: String, _ files: Int) -> Localized {
        L("\(name): xong, \(files) tệp.", "\(name): done, \(files) file\(files == 1 ? "" : "s").")
    }
    static func cameraProblem(_ name: String, _ reason: Localized) -> Localized {
        L("\(name): \(reason.vi)", "\(name): \(reason.en)")
    }
    static func cancelledOne(_ name: String) -> Localized { L("Đã huỷ tải \(name).", "Cancelled the download of \(name).") }
    static let cancelledAll = L("Đã huỷ mọi lượt tải.", "Cancelled every download.")
    static let quitWhileDownloading = L("Thoát khi đang tải: lần sau mở VTrack sẽ tải tiếp.", "Quit while downloading: they resume the next time VTrack opens.")

    // MARK: Discovery
    static func deviceFound(_ name: String, _ host: String) -> Localized { L("Tìm thấy \(name) (\(host)).", "Found \(name) (\(host)).") }
    static func deviceGone(_ name: String) -> Localized { L("\(name) đã rời mạng.", "\(name) left the network.") }
    static func sweepDone(_ n: Int) -> Localized {
        L("Dò mạng xong: \(n) thiết bị.", "Network search done: \(n) device\(n == 1 ? "" : "s").")
    }
}
