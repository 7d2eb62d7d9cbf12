/// A PTZ node (GetNodes): which spaces it supports, their ranges, presets and home.
/// Missing elements leave a field at its "not offered" value; parsing never fails on them.
public struct PTZNodeInfo: Sendable, Equatable {
    public var token: String
    public var name: String
    /// A pan/tilt space of any kind is offered.
    public var panTilt: Bool
    /// A zoom space of any kind is offered.
    public var zoom: Bool
    /// ContinuousPanTiltVelocitySpace / ContinuousZoomVelocitySpace.
    public var continuousPanTilt: Bool
    public var continuousZoom: Bool
    /// RelativePanTiltTranslationSpace / RelativeZoomTranslationSpace.
    public var relativePanTilt: Bool
    public var relativeZoom: Bool
    /// AbsolutePanTiltPositionSpace / AbsoluteZoomPositionSpace.
    public var absolutePanTilt: Bool
    public var absoluteZoom: Bool
    /// The generic position space's ranges (absolute), when offered.
    public var panRange: ClosedRange<Double>?
    public var tiltRange: ClosedRange<Double>?
    public var zoomRange: ClosedRange<Double>?
    public var maxPresets: Int
    public var homeSupported: Bool

    public init(token: String, name: String = "", panTilt: Bool = false, zoom: Bool = false, continuousPanTilt: Bool = false,
                continuousZoom: Bool = false, relativePanTilt: Bool = false, relativeZoom: Bool = false, absolutePanTilt: Bool = false,
                absoluteZoom: Bool = false, panRange: ClosedRange<Double>? = nil, tiltRange: ClosedRange<Double>? = nil,
                zoomRange: ClosedRange<Double>? = nil, maxPresets: Int = 0, homeSupported: Bool = false) {
        self.token = token; self.name = name; self.panTilt = panTilt; self.zoom = zoom
        self.continuousPanTilt = continuousPanTilt; self.continuousZoom = continuousZoom
        self.relativePanTilt = relativePanTilt; self.relativeZoom = relativeZoom
        self.absolutePanTilt = absolutePanTilt; self.absoluteZoom = absoluteZoom
        self.panRange = panRange; self.tiltRange = tiltRange; self.zoomRange = zoomRange
        self.maxPresets = maxPresets; self.homeSupported = homeSupported
    }
}
