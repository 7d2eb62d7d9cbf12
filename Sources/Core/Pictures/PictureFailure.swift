import Foundation
import Common

/// Why a camera gave no picture: one sentence (vi/en) that says what failed — the snapshot's
/// reason, and that the stream gave no picture either (with its own reason).
public enum PictureFailure: UserFacingError, Equatable {
    /// The snapshot failed (`snapshot`), and so did the stream's key frame (`stream`).
    case bothFailed(snapshot: Localized, stream: Localized)
    /// The camera has no snapshot address; the stream's key frame failed.
    case streamFailed(Localized)
    /// The snapshot failed and the camera has no stream address to fall back on.
    case snapshotFailed(Localized)
    /// The camera has neither a snapshot nor a stream address.
    case noAddress(camera: String)
    /// The live view's stream failed or ended.
    case liveEnded(Localized?)

    public var message: Localized {
        switch self {
        case .bothFailed(let s, let k):
            return Localized(vi: "Không có ảnh: ảnh chụp lỗi (\(Self.inner(s.vi))), và luồng video cũng không cho ảnh (\(Self.inner(k.vi))).",
                             en: "No picture: the snapshot failed (\(Self.inner(s.en))), and the stream gave no picture either (\(Self.inner(k.en))).")
        case .streamFailed(let k):
            return Localized(vi: "Không có ảnh: camera không có địa chỉ ảnh chụp, và luồng video không cho ảnh (\(Self.inner(k.vi))).",
                             en: "No picture: the camera has no snapshot address, and the stream gave no picture (\(Self.inner(k.en))).")
        case .snapshotFailed(let s):
            return Localized(vi: "Không có ảnh: \(Self.inner(s.vi)).", en: "No picture: \(Self.inner(s.en)).")
        case .noAddress(let camera):
            return Localized(vi: "Không có ảnh: camera “\(camera)” không có địa chỉ ảnh chụp lẫn địa chỉ luồng; hãy kiểm tra lại nguồn.",
                             en: "No picture: the camera “\(camera)” has neither a snapshot nor a stream address; test the source again.")
        case .liveEnded(let why?):
            return Localized(vi: "Hình trực tiếp đã dừng: \(Self.inner(why.vi)).", en: "Live view stopped: \(Self.inner(why.en)).")
        case .liveEnded(nil):
            return Localized(vi: "Hình trực tiếp đã dừng: thiết bị kết thúc luồng.", en: "Live view stopped: the device ended the stream.")
        }
    }

    /// A sentence used inside another: no final full stop, first letter lower-cased.
    static func inner(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        while t.hasSuffix(".") { t.removeLast() }
        guard let first = t.first, first.isUppercase, !(t.dropFirst().first?.isUppercase ?? false) else { return t }
        return first.lowercased() + t.dropFirst()
    }
}
