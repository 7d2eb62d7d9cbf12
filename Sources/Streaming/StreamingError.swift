import Common

/// Everything that can go wrong while talking RTSP, reading RTP or writing MP4, as one
/// sentence in Vietnamese and English that names what to check. Never carries a password:
/// URIs inside are redacted with `Redact.uri`.
public enum StreamingError: UserFacingError, Equatable {
    /// The URI is not `rtsp://host[:port]/path`.
    case invalidURL(String)
    /// The host name did not resolve.
    case hostNotFound(host: String)
    /// Nothing listens on that port (connection refused).
    case connectionRefused(host: String, port: Int)
    /// The TCP connection did not complete in time.
    case connectTimeout(host: String, port: Int, seconds: Double)
    /// The server did not answer a request in time.
    case responseTimeout(method: String, seconds: Double)
    /// The stream delivered no data for this long.
    case stalled(seconds: Double)
    /// The server closed the connection (or it dropped) before the stream ended.
    case connectionClosed
    /// 401 after trying the credentials (or none were given).
    case authenticationFailed(user: String?)
    /// 404 (or 454 on DESCRIBE): the path does not exist on the server.
    case notFound(uri: String)
    /// 551 Option not supported for `Require: onvif-replay`: the device has no ONVIF replay.
    case replayNotSupported
    /// 453 Not Enough Bandwidth: the device serves no more sessions now.
    case tooManySessions
    /// 454 Session Not Found: the session expired on the server.
    case sessionExpired
    /// Any other non-2xx status.
    case serverError(method: String, status: Int, reason: String)
    /// The server's bytes are not RTSP.
    case malformedResponse(String)
    /// The SDP has no H.264 or H.265 video.
    case noSupportedVideo(found: String)
    /// An RTP packetization mode we do not implement (interleaved H.264 modes, PACI).
    case unsupportedPacketization(String)
    /// No keyframe with parameter sets arrived, so nothing could be written.
    case noKeyframe
    /// Writing the MP4 failed (disk full, folder gone, permission).
    case fileWrite(path: String, errno: Int32)
    /// A file to recover is not a fragmented MP4 written by us (or has no complete header).
    case notRecoverable(path: String)
    /// The output path of a recording is a folder.
    case outputIsFolder(path: String)
    /// The output path holds a file that is not an MP4: it is never replaced.
    case outputNotMP4(path: String)
    /// The output path (or its `.part`) holds an earlier recording, or a link: never replaced.
    case outputExists(path: String)

    /// A URL or output path that cannot be used (exit status 64).
    public var isBadInput: Bool {
        switch self {
        case .invalidURL, .outputIsFolder, .outputNotMP4, .outputExists: return true
        default: return false
        }
    }

