import Foundation
import Common

/// Everything that can go wrong when talking to an ONVIF device, as the user should read it.
///
/// Each case renders as one sentence in Vietnamese and English that names what to check
/// (`description` follows `Language.current`). No case ever carries a password: texts that come
/// from a device or from libcurl are redacted before they are stored here.
public enum ONVIFError: UserFacingError, Equatable {
    /// The text typed as a device address cannot be used.
    case invalidAddress(String)
    /// The address names a port outside 1…65535 (`address` is shown with any password redacted).
    case portOutOfRange(address: String, port: String)
    /// No route to the host, or its name does not resolve.
    case unreachable(host: String, detail: String)
    /// An IPv6 link-local address (`fe80::…`) without the interface it is on (`%eth0`): it cannot
    /// be connected to (field quirk C5).
    case linkLocalWithoutZone(host: String)
    /// The host answered but nothing listens on that port.
    case connectionRefused(host: String, port: Int)
    /// No answer within the connect or request timeout.
    case timeout(host: String, seconds: Double)
    /// The device's TLS certificate was refused.
    case tlsCertificate(host: String, detail: String)
    /// Something answered, but not as an ONVIF device (HTML page, HTTP 404, …).
    case notONVIF(host: String, detail: String)
    /// The device refused the user name or password. `deviceReason` is the device's own text, if any.
    case wrongCredentials(user: String, deviceReason: String?)
    /// The device needs a user name and password and none was given.
    case credentialsRequired(host: String)
    /// The device answered with an empty page where a SOAP answer was expected, even as SOAP 1.1.
    case emptyAnswer(host: String, action: String)
    /// The device refuses WS-Security logins because its clock differs from ours.
    /// `offsetSeconds` is device minus local time, when the device told it.
    case clockFarOff(offsetSeconds: Double?)
    /// The device locked the account; `reason` is its own text.
    case accountLocked(reason: String)
    /// The device does not offer this service or operation.
    case serviceNotSupported(service: String)
    /// The answer could not be read as the expected SOAP message.
    case malformedAnswer(action: String, detail: String)
    /// The device answered with a SOAP fault that is not about logins or support.
    case deviceFault(action: String, code: String, reason: String)
    /// Any other transport failure (connection dropped, …).
    case network(host: String, detail: String)

