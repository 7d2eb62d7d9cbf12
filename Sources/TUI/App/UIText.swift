import Common

/// Every sentence and label the terminal app shows, in Vietnamese and English.
public enum UIText {
    // MARK: Why a key does nothing now
    static let needTestFirst = Localized(vi: "Hãy kiểm tra một nguồn trước: danh sách camera hiện ra sau khi kiểm tra thành công.",
                                         en: "Test a source first: the camera list fills after a successful test.")
    static let needSaveFirst = Localized(vi: "Hãy lưu lựa chọn camera trước (phím s ở màn hình Camera).",
                                         en: "Save the camera selection first (s on the Cameras screen).")
    static let saveRunning = Localized(vi: "Đang lưu; hãy đợi kết quả.", en: "Saving; wait for the result.")
    static let noDownloadsYet = Localized(vi: "Chưa có lượt tải nào: hãy chọn ngày rồi nhấn d.", en: "No download yet: choose the dates, then press d.")
    static let testRunning = Localized(vi: "Đang kiểm tra kết nối; hãy đợi kết quả.", en: "A connection test is running; wait for its result.")
    static let tickFirst = Localized(vi: "Hãy chọn ít nhất một camera bằng phím Space trước.", en: "Tick at least one camera with Space first.")
    static let noCameraShown = Localized(vi: "Không có camera nào khớp bộ lọc; nhấn / rồi Esc để bỏ lọc.", en: "No camera matches the filter; press / then Esc to clear it.")
    static let needRange = Localized(vi: "Hãy đánh dấu ngày đầu và ngày cuối (Enter), hoặc chọn mẫu (T, y, w, c).",
                                     en: "Mark a first and a last day (Enter), or pick a preset (T, y, w, c).")
    static let downloadNotRunning = Localized(vi: "Lượt tải này đã kết thúc.", en: "This download has already ended.")
    static let alreadyFirstScreen = Localized(vi: "Đây là màn hình đầu; nhấn q để thoát.", en: "This is the first screen; press q to quit.")
    static let noSavedSources = Localized(vi: "Chưa có nguồn nào được lưu; nhấn a để thêm.", en: "No source is saved yet; press a to add one.")
    static let noFoundDevices = Localized(vi: "Chưa tìm thấy thiết bị nào trên mạng; nhấn r để tìm lại hoặc a để nhập địa chỉ.",
                                          en: "No device found on the network yet; press r to search again or a to type an address.")

    static let picturesOff = Localized(vi: "Ảnh camera đang tắt (--graphics none); mở lại VTrack với --graphics auto để xem ảnh.",
                                       en: "Camera pictures are off (--graphics none); open VTrack with --graphics auto to see them.")
    static let liveRunning = Localized(vi: "Đang xem trực tiếp; nhấn v để dừng trước khi lấy lại ảnh.",
                                       en: "Live video is on; press v to stop it before taking a picture again.")
    static let onlyOneCamera = Localized(vi: "Chỉ có một camera đang hiện.", en: "Only one camera is shown.")

    // MARK: Form
    static let needAddress = Localized(vi: "Hãy nhập địa chỉ của camera hoặc đầu ghi (IP hoặc tên máy).", en: "Type the camera's or NVR's address (IP or host name).")
    static let badPort = Localized(vi: "Cổng phải là số từ 1 đến 65535 (ONVIF thường dùng 80, 8000 hoặc 8080).",
                                   en: "The port must be a number from 1 to 65535 (ONVIF often uses 80, 8000 or 8080).")
    static func testing(host: String, port: Int) -> Localized {
        Localized(vi: "Đang kết nối tới \(host):\(port)…", en: "Connecting to \(host):\(port)…")
    }
    static func connected(_ device: String, _ count: Int) -> Localized {
        Localized(vi: "Đã kết nối \(device): tìm thấy \(count) camera.", en: "Connected to \(device): \(count) camera\(count == 1 ? "" : "s") found.")
    }
    static let savedPasswordPlaceholder = Localized(vi: "(dùng mật khẩu đã lưu)", en: "(saved password)")
    static let formHint = Localized(vi: "Nhập thông tin rồi nhấn Enter trên nút, hoặc Ctrl-T ở bất kỳ ô nào.",
                                    en: "Fill in the fields, then Enter on the button, or Ctrl-T from any field.")

    // MARK: Cameras
    static func saving(_ count: Int, _ source: String) -> Localized {
        Localized(vi: "Đang lưu \(source) với \(count) camera và kiểm tra thư mục…", en: "Saving \(source) with \(count) camera\(count == 1 ? "" : "s") and checking folders…")
    }
    static func saved(_ count: Int, _ root: String) -> Localized {
        Localized(vi: "Đã lưu: \(count) thư mục sẵn sàng trong \(root).", en: "Saved: \(count) folder\(count == 1 ? "" : "s") ready under \(root).")
    }
    static let folderProblems = Localized(vi: "Chưa lưu: có thư mục không dùng được; xem chi tiết bên dưới.", en: "Not saved: some folders cannot be used; see the details below.")

    // MARK: Dates and downloads
    static let badTimes = Localized(vi: "Giờ phải có dạng HH:MM, ví dụ 08:30.", en: "Times are HH:MM, for example 08:30.")
    static let endBeforeStart = Localized(vi: "Thời điểm kết thúc phải sau thời điểm bắt đầu.", en: "The end must come after the start.")
    static func downloadStarted(_ n: Int, _ from: String, _ to: String) -> Localized {
        Localized(vi: "Bắt đầu tải \(n) camera, \(from) → \(to).", en: "Downloading \(n) camera\(n == 1 ? "" : "s"), \(from) → \(to).")
    }
    static func cameraDone(_ name: String, _ files: Int) -> Localized {
        Localized(vi: "\(name): xong, \(files) tệp.", en: "\(name): done, \(files) file\(files == 1 ? "" : "s").")
    }
    static func cameraProblem(_ name: String, _ reason: Localized) -> Localized {
        Localized(vi: "\(name): \(reason.vi)", en: "\(name): \(reason.en)")
    }
    static func cancelledOne(_ name: String) -> Localized { Localized(vi: "Đã huỷ tải \(name).", en: "Cancelled the download of \(name).") }
    static let cancelledAll = Localized(vi: "Đã huỷ mọi lượt tải.", en: "Cancelled every download.")
    static let quitWhileDownloading = Localized(vi: "Thoát khi đang tải: lần sau mở VTrack sẽ tải tiếp.", en: "Quit while downloading: they resume the next time VTrack opens.")

    // MARK: Discovery
    static func deviceFound(_ name: String, _ host: String) -> Localized { Localized(vi: "Tìm thấy \(name) (\(host)).", en: "Found \(name) (\(host)).") }
    static func deviceGone(_ name: String) -> Localized { Localized(vi: "\(name) đã rời mạng.", en: "\(name) left the network.") }
    static func sweepDone(_ n: Int) -> Localized {
        Localized(vi: "Dò mạng xong: \(n) thiết bị.", en: "Network search done: \(n) device\(n == 1 ? "" : "s").")
    }
}
