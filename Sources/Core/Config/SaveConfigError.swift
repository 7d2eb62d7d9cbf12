import Common
import Foundation

/// Why saving a source or a selection was refused (nothing was saved).
public enum SaveConfigError: UserFacingError, Equatable {
    /// A folder could not be made usable; the validation lists every problem.
    case validationFailed(PathValidation)
    /// Camera names that match no camera of the source.
    case unknownCameras([String], known: [String])
    /// A port that is not a number in 1…65535 (as typed).
    case invalidPort(String)
    /// No host given.
    case emptyHost

    /// The port from text: digits in 1…65535.
    public static func port(_ text: String) throws -> Int {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let p = Int(t), (1 ... 65535).contains(p) else { throw SaveConfigError.invalidPort(t) }
        return p
    }

    public var message: Localized {
        switch self {
        case let .validationFailed(v):
            let first = v.errors.first?.message ?? Localized(vi: "thư mục không dùng được", en: "a folder is not usable")
            let more = v.errors.count > 1 ? v.errors.count - 1 : 0
            return Localized(vi: "Chưa lưu nguồn \"\(v.sourceName)\": \(first.vi)" + (more > 0 ? " (và \(more) lỗi khác)" : ""),
                             en: "Source \"\(v.sourceName)\" was not saved: \(first.en)" + (more > 0 ? " (and \(more) more problems)" : ""))
        case let .unknownCameras(names, known):
            let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
            let k = known.isEmpty ? "—" : known.joined(separator: ", ")
            return Localized(vi: "Không có camera \(list) trong nguồn này: chọn trong \(k).",
                             en: "This source has no camera \(list): choose among \(k).")
        case let .invalidPort(p):
            return Localized(vi: "Cổng \"\(p)\" không hợp lệ: nhập số từ 1 đến 65535 (ONVIF thường là 80, 8000, 8080 hoặc 2020).",
                             en: "Port \"\(p)\" is not valid: enter a number from 1 to 65535 (ONVIF is often 80, 8000, 8080 or 2020).")
        case .emptyHost:
            return Localized(vi: "Chưa nhập địa chỉ thiết bị: thêm --host với địa chỉ IP hoặc tên máy.",
                             en: "No device address given: add --host with its IP address or host name.")
        }
    }
}
