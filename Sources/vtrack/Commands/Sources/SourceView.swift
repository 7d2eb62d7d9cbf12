import Common
import Core
import Foundation

/// A source as `sources list/show --json` print it (never a password).
struct SourceView: Encodable {
    var id: Int64
    var name: String
    var sourceType: String
    var host: String
    var port: Int?
    var username: String
    var active: Bool
    var createdAt: String
    var hasPassword: Bool
    var folder: String?
    var cameraCount: Int
    var selectedCameras: [String]
    var device: DeviceInfo?
    /// Only in `show`.
    var detectedCameras: [Camera]?
    /// Only in `show`: camera key → folder, from processing_config.
    var cameraPaths: [String: String]?

    init(_ s: VideoSource, detailed: Bool, cameraPaths: [String: String]? = nil) {
        id = s.id; name = s.name; sourceType = s.sourceType; host = s.host; port = s.config.port
        username = s.config.username; active = s.active; createdAt = s.createdAt; hasPassword = s.hasPassword
        folder = s.config.folder; cameraCount = s.config.detectedCameras.count
        selectedCameras = s.config.selectedCameraRecords.map(\.key); device = s.config.device
        detectedCameras = detailed ? s.config.detectedCameras : nil
        self.cameraPaths = cameraPaths
    }

    enum CodingKeys: String, CodingKey {
        case id, name, sourceType = "source_type", host, port, username, active, createdAt = "created_at"
        case hasPassword = "has_password", folder, cameraCount = "camera_count", selectedCameras = "selected_cameras", device
        case detectedCameras = "detected_cameras", cameraPaths = "camera_paths"
    }

    /// The camera paths of one source inside processing_config (keys may be `<source>/<camera>`).
    static func cameraPaths(of source: VideoSource, in config: ProcessingConfig) -> [String: String] {
        var out: [String: String] = [:]
        for key in source.config.selectedCameraRecords.map(\.key) {
            if let p = config.cameraPaths["\(source.name)/\(key)"] ?? config.cameraPaths[key] { out[key] = p }
        }
        return out
    }
}

/// Text output of the sources commands.
enum SourceReport {
    static func address(_ s: VideoSource) -> String {
        let host = s.host.contains(":") ? "[\(s.host)]" : s.host
        return s.config.port.map { "\(host):\($0)" } ?? host
    }

    static func list(_ sources: [VideoSource]) -> String {
        if sources.isEmpty {
            return Localized(vi: "Chưa có nguồn nào. Thêm bằng: vtrack sources add TÊN --host ĐỊA_CHỈ --user NGƯỜI_DÙNG --password-stdin\n",
                             en: "No sources yet. Add one with: vtrack sources add NAME --host ADDRESS --user USER --password-stdin\n").text()
        }
        let w = max(6, sources.map { CLI.width($0.name) }.max() ?? 0) + 1
        var out = CLI.pad(Localized(vi: "TÊN", en: "NAME").text(), w) + CLI.pad(Localized(vi: "ĐỊA CHỈ", en: "ADDRESS").text(), 24)
            + CLI.pad(Localized(vi: "LOẠI", en: "TYPE").text(), 8) + CLI.pad("CAMERA", 14) + CLI.pad(Localized(vi: "MẬT KHẨU", en: "PASSWORD").text(), 10) + Localized(vi: "HOẠT ĐỘNG", en: "ACTIVE").text() + "\n"
        for s in sources {
            let cams = "\(s.config.selectedCameraRecords.count)/\(s.config.detectedCameras.count)"
            out += CLI.pad(s.name, w) + CLI.pad(address(s), 24) + CLI.pad(s.sourceType, 8) + CLI.pad(cams, 14)
                + CLI.pad(s.hasPassword ? Localized(vi: "đã lưu", en: "saved").text() : "—", 10) + (s.active ? Localized(vi: "có", en: "yes").text() : Localized(vi: "không", en: "no").text()) + "\n"
        }
        return out
    }

    static func show(_ s: VideoSource, paths: [String: String]) -> String {
        var out = "\(Localized(vi: "Nguồn", en: "Source").text()) \(CLI.shown(s.name)) (id \(s.id), \(s.sourceType), \(s.active ? Localized(vi: "đang dùng", en: "active").text() : Localized(vi: "tạm tắt", en: "inactive").text()))\n"
        out += "  \(CLI.pad(Localized(vi: "Địa chỉ:", en: "Address:").text(), 12))\(address(s))  \(Localized(vi: "người dùng", en: "user").text()) \(s.config.username.isEmpty ? "—" : s.config.username)  "
            + "\(Localized(vi: "mật khẩu", en: "password").text()) \(s.hasPassword ? Localized(vi: "đã lưu (mã hóa)", en: "saved (encrypted)").text() : Localized(vi: "chưa có", en: "none").text())\n"
        if let d = s.config.device {
            let fw = d.firmwareVersion.isEmpty ? "" : " (firmware \(d.firmwareVersion))"
            out += "  \(CLI.pad(Localized(vi: "Thiết bị:", en: "Device:").text(), 12))\([d.manufacturer, d.model].filter { !$0.isEmpty }.joined(separator: " "))\(fw)\n"
        }
        out += "  \(CLI.pad(Localized(vi: "Thêm lúc:", en: "Added:").text(), 12))\(s.createdAt)\n"
        let records = s.config.selectedCameraRecords
        let keys = CameraKeys.keys(for: s.config.detectedCameras)
        let chosen = Set(records.map(\.key))
        out += "  \(Localized(vi: "Camera", en: "Cameras").text()) (\(records.count)/\(s.config.detectedCameras.count) \(Localized(vi: "được chọn", en: "selected").text())):\n"
        let w = max(8, keys.map { CLI.width($0) }.max() ?? 0) + 1
        for (key, cam) in zip(keys, s.config.detectedCameras) {
            let mark = chosen.contains(key) ? "[x]" : "[ ]"
            var line = "    \(mark) \(CLI.pad(key, w))\(CLI.pad(cam.codec, 6))\(CLI.pad(cam.resolution.isEmpty ? "—" : cam.resolution, 11))"
            if let p = paths[key] { line += p } else { line += Redact.uri(cam.streamURL) }
            out += line + "\n"
        }
        return out
    }
}
