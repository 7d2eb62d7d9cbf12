import Common
import Core

/// The sentences and labels of the preview's PTZ controls, in Vietnamese and English.
enum PTZText {
    static let asking = Localized(vi: "Đang hỏi camera có PTZ không; hãy đợi một chút.",
                                  en: "Asking the camera about PTZ; wait a moment.")
    static let noPTZ = Localized(vi: "Camera này không có PTZ (không quay, nghiêng, zoom được).",
                                 en: "This camera has no PTZ (it cannot pan, tilt or zoom).")
    static let noPanTilt = Localized(vi: "Camera này không quay, nghiêng liên tục được.", en: "This camera cannot pan or tilt continuously.")
    static let noZoom = Localized(vi: "Camera này không zoom được.", en: "This camera has no zoom.")
    static let noHome = Localized(vi: "Camera này không có vị trí gốc (home).", en: "This camera has no home position.")
    static let noPresets = Localized(vi: "Camera này chưa có điểm đặt sẵn nào; nhấn s để lưu góc nhìn hiện tại.",
                                     en: "This camera has no preset yet; press s to save the current view as one.")
    static let slowest = Localized(vi: "Đã ở tốc độ chậm nhất (1).", en: "Already at the lowest speed (1).")
    static let fastest = Localized(vi: "Đã ở tốc độ nhanh nhất (\(PTZState.maxSpeed)).", en: "Already at the highest speed (\(PTZState.maxSpeed)).")
    static let needName = Localized(vi: "Hãy gõ tên cho điểm đặt sẵn (hoặc Esc để thôi).", en: "Type a name for the preset (or Esc to cancel).")
    static let stopped = Localized(vi: "Đã dừng camera.", en: "Camera stopped.")

    static func noSuchPreset(_ n: Int, count: Int) -> Localized {
        Localized(vi: "Không có điểm đặt sẵn số \(n): camera có \(count) điểm (danh sách dưới ảnh).",
                  en: "There is no preset \(n): the camera has \(count) (listed under the picture).")
    }
    static func goingTo(_ n: Int, _ name: String) -> Localized {
        Localized(vi: "Đang đến điểm đặt sẵn \(n) “\(name)”.", en: "Going to preset \(n) “\(name)”.")
    }
    static let goingHome = Localized(vi: "Đang về vị trí gốc.", en: "Going to the home position.")
    static func saved(_ name: String) -> Localized {
        Localized(vi: "Đã lưu điểm đặt sẵn “\(name)”.", en: "Preset “\(name)” saved.")
    }
    static func speed(_ n: Int) -> Localized {
        Localized(vi: "Tốc độ PTZ \(n)/\(PTZState.maxSpeed).", en: "PTZ speed \(n)/\(PTZState.maxSpeed).")
    }

    // MARK: The status lines under the picture

    static let label = "PTZ"
    static let askingShort = Localized(vi: "đang hỏi…", en: "asking…")
    static let noneShort = Localized(vi: "không có PTZ", en: "no PTZ")
    static let moving = Localized(vi: "đang quay", en: "moving")
    static let still = Localized(vi: "đứng yên", en: "still")
    static let positionUnknown = Localized(vi: "vị trí: camera không báo", en: "position: not reported")
    static func speedShort(_ n: Int) -> Localized {
        Localized(vi: "tốc độ \(n)/\(PTZState.maxSpeed)", en: "speed \(n)/\(PTZState.maxSpeed)")
    }
    static let presetsLabel = Localized(vi: "Điểm đặt sẵn:", en: "Presets:")
    static let noPresetsShort = Localized(vi: "Điểm đặt sẵn: chưa có (s lưu góc nhìn này)", en: "Presets: none yet (s saves this view)")
    static let namePrompt = Localized(vi: "Tên điểm đặt sẵn mới:", en: "New preset name:")
    static let nameHint = Localized(vi: "Enter lưu · Esc thôi", en: "Enter saves · Esc cancels")

    /// `pan +0.25  tilt -0.10  zoom 0.40` (the axes the camera reports).
    static func position(_ s: PTZStatus, lang: Language) -> String {
        var parts: [String] = []
        let names = lang == .vi ? ("quay", "nghiêng", "zoom") : ("pan", "tilt", "zoom")
        if let p = s.pan { parts.append("\(names.0) \(signed(p))") }
        if let t = s.tilt { parts.append("\(names.1) \(signed(t))") }
        if let z = s.zoom { parts.append("\(names.2) \(String(format: "%.2f", z))") }
        return parts.joined(separator: "  ")
    }

    /// `+0.25`, `-0.10`, `+0.00`.
    static func signed(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return (r < 0 ? "-" : "+") + String(format: "%.2f", abs(r))
    }
}
