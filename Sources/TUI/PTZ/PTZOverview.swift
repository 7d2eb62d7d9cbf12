import Core

/// What the app learns of a camera's PTZ when its preview opens: its abilities, its presets and
/// where it points (nil when the camera does not say).
public struct PTZOverview: Sendable, Equatable {
    public var capabilities: PTZCapabilities
    public var presets: [PTZPreset]
    public var status: PTZStatus?

    public init(capabilities: PTZCapabilities, presets: [PTZPreset] = [], status: PTZStatus? = nil) {
        self.capabilities = capabilities; self.presets = presets; self.status = status
    }
}