    public var message: Localized {
        switch self {
        case .invalidAddress(let text):
            return Localized(
                vi: "“\(text)” không phải là địa chỉ thiết bị: hãy nhập HOST hoặc HOST:PORT, ví dụ 192.168.1.64:80.",
                en: "“\(text)” is not a device address: type HOST or HOST:PORT, for example 192.168.1.64:80.")
        case .portOutOfRange(let address, let port):
            return Localized(
                vi: "Cổng \(port) trong “\(address)” nằm ngoài khoảng cho phép: cổng là số từ 1 đến 65535, ví dụ 192.168.1.64:80.",
                en: "The port \(port) in “\(address)” is out of range: a port is a number from 1 to 65535, for example 192.168.1.64:80.")
        case .unreachable(let host, let detail):
            return Localized(
                vi: "Không kết nối được tới \(host) (\(detail)): hãy kiểm tra địa chỉ, cáp mạng và nguồn điện của thiết bị.",
                en: "Cannot reach \(host) (\(detail)): check the address, the network cable and that the device is powered on.")
        case .linkLocalWithoutZone(let host):
            return Localized(
                vi: "\(host) là địa chỉ IPv6 link-local nên cần kèm giao diện mạng của nó: hãy nhập dạng [\(host)%eth0]:PORT (xem tên giao diện bằng lệnh `ip addr`).",
                en: "\(host) is a link-local IPv6 address, which needs the network interface it is on: type it as [\(host)%eth0]:PORT (see `ip addr` for the interface name).")
        case .connectionRefused(let host, let port):
            return Localized(
                vi: "\(host) từ chối kết nối ở cổng \(port): ONVIF đã được bật trên thiết bị chưa, và đây có đúng là cổng ONVIF (thường là 80, 8000, 8080 hoặc 2020) không?",
                en: "\(host) refused the connection on port \(port): is ONVIF enabled on the device, and is this its ONVIF port (often 80, 8000, 8080 or 2020)?")
        case .timeout(let host, let seconds):
            let s = Self.seconds(seconds)
            return Localized(
                vi: "\(host) không trả lời trong \(s) giây: hãy kiểm tra địa chỉ, mạng, và thiết bị có đang quá tải không.",
                en: "\(host) did not answer within \(s) s: check the address, the network, and that the device is not overloaded.")
        case .tlsCertificate(let host, let detail):
            return Localized(
                vi: "Chứng chỉ TLS của \(host) bị từ chối (\(detail)): hãy kiểm tra địa chỉ, hoặc cho phép chứng chỉ tự ký bằng tùy chọn insecure.",
                en: "The TLS certificate of \(host) was refused (\(detail)): check the address, or allow self-signed certificates with the insecure option.")
        case .notONVIF(let host, let detail):
            return Localized(
                vi: "\(host) có trả lời nhưng không phải như một thiết bị ONVIF (\(detail)): hãy kiểm tra cổng, đường dẫn và ONVIF đã được bật chưa.",
                en: "\(host) answered, but not as an ONVIF device (\(detail)): check the port, the path and that ONVIF is enabled.")
        case .wrongCredentials(let user, let reason):
            let said = reason.map { " (thiết bị báo: “\($0)”)" } ?? ""
            let saidEn = reason.map { " (the device says: “\($0)”)" } ?? ""
            return Localized(
                vi: "Thiết bị từ chối người dùng “\(user)” và mật khẩu\(said): hãy kiểm tra lại cả hai (một số thiết bị cần tạo riêng một người dùng ONVIF).",
                en: "The device refused user “\(user)” and its password\(saidEn): check both (some devices need a separate ONVIF user).")
        case .credentialsRequired(let host):
            return Localized(
                vi: "\(host) yêu cầu đăng nhập: hãy nhập người dùng và mật khẩu ONVIF của thiết bị.",
                en: "\(host) requires a login: give the device's ONVIF user name and password.")
        case .emptyAnswer(let host, let action):
            return Localized(
                vi: "\(host) trả lời \(action) bằng một trang rỗng, thường là do đăng nhập bị từ chối: hãy kiểm tra người dùng và mật khẩu, và chế độ xác thực ONVIF của thiết bị.",
                en: "\(host) answered \(action) with an empty page, which usually means the login was refused: check the user name, the password and the device's ONVIF authentication mode.")
        case .clockFarOff(let offset):
            if let o = offset {
                let d = Self.duration(o, vi: true), e = Self.duration(o, vi: false)
                return Localized(
                    vi: "Đồng hồ của thiết bị lệch khoảng \(d) so với máy này nên thiết bị từ chối đăng nhập: hãy chỉnh ngày giờ (hoặc NTP) của thiết bị rồi thử lại.",
                    en: "The device clock is off by about \(e) from this computer's, so it refuses the login: set the device's date and time (or NTP), then try again.")
            }
            return Localized(
                vi: "Thiết bị từ chối đăng nhập vì đồng hồ của nó lệch so với máy này, và nó không cho biết giờ khi chưa đăng nhập: hãy chỉnh ngày giờ (hoặc NTP) của thiết bị rồi thử lại.",
                en: "The device refuses the login because its clock differs from this computer's, and it will not tell its time before a login: set the device's date and time (or NTP), then try again.")
        case .accountLocked(let reason):
            return Localized(
                vi: "Thiết bị đã khóa tài khoản (thiết bị báo: “\(reason)”): hãy chờ mở khóa hoặc mở khóa trên trang web của thiết bị, rồi kiểm tra lại mật khẩu.",
                en: "The device has locked the account (it says: “\(reason)”): wait for it to unlock or unlock it in the device's web page, then check the password.")
        case .serviceNotSupported(let service):
            return Localized(
                vi: "Thiết bị không cung cấp dịch vụ ONVIF \(service): hãy kiểm tra thiết bị có hỗ trợ và đã bật dịch vụ này chưa.",
                en: "The device does not offer the ONVIF \(service) service: check that the device supports it and that it is enabled.")
        case .malformedAnswer(let action, let detail):
            return Localized(
                vi: "Không đọc được câu trả lời của thiết bị cho \(action) (\(detail)): hãy thử lại, hoặc kiểm tra firmware của thiết bị.",
                en: "The device's answer to \(action) could not be read (\(detail)): try again, or check the device's firmware.")
        case .deviceFault(let action, let code, let reason):
            let c = code.isEmpty ? "" : " [\(code)]"
            return Localized(
                vi: "Thiết bị từ chối \(action)\(c): “\(reason)”; hãy kiểm tra cài đặt của thiết bị cho chức năng này.",
                en: "The device refused \(action)\(c): “\(reason)”; check the device's settings for this function.")
        case .network(let host, let detail):
            return Localized(
                vi: "Giao tiếp với \(host) bị lỗi (\(detail)): hãy kiểm tra mạng và thiết bị, rồi thử lại.",
                en: "Talking to \(host) failed (\(detail)): check the network and the device, then try again.")
        }
    }

