import Common

/// What can go wrong steering a camera that the device's own errors (`ONVIFError`: login,
/// network, faults) do not already say: one sentence in Vietnamese and English.
public enum PTZError: UserFacingError, Equatable {
    /// The camera (or its device) has no PTZ.
    case noPTZ
    /// The camera's PTZ cannot do this.
    case cannot(PTZAbility)
    /// The camera does not answer GetStatus.
    case noStatus
    /// No preset with this token or name.
    case presetNotFound(String)
    /// The camera keeps no more presets.
    case presetsFull(max: Int)
    /// Another preset has this name.
    case presetNameTaken(String)
    /// A preset needs a name.
    case emptyPresetName

    /// What a camera's PTZ may be unable to do.
    public enum PTZAbility: String, Sendable, Equatable {
        case panTilt, zoom, continuousMove, relativeMove, absoluteMove, home, presets
    }

    public var message: Localized {
        switch self {
        case .noPTZ:
            return Localized(vi: "Camera này không có PTZ (xoay, nghiêng, phóng to).", en: "This camera has no PTZ (pan, tilt, zoom).")
        case .cannot(let ability):
            let (vi, en): (String, String)
            switch ability {
            case .panTilt: (vi, en) = ("xoay hay nghiêng", "pan or tilt")
            case .zoom: (vi, en) = ("phóng to, thu nhỏ", "zoom")
            case .continuousMove: (vi, en) = ("di chuyển liên tục (ContinuousMove)", "move continuously (ContinuousMove)")
            case .relativeMove: (vi, en) = ("di chuyển từng bước (RelativeMove)", "move by a step (RelativeMove)")
            case .absoluteMove: (vi, en) = ("đi tới một vị trí (AbsoluteMove)", "move to a position (AbsoluteMove)")
            case .home: (vi, en) = ("dùng vị trí gốc (home)", "use a home position")
            case .presets: (vi, en) = ("lưu vị trí đặt sẵn (preset)", "keep presets")
            }
            return Localized(vi: "PTZ của camera này không thể \(vi).", en: "This camera's PTZ cannot \(en).")
        case .noStatus:
            return Localized(vi: "Camera này không cho biết vị trí PTZ của nó (không hỗ trợ GetStatus).",
                             en: "This camera does not report its PTZ position (it has no GetStatus).")
        case .presetNotFound(let name):
            return Localized(vi: "Camera không có vị trí đặt sẵn “\(name)”: hãy xem danh sách preset rồi thử lại.",
                             en: "The camera has no preset “\(name)”: list its presets, then try again.")
        case .presetsFull(let max):
            return Localized(vi: "Camera đã đầy vị trí đặt sẵn (tối đa \(max)): hãy xóa bớt một preset trước.",
                             en: "The camera's presets are full (at most \(max)): remove one first.")
        case .presetNameTaken(let name):
            return Localized(vi: "Camera đã có một preset tên “\(name)”: hãy chọn tên khác.",
                             en: "The camera already has a preset named “\(name)”: choose another name.")
        case .emptyPresetName:
            return Localized(vi: "Preset cần có tên.", en: "A preset needs a name.")
        }
    }

    public var isBadInput: Bool {
        switch self {
        case .emptyPresetName, .presetNotFound, .presetNameTaken: return true
        default: return false
        }
    }
}
