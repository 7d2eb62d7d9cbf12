import Common

/// Why a camera's snapshot (its ONVIF snapshot URI, an HTTP GET) gave no picture: one sentence
/// in Vietnamese and English. Never carries a password: addresses are shown as `host:port`.
public enum SnapshotError: UserFacingError, Equatable {
    /// 401 after the login was tried (or the device wants a login and none was given).
    case loginRefused(host: String, user: String?)
    /// 403: the user may not take snapshots.
    case forbidden(host: String)
    /// 404: nothing at the snapshot address.
    case notFound(host: String)
    /// 200 with an HTML page (a web login page) instead of a picture.
    case webPage(host: String)
    /// 200 with something that is neither JPEG nor PNG (an empty body, text, …).
    case notAPicture(host: String, bytes: Int)
    /// The body went past the size cap; the transfer was stopped there.
    case tooLarge(host: String, limitBytes: Int)
    /// No answer (or not the whole picture) within the timeout.
    case timeout(host: String, seconds: Double)
    /// Nothing listens on that port.
    case connectionRefused(host: String)
    /// The host does not resolve or cannot be reached.
    case unreachable(host: String)
    /// Any other HTTP status.
    case status(host: String, code: Int)
    /// The snapshot URI is not an http(s) address.
    case invalidURI(String)
    /// Any other transport failure (TLS, connection dropped); `detail` is libcurl's text, redacted.
    case network(host: String, detail: String)

    public var message: Localized {
        switch self {
        case .loginRefused(let host, let user):
            let who = user.map { " “\($0)”" } ?? ""
            return Localized(
                vi: "Thiết bị \(host) từ chối đăng nhập\(who) để lấy ảnh chụp: hãy kiểm tra tên đăng nhập và mật khẩu (ảnh chụp có thể cần tài khoản web riêng).",
                en: "The device \(host) refused the snapshot login\(who): check the user name and password (the snapshot may need its own web account).")
        case .forbidden(let host):
            return Localized(
                vi: "Thiết bị \(host) không cho tài khoản này lấy ảnh chụp (403): hãy cấp quyền xem cho tài khoản trên thiết bị.",
                en: "The device \(host) does not let this account take snapshots (403): give the account viewing rights on the device.")
        case .notFound(let host):
            return Localized(
                vi: "Thiết bị \(host) không có ảnh chụp ở địa chỉ này (404): hãy kiểm tra chức năng ảnh chụp đã bật trên thiết bị.",
                en: "The device \(host) has no snapshot at this address (404): check that snapshots are enabled on the device.")
        case .webPage(let host):
            return Localized(
                vi: "Thiết bị \(host) trả lời ảnh chụp bằng một trang web, không phải ảnh: thường là trang đăng nhập — hãy kiểm tra tài khoản hoặc bật ảnh chụp ONVIF.",
                en: "The device \(host) answered the snapshot with a web page, not a picture: usually a login page — check the account or enable ONVIF snapshots.")
        case .notAPicture(let host, let bytes):
            return Localized(
                vi: "Thiết bị \(host) trả lời ảnh chụp bằng \(bytes) byte không phải ảnh JPEG/PNG: hãy kiểm tra cấu hình ảnh chụp trên thiết bị.",
                en: "The device \(host) answered the snapshot with \(bytes) bytes that are not a JPEG/PNG picture: check the snapshot settings on the device.")
        case .tooLarge(let host, let limit):
            let size = Self.size(limit)
            return Localized(
                vi: "Ảnh chụp của \(host) lớn hơn \(size) nên đã dừng tải: hãy giảm độ phân giải ảnh chụp trên thiết bị.",
                en: "The snapshot of \(host) is larger than \(size), so it was not taken: lower the snapshot resolution on the device.")
        case .timeout(let host, let s):
            let n = Self.number(s)
            return Localized(
                vi: "Thiết bị \(host) không gửi ảnh chụp trong \(n) giây: hãy kiểm tra thiết bị còn hoạt động và mạng ổn định.",
                en: "The device \(host) did not send the snapshot within \(n) seconds: check that the device is up and the network is stable.")
        case .connectionRefused(let host):
            return Localized(
                vi: "\(host) từ chối kết nối tới địa chỉ ảnh chụp: hãy kiểm tra cổng web của thiết bị.",
                en: "\(host) refused the connection to the snapshot address: check the device's web port.")
        case .unreachable(let host):
            return Localized(
                vi: "Không kết nối được tới \(host) để lấy ảnh chụp: hãy kiểm tra địa chỉ và mạng.",
                en: "Cannot reach \(host) for the snapshot: check the address and the network.")
        case .status(let host, let code):
            return Localized(
                vi: "Thiết bị \(host) trả lời ảnh chụp bằng lỗi HTTP \(code): hãy kiểm tra chức năng ảnh chụp trên thiết bị.",
                en: "The device \(host) answered the snapshot with HTTP \(code): check the snapshot function on the device.")
        case .invalidURI(let uri):
            let shown = Redact.uri(uri)
            return Localized(
                vi: "Địa chỉ ảnh chụp “\(shown)” không phải địa chỉ http(s): thiết bị báo sai địa chỉ ảnh chụp.",
                en: "The snapshot address “\(shown)” is not an http(s) address: the device reports a wrong snapshot address.")
        case .network(let host, let detail):
            return Localized(
                vi: "Lỗi mạng khi lấy ảnh chụp từ \(host) (\(detail)): hãy thử lại.",
                en: "A network error while taking the snapshot from \(host) (\(detail)): try again.")
        }
    }

    /// `5`, or `0.5` under ten seconds with a fraction.
    static func number(_ seconds: Double) -> String {
        seconds < 10 && seconds != seconds.rounded() ? String(format: "%.1f", seconds) : String(Int(seconds))
    }

    /// `8 MB` for whole mebibytes (how caps are set), else `Format.bytes`.
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : Format.bytes(Int64(bytes))
    }
}
