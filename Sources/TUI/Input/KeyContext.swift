import Common

/// Where a key binding applies: everywhere, or on one screen or pane.
/// The order of cases is the order of the help overlay and the README's key table.
public enum KeyContext: String, CaseIterable, Sendable {
    case global
    case sources
    case form
    case cameras
    case cameraFilter
    case preview
    case presetName
    case dates
    case timeField
    case downloads
    case log
    case confirm
    case report
    case help

    /// The heading of this context's section in the help overlay and the README.
    public var title: Localized {
        switch self {
        case .global: return Localized(vi: "Mọi nơi", en: "Everywhere")
        case .sources: return Localized(vi: "Thiết bị & nguồn", en: "Devices & sources")
        case .form: return Localized(vi: "Biểu mẫu nguồn", en: "Source form")
        case .cameras: return Localized(vi: "Lưới camera", en: "Camera grid")
        case .cameraFilter: return Localized(vi: "Lọc camera (sau /)", en: "Camera filter (after /)")
        case .preview: return Localized(vi: "Xem ảnh lớn (sau p)", en: "Picture preview (after p)")
        case .presetName: return Localized(vi: "Tên điểm đặt sẵn (sau s trong ảnh lớn)", en: "Preset name (after s in the preview)")
        case .dates: return Localized(vi: "Chọn ngày", en: "Date range")
        case .timeField: return Localized(vi: "Ô giờ (bắt đầu, kết thúc)", en: "Time fields (start, end)")
        case .downloads: return Localized(vi: "Tải về", en: "Downloads")
        case .log: return Localized(vi: "Nhật ký", en: "Log")
        case .confirm: return Localized(vi: "Hộp xác nhận", en: "Confirmation")
        case .report: return Localized(vi: "Kết quả lưu", en: "Save report")
        case .help: return Localized(vi: "Trợ giúp (?)", en: "Help (?)")
        }
    }
}
