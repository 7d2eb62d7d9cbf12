/// How the simulated PTZ service behaves (`vtrack-sim --ptz…`): which odd device it plays.
/// PTZ itself is on for the channels of `SimulatorConfig.ptzChannels`.
public struct SimPTZSwitches: Sendable {
    /// The profiles of PTZ channels carry a PTZ configuration, but the device offers no PTZ
    /// service (GetServices and GetCapabilities leave it out).
    public var noService = false
    /// Channels whose PTZ node has no zoom (pan and tilt only); a Zoom in a move is refused.
    public var noZoomChannels: Set<Int> = []
    /// GetStatus and GetPresets answer with namespace prefixes they never declare (`ns2:`, `ns3:`).
    public var undeclaredPrefixes = false
    /// ContinuousMove ignores its Timeout: only Stop stops the camera.
    public var ignoresTimeout = false
    /// GetStatus is not implemented (ActionNotSupported).
    public var noGetStatus = false
    /// Most presets per channel.
    public var maxPresets = 32
    /// Seconds a ContinuousMove without a Timeout lasts (the configuration's DefaultPTZTimeout).
    public var defaultTimeout: Double = 5

    public init() {}
}
