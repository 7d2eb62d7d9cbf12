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
            let mb = limit / (1024 * 1024)
            return Localized(
                vi: "Luồng RTSP của \(host) gửi hơn \(mb) MB mà chưa có khung hình chính trọn vẹn: hãy kiểm tra luồng phụ trên thiết bị.",
                en: "The RTSP stream of \(host) sent more than \(mb) MB without a whole key frame: check the sub stream on the device.")
        }
    }
}
