import Common

/// The one table of key bindings. It drives `update` (through `action(for:in:)`), the help
/// bar, the `?` overlay and the README's key table (`Keymap.markdown()`).
public enum Keymap {
    public static let bindings: [KeyBinding] = [
        // Everywhere
        KeyBinding(.global, [.tab], .focusNext, Localized(vi: "Sang ô / khung kế tiếp", en: "Next field or pane"), short: Localized(vi: "chuyển", en: "focus")),
        KeyBinding(.global, [.backTab], .focusPrevious, Localized(vi: "Về ô / khung trước", en: "Previous field or pane")),
        KeyBinding(.global, [.char("?"), .function(1)], .showHelp, Localized(vi: "Mở trợ giúp (mọi phím)", en: "Open help (every key)"), short: Localized(vi: "trợ giúp", en: "help"), primary: true),
        KeyBinding(.global, [.char("q")], .quit, Localized(vi: "Thoát (hỏi trước nếu đang tải; lần sau tải tiếp)", en: "Quit (asks first while downloading; downloads resume next time)"), short: Localized(vi: "thoát", en: "quit"), primary: true),
        KeyBinding(.global, [.ctrl("c")], .quitNow, Localized(vi: "Thoát ngay (tải dở sẽ tiếp tục lần sau)", en: "Quit at once (unfinished downloads resume next time)")),
        KeyBinding(.global, [.escape], .back, Localized(vi: "Quay lại màn hình trước", en: "Back to the previous screen"), short: Localized(vi: "quay lại", en: "back")),
        KeyBinding(.global, [.char("1")], .gotoSources, Localized(vi: "Màn hình Thiết bị & nguồn", en: "Devices & sources screen")),
        KeyBinding(.global, [.char("2")], .gotoForm, Localized(vi: "Màn hình Biểu mẫu nguồn", en: "Source form screen")),
        KeyBinding(.global, [.char("3")], .gotoCameras, Localized(vi: "Màn hình Camera", en: "Cameras screen")),
        KeyBinding(.global, [.char("4")], .gotoDates, Localized(vi: "Màn hình Chọn ngày", en: "Date range screen")),
        KeyBinding(.global, [.char("5")], .gotoDownloads, Localized(vi: "Màn hình Tải về", en: "Downloads screen")),

        // Devices & sources
        KeyBinding(.sources, [.up, .char("k")], .moveUp, Localized(vi: "Lên", en: "Up")),
        KeyBinding(.sources, [.down, .char("j")], .moveDown, Localized(vi: "Xuống", en: "Down"), short: Localized(vi: "chọn dòng", en: "move"), barKeys: "↑↓"),
        KeyBinding(.sources, [.enter], .openItem, Localized(vi: "Mở nguồn đã lưu, hoặc thiết bị tìm thấy (điền sẵn biểu mẫu)", en: "Open the saved source, or the found device (form prefilled)"), short: Localized(vi: "mở", en: "open"), primary: true),
        KeyBinding(.sources, [.char("a")], .addSource, Localized(vi: "Thêm nguồn mới (biểu mẫu trống)", en: "Add a new source (empty form)"), short: Localized(vi: "thêm nguồn", en: "add source"), primary: true),
        KeyBinding(.sources, [.char("r")], .rediscover, Localized(vi: "Tìm lại thiết bị trên mạng (WS-Discovery)", en: "Search the network again (WS-Discovery)"), short: Localized(vi: "tìm lại", en: "rescan")),

        // Source form
        KeyBinding(.form, [.down, .enter], .nextField, Localized(vi: "Ô kế tiếp (Enter trên nút: kiểm tra)", en: "Next field (Enter on the button: test)")),
        KeyBinding(.form, [.up], .previousField, Localized(vi: "Ô trước", en: "Previous field")),
        KeyBinding(.form, [.ctrl("t")], .testSource, Localized(vi: "Kiểm tra kết nối và tìm camera", en: "Test the connection and list the cameras"), short: Localized(vi: "kiểm tra", en: "test"), primary: true),
        KeyBinding(.form, [.ctrl("u")], .clearField, Localized(vi: "Xoá nội dung ô", en: "Clear the field"), short: Localized(vi: "xoá ô", en: "clear")),

        // Camera grid
        KeyBinding(.cameras, [.up, .char("k")], .moveUp, Localized(vi: "Lên", en: "Up")),
        KeyBinding(.cameras, [.down, .char("j")], .moveDown, Localized(vi: "Xuống", en: "Down")),
        KeyBinding(.cameras, [.left, .char("h")], .moveLeft, Localized(vi: "Sang trái", en: "Left")),
        KeyBinding(.cameras, [.right, .char("l")], .moveRight, Localized(vi: "Sang phải", en: "Right"), short: Localized(vi: "di chuyển", en: "move"), barKeys: "←↑↓→"),
        KeyBinding(.cameras, [.space], .toggleCamera, Localized(vi: "Chọn / bỏ chọn camera", en: "Tick / untick the camera"), short: Localized(vi: "chọn", en: "tick"), primary: true),
        KeyBinding(.cameras, [.char("a")], .selectAll, Localized(vi: "Chọn tất cả (đang hiện)", en: "Tick all (shown)"), short: Localized(vi: "tất cả", en: "all")),
        KeyBinding(.cameras, [.char("n")], .selectNone, Localized(vi: "Bỏ chọn tất cả (đang hiện)", en: "Untick all (shown)"), short: Localized(vi: "bỏ hết", en: "none")),
        KeyBinding(.cameras, [.char("/")], .startFilter, Localized(vi: "Lọc theo tên", en: "Filter by name"), short: Localized(vi: "lọc", en: "filter"), primary: true),
        KeyBinding(.cameras, [.char("s")], .saveSelection, Localized(vi: "Lưu nguồn và lựa chọn, tạo và kiểm tra thư mục", en: "Save the source and selection, create and check the folders"), short: Localized(vi: "lưu", en: "save"), primary: true),
        KeyBinding(.cameras, [.char("p")], .openPreview, Localized(vi: "Xem ảnh lớn của camera (tự làm mới mỗi giây)", en: "Full-screen picture of the camera (refreshed every second)"), short: Localized(vi: "xem ảnh", en: "view"), primary: true),
        KeyBinding(.cameras, [.char("r")], .refreshPictures, Localized(vi: "Lấy lại ảnh các camera (camera đang hiện trước)", en: "Take the cameras' pictures again (the ones shown first)"), short: Localized(vi: "ảnh mới", en: "refresh")),
        KeyBinding(.cameras, [.enter], .continueToDates, Localized(vi: "Sang chọn ngày (sau khi lưu)", en: "Go on to the dates (after saving)"), short: Localized(vi: "tiếp", en: "next"), primary: true),

        KeyBinding(.cameraFilter, [.enter], .endFilter, Localized(vi: "Xong, giữ bộ lọc", en: "Done, keep the filter"), short: Localized(vi: "xong", en: "done"), primary: true),
        KeyBinding(.cameraFilter, [.escape], .clearFilter, Localized(vi: "Bỏ bộ lọc", en: "Clear the filter"), short: Localized(vi: "bỏ lọc", en: "clear"), primary: true),

        // Picture preview (with PTZ: hold a key to move, let go to stop)
        KeyBinding(.preview, [.escape, .char("p"), .char("q")], .closePreview, Localized(vi: "Đóng ảnh lớn, về lưới camera (camera đang quay thì dừng)", en: "Close the preview, back to the grid (a moving camera stops)"), short: Localized(vi: "đóng", en: "close"), primary: true),
        KeyBinding(.preview, [.left, .char("h")], .panLeft, Localized(vi: "PTZ: quay sang trái (giữ phím; thả ra thì dừng)", en: "PTZ: pan left (hold the key; let go to stop)")),
        KeyBinding(.preview, [.right, .char("l")], .panRight, Localized(vi: "PTZ: quay sang phải (giữ phím)", en: "PTZ: pan right (hold the key)")),
        KeyBinding(.preview, [.up, .char("k")], .tiltUp, Localized(vi: "PTZ: ngẩng lên (giữ phím)", en: "PTZ: tilt up (hold the key)")),
        KeyBinding(.preview, [.down, .char("j")], .tiltDown, Localized(vi: "PTZ: cúi xuống (giữ phím)", en: "PTZ: tilt down (hold the key)"), short: Localized(vi: "xoay", en: "aim"), barKeys: "←↑↓→", primary: true),
        KeyBinding(.preview, [.char("+"), .char("=")], .zoomIn, Localized(vi: "PTZ: phóng to (giữ phím)", en: "PTZ: zoom in (hold the key)")),
        KeyBinding(.preview, [.char("-")], .zoomOut, Localized(vi: "PTZ: thu nhỏ (giữ phím)", en: "PTZ: zoom out (hold the key)"), short: Localized(vi: "zoom", en: "zoom"), barKeys: "+-"),
        KeyBinding(.preview, (1...9).map { Key.char(Character(String($0))) }, .gotoPreset, Localized(vi: "PTZ: đến điểm đặt sẵn 1–9 (danh sách dưới ảnh)", en: "PTZ: go to preset 1–9 (listed under the picture)"), short: Localized(vi: "điểm đặt", en: "preset"), barKeys: "1-9"),
        KeyBinding(.preview, [.char("s")], .savePreset, Localized(vi: "PTZ: lưu góc nhìn này thành điểm đặt sẵn (hỏi tên)", en: "PTZ: save this view as a preset (asks for a name)"), short: Localized(vi: "lưu góc", en: "save view")),
        KeyBinding(.preview, [.char("0"), .home], .gotoHome, Localized(vi: "PTZ: về vị trí gốc (home)", en: "PTZ: go to the home position"), short: Localized(vi: "gốc", en: "home")),
        KeyBinding(.preview, [.char("x")], .stopCamera, Localized(vi: "PTZ: dừng camera ngay", en: "PTZ: stop the camera now")),
        KeyBinding(.preview, [.char("<"), .char(",")], .speedDown, Localized(vi: "PTZ: chậm hơn (tốc độ 1–5)", en: "PTZ: slower (speed 1–5)")),
        KeyBinding(.preview, [.char(">"), .char(".")], .speedUp, Localized(vi: "PTZ: nhanh hơn (tốc độ 1–5)", en: "PTZ: faster (speed 1–5)"), short: Localized(vi: "tốc độ", en: "speed"), barKeys: "<>"),
        KeyBinding(.preview, [.char("v")], .toggleLive, Localized(vi: "Xem trực tiếp (luồng phụ, tối đa 10 hình/giây) / tắt", en: "Live video (sub stream, up to 10 pictures a second) on / off"), short: Localized(vi: "trực tiếp", en: "live"), primary: true),
        KeyBinding(.preview, [.char("r")], .refreshPictures, Localized(vi: "Lấy lại ảnh ngay", en: "Take the picture again now"), short: Localized(vi: "làm mới", en: "refresh")),
        KeyBinding(.preview, [.char("["), .pageUp], .previousCamera, Localized(vi: "Camera trước", en: "Previous camera")),
        KeyBinding(.preview, [.char("]"), .pageDown], .nextCamera, Localized(vi: "Camera sau", en: "Next camera"), short: Localized(vi: "camera", en: "camera"), barKeys: "[]"),
        KeyBinding(.preview, [.space], .toggleCamera, Localized(vi: "Chọn / bỏ chọn camera này", en: "Tick / untick this camera"), short: Localized(vi: "chọn", en: "tick")),
        KeyBinding(.preview, [.char("?"), .function(1)], .showHelp, Localized(vi: "Mở trợ giúp (mọi phím)", en: "Open help (every key)"), short: Localized(vi: "trợ giúp", en: "help"), primary: true),

        KeyBinding(.presetName, [.enter], .acceptName, Localized(vi: "Lưu điểm đặt sẵn với tên này", en: "Save the preset with this name"), short: Localized(vi: "lưu", en: "save"), primary: true),
        KeyBinding(.presetName, [.escape], .cancelName, Localized(vi: "Thôi, không lưu", en: "Cancel, save nothing"), short: Localized(vi: "thôi", en: "cancel"), primary: true),
        KeyBinding(.presetName, [.function(1)], .showHelp, Localized(vi: "Mở trợ giúp (? thì gõ vào tên)", en: "Open help (? types into the name)"), short: Localized(vi: "trợ giúp", en: "help"), primary: true),

        // Date range
        KeyBinding(.dates, [.left, .char("h")], .dayBack, Localized(vi: "Ngày trước", en: "Previous day")),
        KeyBinding(.dates, [.right, .char("l")], .dayForward, Localized(vi: "Ngày sau", en: "Next day"), short: Localized(vi: "ngày", en: "day"), barKeys: "←→"),
        KeyBinding(.dates, [.up, .char("k")], .weekBack, Localized(vi: "Tuần trước", en: "Previous week")),
        KeyBinding(.dates, [.down, .char("j")], .weekForward, Localized(vi: "Tuần sau", en: "Next week"), short: Localized(vi: "tuần", en: "week"), barKeys: "↑↓"),
        KeyBinding(.dates, [.pageUp], .monthBack, Localized(vi: "Tháng trước", en: "Previous month")),
        KeyBinding(.dates, [.pageDown], .monthForward, Localized(vi: "Tháng sau", en: "Next month"), short: Localized(vi: "tháng", en: "month"), barKeys: "PgUp/PgDn"),
        KeyBinding(.dates, [.char("t")], .gotoToday, Localized(vi: "Về hôm nay", en: "Go to today"), short: Localized(vi: "hôm nay", en: "today")),
        KeyBinding(.dates, [.enter, .space], .markDay, Localized(vi: "Đặt ngày đầu, rồi ngày cuối", en: "Set the first day, then the last day"), short: Localized(vi: "đặt ngày", en: "mark"), primary: true),
        KeyBinding(.dates, [.char("T")], .presetToday, Localized(vi: "Mẫu: hôm nay", en: "Preset: today")),
        KeyBinding(.dates, [.char("y")], .presetYesterday, Localized(vi: "Mẫu: hôm qua", en: "Preset: yesterday"), short: Localized(vi: "hôm qua", en: "yesterday"), primary: true),
        KeyBinding(.dates, [.char("w")], .presetLastWeek, Localized(vi: "Mẫu: 7 ngày qua", en: "Preset: last 7 days"), short: Localized(vi: "7 ngày", en: "7 days")),
        KeyBinding(.dates, [.char("c")], .presetDefaultDays, Localized(vi: "Mẫu: số ngày mặc định trong cấu hình", en: "Preset: the config's default days")),
        KeyBinding(.dates, [.char("d")], .startDownload, Localized(vi: "Tải về các camera đã chọn trong khoảng này", en: "Download the ticked cameras for this range"), short: Localized(vi: "tải về", en: "download"), primary: true),

        KeyBinding(.timeField, [.enter], .nextField, Localized(vi: "Xong, sang ô kế tiếp", en: "Done, next field")),
        KeyBinding(.timeField, [.ctrl("u")], .clearField, Localized(vi: "Xoá nội dung ô", en: "Clear the field")),

        // Downloads
        KeyBinding(.downloads, [.up, .char("k")], .moveUp, Localized(vi: "Lên", en: "Up")),
        KeyBinding(.downloads, [.down, .char("j")], .moveDown, Localized(vi: "Xuống", en: "Down"), short: Localized(vi: "chọn dòng", en: "move"), barKeys: "↑↓"),
        KeyBinding(.downloads, [.char("p")], .pauseResume, Localized(vi: "Tạm dừng / tiếp tục (hoặc thử lại khi lỗi) camera này, chỉ trong lượt tải của nó", en: "Pause / resume (or retry when failed) this camera, in its own job only"), short: Localized(vi: "dừng/tiếp", en: "pause"), primary: true),
        KeyBinding(.downloads, [.char("P")], .pauseResumeAll, Localized(vi: "Tạm dừng / tiếp tục mọi lượt tải", en: "Pause / resume every job"), short: Localized(vi: "tất cả", en: "all")),
        KeyBinding(.downloads, [.char("x")], .cancelDownload, Localized(vi: "Huỷ tải camera này trong lượt tải của nó (hỏi trước)", en: "Cancel this camera in its own job (asks first)"), short: Localized(vi: "huỷ", en: "cancel"), primary: true),
        KeyBinding(.downloads, [.char("X")], .cancelAll, Localized(vi: "Huỷ mọi lượt tải (hỏi trước)", en: "Cancel every job (asks first)")),

        // Log
        KeyBinding(.log, [.up, .char("k")], .moveUp, Localized(vi: "Cuộn lên", en: "Scroll up")),
        KeyBinding(.log, [.down, .char("j")], .moveDown, Localized(vi: "Cuộn xuống", en: "Scroll down"), short: Localized(vi: "cuộn", en: "scroll"), barKeys: "↑↓"),
        KeyBinding(.log, [.pageUp], .pageUp, Localized(vi: "Cuộn lên một trang", en: "Page up")),
        KeyBinding(.log, [.pageDown], .pageDown, Localized(vi: "Cuộn xuống một trang", en: "Page down")),
        KeyBinding(.log, [.end], .follow, Localized(vi: "Theo dòng mới nhất", en: "Follow the newest line"), short: Localized(vi: "mới nhất", en: "newest")),

        // Dialogs
        KeyBinding(.confirm, [.char("y"), .enter], .confirm, Localized(vi: "Đồng ý", en: "Yes"), short: Localized(vi: "đồng ý", en: "yes"), primary: true),
        KeyBinding(.confirm, [.char("n"), .escape], .dismiss, Localized(vi: "Không", en: "No"), short: Localized(vi: "không", en: "no"), primary: true),
        KeyBinding(.report, [.enter], .confirm, Localized(vi: "Sang chọn ngày (khi đã lưu)", en: "Go on to the dates (once saved)"), short: Localized(vi: "sang chọn ngày", en: "dates"), primary: true),
        KeyBinding(.report, [.escape], .dismiss, Localized(vi: "Đóng (sửa rồi lưu lại bằng s)", en: "Close (fix and save again with s)"), short: Localized(vi: "đóng", en: "close"), primary: true),
        KeyBinding(.help, [.up, .char("k")], .moveUp, Localized(vi: "Cuộn lên", en: "Scroll up")),
        KeyBinding(.help, [.down, .char("j")], .moveDown, Localized(vi: "Cuộn xuống", en: "Scroll down"), short: Localized(vi: "cuộn", en: "scroll"), barKeys: "↑↓"),
        KeyBinding(.help, [.pageUp], .pageUp, Localized(vi: "Lên một trang", en: "Page up")),
        KeyBinding(.help, [.pageDown], .pageDown, Localized(vi: "Xuống một trang", en: "Page down")),
        KeyBinding(.help, [.escape, .char("?"), .char("q"), .enter], .dismiss, Localized(vi: "Đóng trợ giúp", en: "Close help"), short: Localized(vi: "đóng", en: "close"), primary: true),
    ]

    /// The bindings of one context, in table order.
    public static func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.context == context }
    }

    /// The first binding for `key` in the given contexts (searched in order). When `typing`
    /// is true a text field has focus: printable keys are left for the field.
    public static func binding(for key: Key, in contexts: [KeyContext], typing: Bool = false) -> KeyBinding? {
        if typing, key.printable != nil { return nil }
        for context in contexts {
            if let b = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return b }
        }
        return nil
    }

    /// The action for `key` in the given contexts.
    public static func action(for key: Key, in contexts: [KeyContext], typing: Bool = false) -> Action? {
        binding(for: key, in: contexts, typing: typing)?.action
    }
}
