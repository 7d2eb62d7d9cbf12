import Common

/// Why no key frame came from a stream, beyond what `StreamingError` says: one sentence.
public enum KeyFrameError: UserFacingError, Equatable {
    /// No key frame within the time allowed.
    case timeout(host: String, seconds: Double)
    /// More than the byte cap arrived without a whole key frame.
    case tooLarge(host: String, limitBytes: Int)

    public var message: Localized {
        switch self {
        case .timeout(let host, let s):
            let n = s < 10 && s != s.rounded() ? String(format: "%.1f", s) : String(Int(s))
            return Localized(
                vi: "Luồng RTSP của \(host) không gửi khung hình chính nào trong \(n) giây: hãy kiểm tra luồng phụ và khoảng cách keyframe (GOP) trên thiết bị.",
                en: "The RTSP stream of \(host) sent no key frame within \(n) seconds: check the sub stream and the keyframe interval (GOP) on the device.")
        case .tooLarge(let host, let limit):
            let size = Self.size(limit)
            return Localized(
                vi: "Luồng RTSP của \(host) gửi hơn \(size) mà chưa có khung hình chính trọn vẹn: hãy kiểm tra luồng phụ trên thiết bị.",
                en: "The RTSP stream of \(host) sent more than \(size) without a whole key frame: check the sub stream on the device.")
        }
    }

    /// `8 MB` for whole mebibytes (how caps are set), else `Format.bytes`.
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : Format.bytes(Int64(bytes))
    }
}
