import Common
import Foundation

/// A recordings request that cannot be run as asked.
public enum RecordingsRequestError: UserFacingError, Equatable {
    /// Camera names that the source does not have.
    case unknownCameras(names: [String], known: [String])
    /// The source has no cameras saved (it was never probed).
    case noCameras(source: String)
    /// The range is empty or backwards.
    case emptyRange(from: Date, to: Date)

    public var message: Localized {
        switch self {
        case .unknownCameras(let names, let known):
            let n = names.map { "“\($0)”" }.joined(separator: ", ")
            let k = known.joined(separator: ", ")
            return Localized(vi: "Nguồn này không có camera \(n): hãy dùng một trong các tên \(k).",
                             en: "This source has no camera \(n): use one of \(k).")
        case .noCameras(let source):
            return Localized(vi: "Nguồn “\(source)” chưa có camera nào được lưu: hãy kết nối lại và lưu nguồn (thêm nguồn trong ứng dụng) trước.",
                             en: "Source “\(source)” has no saved cameras: connect to it and save it again (add the source in the app) first.")
        case .emptyRange(let from, let to):
            return Localized(vi: "Khoảng thời gian từ \(UTC.iso(from)) đến \(UTC.iso(to)) là rỗng: thời điểm bắt đầu phải trước thời điểm kết thúc và trước hiện tại.",
                             en: "The range from \(UTC.iso(from)) to \(UTC.iso(to)) is empty: the start must come before the end and before now.")
        }
    }
}