    /// True for the errors that mean the device refused our login (the ones that count as a bad attempt).
    public var isAuthenticationFailure: Bool {
        switch self {
        case .wrongCredentials, .credentialsRequired, .clockFarOff, .accountLocked, .emptyAnswer: return true
        default: return false
        }
    }

    /// True for the errors that mean we could not talk to an ONVIF device at this address at
    /// all: the address is unusable, the network or the device did not answer, the TLS
    /// certificate was refused, or what answered is not ONVIF. Nothing else asked of the same
    /// device can work either, so a probe or a report ends on them.
    public var isBadInput: Bool {
        switch self {
        case .invalidAddress, .portOutOfRange: return true
        default: return false
        }
    }

    public var isConnectionFailure: Bool {
        switch self {
        case .invalidAddress, .portOutOfRange, .unreachable, .linkLocalWithoutZone, .connectionRefused, .timeout, .tlsCertificate, .network, .notONVIF:
            return true
        default:
            return false
        }
    }

    /// True for the connection failures that may pass by themselves — the device did not answer
    /// (unreachable, refused, timed out, the link dropped) — so trying again later can work.
    /// The others (a bad or link-local address, a refused certificate, not ONVIF) need the user
    /// to change something first.
    public var isTransientConnectionFailure: Bool {
        switch self {
        case .unreachable, .connectionRefused, .timeout, .network: return true
        default: return false
        }
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s)
    }

    /// `3 h 2 min`, `180 days`, `25 s` — a rough, readable size of a clock offset.
    static func duration(_ seconds: Double, vi: Bool) -> String {
        let a = abs(seconds)
        let sign = seconds < 0 ? (vi ? " (chậm hơn)" : " (behind)") : (vi ? " (nhanh hơn)" : " (ahead)")
        if a >= 2 * 86_400 { return "\(Int((a / 86_400).rounded())) \(vi ? "ngày" : "days")" + sign }
        if a >= 3600 {
            // to the nearest minute: a measured offset of 10 798 s reads "3 h", not "2 h 59 min"
            let minutes = Int((a / 60).rounded()), h = minutes / 60, m = minutes % 60
            return (m == 0 ? "\(h) h" : "\(h) h \(m) min") + sign
        }
        if a >= 60 { return "\(Int((a / 60).rounded())) min" + sign }
        return "\(Int(a.rounded())) s" + sign
    }
}
