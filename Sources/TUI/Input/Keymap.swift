import Common

/// The one table of key bindings. It drives `update` (through `action(for:in:)`), the help
/// bar, the `?` overlay and the README's key table (`Keymap.markdown()`).
public enum Keymap {
    private static func L(_ vi: String, _ en: String) -> Localized { Localized(vi: vi, en: en) }

    public static let bindings: [KeyBinding] = [
        // Everywhere
        KeyBinding(.global, [.tab], .focusNext, L("Sang ô / khung kế tiếp", "Next field or pane"), short: L("chuyển", "focus")),
        KeyBinding(.global, [.backTab], .focusPrevious, L("Về ô / khung trước", "Previous field or pane")),
        KeyBinding(.global, [.char("?"), .function(1)], .showHelp, L("Mở trợ giúp (mọi phím)", "Open help (every key)"), short: L("trợ giúp", "help"), primary: true),
        KeyBinding(.global, [.char("q")], .quit, L("Thoát (hỏi trước nếu đang tải; lần sau tải tiếp)", "Quit (asks first while downloading; downloads resume next time)"), short: L("thoát", "quit"), primary: true),
        KeyBinding(.global, [.ctrl("c")], .quitNow, L("Thoát ngay (tải dở sẽ tiếp tục lần sau)", "Quit at once (unfinished downloads resume next time)")),
        KeyBinding(.global, [.escape], .back, L("Quay lại màn hình trước", "Back to the previous screen"), short: L("quay lại", "back")),
        KeyBinding(.global, [.char("1")], .gotoSources, L("Màn hình Thiết bị & nguồn", "Devices & sources screen")),
        KeyBinding(.global, [.char("2")], .gotoForm, L("Màn hình Biểu mẫu nguồn", "Source form screen")),
        KeyBinding(.global, [.char("3")], .gotoCameras, L("Màn hình Camera", "Cameras screen")),
        KeyBinding(.global, [.char("4")], .gotoDates, L("Màn hình Chọn ngày", "Date range screen")),
        KeyBinding(.global, [.char("5")], .gotoDownloads, L("Màn hình Tải về", "Downloads screen")),

        // Devices & sources
        KeyBinding(.sources, [.up, .char("k")], .moveUp, L("Lên", "Up")),
        KeyBinding(.sources, [.down, .char("j")], .moveDown, L("Xuống", "Down"), short: L("chọn dòng", "move"), barKeys: "↑↓"),
        KeyBinding(.sources, [.enter], .openItem, L("Mở nguồn đã lưu, hoặc thiết bị tìm thấy (điền sẵn biểu mẫu)", "Open the saved source, or the found device (form prefilled)"), short: L("mở", "open"), primary: true),
        KeyBinding(.sources, [.char("a")], .addSource, L("Thêm nguồn mới (biểu mẫu trống)", "Add a new source (empty form)"), short: L("thêm nguồn", "add source"), primary: true),
        KeyBinding(.sources, [.char("r")], .rediscover, L("Tìm lại thiết bị trên mạng (WS-Discovery)", "Search the network again (WS-Discovery)"), short: L("tìm lại", "rescan")),

        // Source form
        KeyBinding(.form, [.down, .enter], .nextField, L("Ô kế tiếp (Enter trên nút: kiểm tra)", "Next field (Enter on the button: test)")),
        KeyBinding(.form, [.up], .previousField, L("Ô trước", "Previous field")),
        KeyBinding(.form, [.ctrl("t")], .testSource, L("Kiểm tra kết nối và tìm camera", "Test the connection and list the cameras"), short: L("kiểm tra", "test"), primary: true),
        KeyBinding(.form, [.ctrl("u")], .clearField, L("Xoá nội dung ô", "Clear the field"), short: L("xoá ô", "clear")),

        // Camera grid
        KeyBinding(.cameras, [.up, .char("k")], .moveUp, L("Lên", "Up")),
        KeyBinding(.cameras, [.down, .char("j")], .moveDown, L("Xuống", "Down")),
        KeyBinding(.cameras, [.left, .char("h")], .moveLeft, L("Sang trái", "Left")),
        KeyBinding(.cameras, [.right, .char("l")], .moveRight, L("Sang phải", "Right"), short: L("di chuyển", "move"), barKeys: "←↑↓→"),
        KeyBinding(.cameras, [.space], .toggleCamera, L("Chọn / bỏ chọn camera", "Tick / untick the camera"), short: L("chọn", "tick"), primary: true),
        KeyBinding(.cameras, [.char("a")], .selectAll, L("Chọn tất cả (đang hiện)", "Tick all (shown)"), short: L("tất cả", "all")),
        KeyBinding(.cameras, [.char("n")], .selectNone, L("Bỏ chọn tất cả (đang hiện)", "Untick all (shown)"), short: L("bỏ hết", "none")),
        KeyBinding(.cameras, [.char("/")], .startFilter, L("Lọc theo tên", "Filter by name"), short: L("lọc", "filter"), primary: true),
        KeyBinding(.cameras, [.char("s")], .saveSelection, L("Lưu nguồn và lựa chọn, tạo và kiểm tra thư mục", "Save the source and selection, create and check the folders"), short: L("lưu", "save"), primary: true),
        KeyBinding(.cameras, [.enter], .continueToDates, L("Sang chọn ngày (sau khi lưu)", "Go on to the dates (after saving)"), short: L("tiếp", "next"), primary: true),

        KeyBinding(.cameraFilter, [.enter], .endFilter, L("Xong, giữ bộ lọc", "Done, keep the filter"), short: L("xong", "done"), primary: true),
        KeyBinding(.cameraFilter, [.escape], .clearFilter, L("Bỏ bộ lọc", "Clear the filter"), short: L("bỏ lọc", "clear"), primary: true),

        // Date range
        KeyBinding(.dates, [.left, .char("h")], .dayBack, L("Ngày trước", "Previous day")),
        KeyBinding(.dates, [.right, .char("l")], .dayForward, L("Ngày sau", "Next day"), short: L("ngày", "day"), barKeys: "←→"),
        KeyBinding(.dates, [.up, .char("k")], .weekBack, L("Tuần trước", "Previous week")),
        KeyBinding(.dates, [.down, .char("j")], .weekForward, L("Tuần sau", "Next week"), short: L("tuần", "week"), barKeys: "↑↓"),
        KeyBinding(.dates, [.pageUp], .monthBack, L("Tháng trước", "Previous month")),
        KeyBinding(.dates, [.pageDown], .monthForward, L("Tháng sau", "Next month"), short: L("tháng", "month"), barKeys: "PgUp/PgDn"),
        KeyBinding(.dates, [.char("t")], .gotoToday, L("Về hôm nay", "Go to today"), short: L("hôm nay", "today")),
        KeyBinding(.dates, [.enter, .space], .markDay, L("Đặt ngày đầu, rồi ngày cuối", "Set the first day, then the last day"), short: L("đặt ngày", "mark"), primary: true),
        KeyBinding(.dates, [.char("T")], .presetToday, L("Mẫu: hôm nay", "Preset: today")),
        KeyBinding(.dates, [.char("y")], .presetYesterday, L("Mẫu: hôm qua", "Preset: yesterday"), short: L("hôm qua", "yesterday"), primary: true),
        KeyBinding(.dates, [.char("w")], .presetLastWeek, L("Mẫu: 7 ngày qua", "Preset: last 7 days"), short: L("7 ngày", "7 days")),
        KeyBinding(.dates, [.char("c")], .presetDefaultDays, L("Mẫu: số ngày mặc định trong cấu hình", "Preset: the config's default days")),
        KeyBinding(.dates, [.char("d")], .startDownload, L("Tải về các camera đã chọn trong khoảng này", "Download the ticked cameras for this range"), short: L("tải về", "download"), primary: true),

        KeyBinding(.timeField, [.enter], .nextField, L("Xong, sang ô kế tiếp", "Done, next field")),
        KeyBinding(.timeField, [.ctrl("u")], .clearField, L("Xoá nội dung ô", "Clear the field")),

        // Downloads
        KeyBinding(.downloads, [.up, .char("k")], .moveUp, L("Lên", "Up")),
        KeyBinding(.downloads, [.down, .char("j")], .moveDown, L("Xuống", "Down"), short: L("chọn dòng", "move"), barKeys: "↑↓"),
        KeyBinding(.downloads, [.char("p")], .pauseResume, L("Tạm dừng / tiếp tục camera này", "Pause / resume this camera"), short: L("dừng/tiếp", "pause"), primary: true),
        KeyBinding(.downloads, [.char("P")], .pauseResumeAll, L("Tạm dừng / tiếp tục tất cả", "Pause / resume all"), short: L("tất cả", "all")),
        KeyBinding(.downloads, [.char("x")], .cancelDownload, L("Huỷ tải camera này (hỏi trước)", "Cancel this camera (asks first)"), short: L("huỷ", "cancel"), primary: true),
        KeyBinding(.downloads, [.char("X")], .cancelAll, L("Huỷ tất cả (hỏi trước)", "Cancel all (asks first)")),

        // Log
        KeyBinding(.log, [.up, .char("k")], .moveUp, L("Cuộn lên", "Scroll up")),
        KeyBinding(.log, [.down, .char("j")], .moveDown, L("Cuộn xuống", "Scroll down"), short: L("cuộn", "scroll"), barKeys: "↑↓"),
        KeyBinding(.log, [.pageUp], .pageUp, L("Cuộn lên một trang", "Page up")),
        KeyBinding(.log, [.pageDown], .pageDown, L("Cuộn xuống một trang", "Page down")),
        KeyBinding(.log, [.end], .follow, L("Theo dòng mới nhất", "Follow the newest line"), short: L("mới nhất", "newest")),

        // Dialogs
        KeyBinding(.confirm, [.char("y"), .enter], .confirm, L("Đồng ý", "Yes"), short: L("đồng ý", "yes"), primary: true),
        KeyBinding(.confirm, [.char("n"), .escape], .dismiss, L("Không", "No"), short: L("không", "no"), primary: true),
        KeyBinding(.report, [.enter], .confirm, L("Sang chọn ngày (khi đã lưu)", "Go on to the dates (once saved)"), short: L("sang chọn ngày", "dates"), primary: true),
        KeyBinding(.report, [.escape], .dismiss, L("Đóng (sửa rồi lưu lại bằng s)", "Close (fix and save again with s)"), short: L("đóng", "close"), primary: true),
        KeyBinding(.help, [.up, .char("k")], .moveUp, L("Cuộn lên", "Scroll up")),
        KeyBinding(.help, [.down, .char("j")], .moveDown, L("Cuộn xuống", "Scroll down"), short: L("cuộn", "scroll"), barKeys: "↑↓"),
        KeyBinding(.help, [.pageUp], .pageUp, L("Lên một trang", "Page up")),
        KeyBinding(.help, [.pageDown], .pageDown, L("Xuống một trang", "Page down")),
        KeyBinding(.help, [.escape, .char("?"), .char("q"), .enter], .dismiss, L("Đóng trợ giúp", "Close help"), short: L("đóng", "close"), primary: true),
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
