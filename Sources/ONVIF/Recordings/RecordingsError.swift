import Common

/// What can go wrong with recordings (Profile G) that the ONVIF errors do not already say.
public enum RecordingsError: UserFacingError, Equatable {
    /// The device has no Search or no Replay service: it offers no recordings over ONVIF.
    /// `missing` names the missing services (`Search`, `Replay`).
    case noProfileG(missing: [String])
    /// The device kept forgetting the search session (InvalidToken) before all results were read.
    case searchExpired(restarts: Int)
    /// The device was still searching when the deadline passed.
    case searchUnfinished(seconds: Double)
    /// The device does not know this recording (any more).
    case recordingNotFound(token: String)

    public var message: Localized {
        switch self {
        case .noProfileG(let missing):
            let list = missing.joined(separator: ", ")
            return Localized(
                vi: "Thiết bị không cung cấp bản ghi qua ONVIF (thiếu dịch vụ \(list) của Profile G): hãy kiểm tra đầu ghi có đang ghi hình và đã bật ONVIF Profile G chưa, hoặc đặt mẫu URL phát lại (playback URL template) cho nguồn này.",
                en: "The device offers no recordings over ONVIF (the Profile G \(list) service is missing): check that the recorder records and that ONVIF Profile G is enabled, or set a playback URL template on this source.")
        case .searchExpired(let restarts):
            return Localized(
                vi: "Thiết bị đã hủy phiên tìm kiếm bản ghi trước khi đọc xong kết quả (đã thử lại \(restarts) lần): hãy thử lại; nếu vẫn vậy, có thể thiết bị đang quá tải.",
                en: "The device dropped the recording search before all results were read (restarted \(restarts) times): try again; if it keeps happening, the device may be overloaded.")
        case .searchUnfinished(let seconds):
            return Localized(
                vi: "Thiết bị vẫn chưa tìm xong bản ghi sau \(Int(seconds)) giây: hãy thu hẹp khoảng thời gian hoặc số camera rồi thử lại.",
                en: "The device had not finished searching its recordings after \(Int(seconds)) s: narrow the time range or the cameras, then try again.")
        case .recordingNotFound(let token):
            return Localized(
                vi: "Thiết bị không còn bản ghi “\(token)”: hãy xem lại danh sách bản ghi (vtrack recordings) rồi thử lại.",
                en: "The device no longer has recording “\(token)”: list the recordings again (vtrack recordings), then try again.")
        }
    }
}
