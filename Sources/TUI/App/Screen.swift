import Common

/// The five screens of the technician's workflow, in order.
public enum Screen: Int, CaseIterable, Sendable {
    case sources, form, cameras, dates, downloads

    public var title: Localized {
        switch self {
        case .sources: return Localized(vi: "Thiết bị & nguồn", en: "Devices & sources")
        case .form: return Localized(vi: "Nguồn", en: "Source")
        case .cameras: return Localized(vi: "Camera", en: "Cameras")
        case .dates: return Localized(vi: "Ngày", en: "Dates")
        case .downloads: return Localized(vi: "Tải về", en: "Downloads")
        }
    }

    /// The focus order (Tab / Shift-Tab) on this screen.
    public var focusOrder: [Focus] {
        switch self {
        case .sources: return [.savedList, .foundList, .log]
        case .form: return FormField.allCases.map(Focus.formField) + [.log]
        case .cameras: return [.cameraGrid, .log]
        case .dates: return [.calendar, .startTime, .endTime, .log]
        case .downloads: return [.downloadList, .log]
        }
    }
}

/// Which pane or field receives keys.
public enum Focus: Hashable, Sendable {
    case savedList, foundList
    case formField(FormField)
    case cameraGrid
    case calendar, startTime, endTime
    case downloadList
    case log
}

/// The source form's fields, in order.
public enum FormField: Int, CaseIterable, Sendable {
    case protocolKind, address, port, user, password, name, videoRoot, testButton

    public var label: Localized {
        switch self {
        case .protocolKind: return Localized(vi: "Giao thức", en: "Protocol")
        case .address: return Localized(vi: "Địa chỉ", en: "Address")
        case .port: return Localized(vi: "Cổng", en: "Port")
        case .user: return Localized(vi: "Người dùng", en: "User")
        case .password: return Localized(vi: "Mật khẩu", en: "Password")
        case .name: return Localized(vi: "Tên nguồn", en: "Source name")
        case .videoRoot: return Localized(vi: "Thư mục gốc", en: "Video root")
        case .testButton: return Localized(vi: "Kiểm tra kết nối", en: "Test connection")
        }
    }

    /// A text field (keys type into it).
    public var isText: Bool { self != .protocolKind && self != .testButton }
}

/// A dialog over the screen. While one is open, only its keys work.
public enum Modal: Sendable, Equatable {
    case help
    case confirmQuit
    /// Cancel one camera's download, or all (nil).
    /// Cancel one camera of a job, a whole job (camera nil), or every job (both nil).
    case confirmCancel(job: Int64?, camera: String?)
    case confirmDownload
    /// The folders made by a save, with free space and problems.
    case saveReport
}

/// A one-line message in the status bar until the next key (a disabled key's reason, a hint).
public struct Notice: Sendable, Equatable {
    public var text: Localized
    public var level: LogLine.Level
    public init(_ text: Localized, level: LogLine.Level = .warning) { self.text = text; self.level = level }
}

/// Whether something the engine loads has arrived.
public enum LoadStatus: Sendable, Equatable {
    case idle, loading, loaded
    case failed(Localized)
}