    public var message: Localized {
        switch self {
        case .invalidURL(let u):
            let r = Redact.uri(u)
            return Localized(vi: "Địa chỉ RTSP \"\(r)\" không hợp lệ; hãy kiểm tra nó có dạng rtsp://máy:cổng/đường-dẫn.",
                             en: "The RTSP address \"\(r)\" is not valid; check that it looks like rtsp://host:port/path.")
        case .hostNotFound(let h):
            return Localized(vi: "Không tìm thấy máy \"\(h)\"; hãy kiểm tra tên hoặc địa chỉ IP của camera/đầu ghi.",
                             en: "The host \"\(h)\" could not be found; check the camera/NVR name or IP address.")
        case .connectionRefused(let h, let p):
            return Localized(vi: "\(h) từ chối kết nối ở cổng RTSP \(p); hãy kiểm tra cổng RTSP và RTSP đã được bật trên thiết bị.",
                             en: "\(h) refused the connection on RTSP port \(p); check the RTSP port and that RTSP is enabled on the device.")
        case .connectTimeout(let h, let p, let s):
            return Localized(vi: "Không kết nối được tới \(h):\(p) trong \(Int(s)) giây; hãy kiểm tra mạng, địa chỉ và tường lửa.",
                             en: "Could not connect to \(h):\(p) within \(Int(s)) seconds; check the network, the address and any firewall.")
        case .responseTimeout(let m, let s):
            return Localized(vi: "Thiết bị không trả lời lệnh RTSP \(m) trong \(Int(s)) giây; hãy kiểm tra thiết bị còn hoạt động và mạng ổn định.",
                             en: "The device did not answer the RTSP \(m) request within \(Int(s)) seconds; check that the device is up and the network is stable.")
        case .stalled(let s):
            return Localized(vi: "Luồng video ngừng gửi dữ liệu trong \(Int(s)) giây; hãy kiểm tra mạng và tải của đầu ghi.",
                             en: "The video stream sent no data for \(Int(s)) seconds; check the network and the NVR's load.")
        case .connectionClosed:
            return Localized(vi: "Thiết bị đã đóng kết nối RTSP giữa chừng; hãy kiểm tra mạng, rồi thử lại.",
                             en: "The device closed the RTSP connection mid-stream; check the network, then try again.")
        case .authenticationFailed(let u):
            let who = u.map { "\"\($0)\"" } ?? ""
            return Localized(vi: "Thiết bị từ chối tên đăng nhập \(who) hoặc mật khẩu cho RTSP; hãy kiểm tra tài khoản và mật khẩu.",
                             en: "The device rejected the RTSP user name \(who) or password; check the account and password.")
        case .notFound(let u):
            let r = Redact.uri(u)
            return Localized(vi: "Thiết bị không có luồng \"\(r)\"; hãy kiểm tra đường dẫn RTSP (kênh, luồng chính/phụ).",
                             en: "The device has no stream at \"\(r)\"; check the RTSP path (channel, main/sub stream).")
        case .replayNotSupported:
            return Localized(vi: "Thiết bị không hỗ trợ phát lại ONVIF (Profile G) qua RTSP; hãy kiểm tra thiết bị có bật Profile G hoặc dùng đường dẫn phát lại của hãng.",
                             en: "The device does not support ONVIF replay (Profile G) over RTSP; check that Profile G is enabled or use the vendor's playback address.")
        case .tooManySessions:
            return Localized(vi: "Thiết bị đang phục vụ quá nhiều phiên phát lại (453); hãy đóng các trình xem khác hoặc giảm số camera tải cùng lúc.",
                             en: "The device is serving too many playback sessions (453); close other viewers or download fewer cameras at once.")
        case .sessionExpired:
            return Localized(vi: "Phiên RTSP đã hết hạn trên thiết bị; hãy thử lại (kết nối có thể đã bị gián đoạn quá lâu).",
                             en: "The RTSP session expired on the device; try again (the link may have been interrupted for too long).")
        case .serverError(let m, let s, let r):
            return Localized(vi: "Thiết bị trả lời lệnh RTSP \(m) bằng lỗi \(s) \(r); hãy kiểm tra đường dẫn và cấu hình luồng trên thiết bị.",
                             en: "The device answered the RTSP \(m) request with \(s) \(r); check the address and the stream settings on the device.")
        case .malformedResponse(let what):
            return Localized(vi: "Thiết bị gửi phản hồi RTSP không hợp lệ (\(what)); hãy kiểm tra địa chỉ và cổng có đúng là dịch vụ RTSP.",
                             en: "The device sent an invalid RTSP response (\(what)); check that the address and port belong to an RTSP service.")
        case .noSupportedVideo(let found):
            return Localized(vi: "Luồng không có video H.264 hoặc H.265 (thấy: \(found)); hãy chọn luồng khác hoặc đổi chuẩn nén trên thiết bị.",
                             en: "The stream has no H.264 or H.265 video (found: \(found)); pick another stream or change the codec on the device.")
        case .unsupportedPacketization(let what):
            return Localized(vi: "Thiết bị đóng gói RTP theo kiểu chưa hỗ trợ (\(what)); hãy đặt chế độ đóng gói đơn (packetization-mode 0/1) trên thiết bị.",
                             en: "The device uses an unsupported RTP packetization (\(what)); set a non-interleaved packetization mode (0 or 1) on the device.")
        case .noKeyframe:
            return Localized(vi: "Không nhận được khung hình chính (keyframe) nào từ luồng; hãy kiểm tra luồng có video và khoảng cách keyframe (GOP) trên thiết bị.",
                             en: "No keyframe arrived on the stream; check that the stream carries video and the keyframe interval (GOP) on the device.")
        case .fileWrite(let path, let e) where e == 17 || e == 40:  // EEXIST, ELOOP: something not ours is in the way
            return Localized(vi: "Đã có sẵn \"\(path)\" (một tệp hoặc liên kết tượng trưng không do VTrack tạo) nên không ghi đè: hãy chuyển nó đi chỗ khác, rồi thử lại.",
                             en: "\"\(path)\" is already there (a file or symbolic link VTrack did not make), so it is not overwritten: move it away, then try again.")
        case .fileWrite(let path, let e):
            let why: Localized
            switch e {
            case 28: why = Localized(vi: "ổ đĩa đã đầy", en: "the disk is full")
            case 13, 1: why = Localized(vi: "không có quyền ghi", en: "permission denied")
            case 30: why = Localized(vi: "ổ đĩa chỉ đọc", en: "the file system is read-only")
            case 2, 20: why = Localized(vi: "thư mục không còn tồn tại", en: "the folder no longer exists")
            case 21: why = Localized(vi: "đó là một thư mục", en: "it is a folder")
            default: why = Localized(vi: "lỗi hệ thống \(e)", en: "system error \(e)")
            }
            return Localized(vi: "Không ghi được tệp \"\(path)\" (\(why.vi)); hãy kiểm tra dung lượng trống và quyền ghi của thư mục.",
                             en: "Could not write \"\(path)\" (\(why.en)); check the free space and that the folder is writable.")
        case .notRecoverable(let path):
            return Localized(vi: "Tệp \"\(path)\" không phải MP4 phân mảnh có thể khôi phục; hãy xóa nó và tải lại khoảng thời gian đó.",
                             en: "\"\(path)\" is not a recoverable fragmented MP4; delete it and download that time range again.")
        case .outputIsFolder(let path):
            return Localized(vi: "\"\(path)\" là một thư mục: hãy cho -o một tên tệp, ví dụ \(path)/ghi-hinh.mp4.",
                             en: "\"\(path)\" is a folder: give -o a file name, for example \(path)/recording.mp4.")
        case .outputNotMP4(let path):
            return Localized(vi: "Đã có tệp \"\(path)\" và nó không phải MP4, nên không ghi đè: hãy chọn tên khác cho -o.",
                             en: "\"\(path)\" already exists and is not an MP4 file, so it is not replaced: choose another name for -o.")
        case .outputExists(let path):
            return Localized(vi: "Đã có \"\(path)\" (một bản ghi trước, hoặc một liên kết), nên không ghi đè: hãy chọn tên khác cho -o, hoặc tự xoá nó trước.",
                             en: "\"\(path)\" already exists (an earlier recording, or a link), so it is not replaced: choose another name for -o, or delete it first.")
        }
    }
}
