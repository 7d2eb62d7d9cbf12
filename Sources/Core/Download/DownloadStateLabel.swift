import Common
import Store

extension DownloadState {
    /// The state as one short word for people (`running`, `đang tải`): what the terminal app's
    /// Downloads screen and `vtrack download` show.
    public var label: Localized {
        switch self {
        case .queued: return Localized(vi: "chờ", en: "queued")
        case .running: return Localized(vi: "đang tải", en: "running")
        case .retrying: return Localized(vi: "thử lại", en: "retrying")
        case .paused: return Localized(vi: "tạm dừng", en: "paused")
        case .done: return Localized(vi: "xong", en: "done")
        case .failed: return Localized(vi: "lỗi", en: "failed")
        case .cancelled: return Localized(vi: "đã huỷ", en: "cancelled")
        }
    }
}
