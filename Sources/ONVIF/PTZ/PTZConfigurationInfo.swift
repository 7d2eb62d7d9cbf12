/// A PTZ configuration (GetConfigurations, or the one a media profile carries): which node it
/// drives, its default Timeout and its limits.
public struct PTZConfigurationInfo: Sendable, Equatable {
    public var token: String
    public var name: String
    public var nodeToken: String?
    /// DefaultPTZTimeout, seconds.
    public var defaultTimeout: Double?
    /// PanTiltLimits / ZoomLimits in the generic space, when given.
    public var panLimits: ClosedRange<Double>?
    public var tiltLimits: ClosedRange<Double>?
    public var zoomLimits: ClosedRange<Double>?

    public init(token: String, name: String = "", nodeToken: String? = nil, defaultTimeout: Double? = nil,
                panLimits: ClosedRange<Double>? = nil, tiltLimits: ClosedRange<Double>? = nil, zoomLimits: ClosedRange<Double>? = nil) {
        self.token = token; self.name = name; self.nodeToken = nodeToken; self.defaultTimeout = defaultTimeout
        self.panLimits = panLimits; self.tiltLimits = tiltLimits; self.zoomLimits = zoomLimits
    }
}
