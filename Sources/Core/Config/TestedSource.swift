import Foundation
import Common

/// A source the engine has just connected to: what the technician typed and what the device said.
public struct TestedSource: Sendable, Equatable {
    /// The source's name (unique; also its folder name under the video root).
    public var name: String
    public var host: String
    /// ONVIF HTTP port; nil for the default (80).
    public var port: Int?
    public var username: String
    /// The password to save; nil keeps the one already saved.
    public var password: String?
    public var device: DeviceInfo
    /// Every camera (channel) found, in the device's order.
    public var cameras: [Camera]
    /// `nvr` or `camera`; nil decides from the number of cameras.
    public var sourceType: String?

    public init(name: String, host: String, port: Int? = nil, username: String, password: String?,
                device: DeviceInfo = DeviceInfo(), cameras: [Camera], sourceType: String? = nil) {
        self.name = name; self.host = host; self.port = port; self.username = username; self.password = password
        self.device = device; self.cameras = cameras; self.sourceType = sourceType
    }
}

/// Which cameras of a source to use.
public enum CameraChoice: Sendable, Equatable {
    /// Every camera found.
    case all
    /// None (the source is kept, no folders are made for it).
    case none
    /// Keep the saved selection of the cameras that still exist (all, for a new source).
    case keep
    /// These camera keys or names (matched without regard to case).
    case names([String])

    /// Parses `all`, `none` or `NAME,NAME` (as `--select` / `--cameras` take it).
    public static func parse(_ text: String) -> CameraChoice {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch t.lowercased() {
        case "all", "*": return .all
        case "none", "": return .none
        default: return .names(t.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
    }
}
