import ONVIF

/// XML pieces of the simulated PTZ service: nodes, configurations, positions, presets.
enum SimPTZXML {
    static let panTiltPosition = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace"
    static let zoomPosition = "http://www.onvif.org/ver10/tptz/ZoomSpaces/PositionGenericSpace"
    static let panTiltTranslation = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/TranslationGenericSpace"
    static let zoomTranslation = "http://www.onvif.org/ver10/tptz/ZoomSpaces/TranslationGenericSpace"
    static let panTiltVelocity = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/VelocityGenericSpace"
    static let zoomVelocity = "http://www.onvif.org/ver10/tptz/ZoomSpaces/VelocityGenericSpace"
    static let panTiltSpeed = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/GenericSpeedSpace"
    static let zoomSpeed = "http://www.onvif.org/ver10/tptz/ZoomSpaces/ZoomGenericSpeedSpace"

    static func nodeToken(_ channel: Int) -> String { "PTZNODE_\(channel)" }
    static func configurationToken(_ channel: Int) -> String { "PTZCFG_\(channel)" }

    static func range(_ min: Double, _ max: Double) -> String { "<tt:Min>\(number(min))</tt:Min><tt:Max>\(number(max))</tt:Max>" }

    static func space2D(_ element: String, _ uri: String, x: (Double, Double), y: (Double, Double)) -> String {
        "<tt:\(element)><tt:URI>\(uri)</tt:URI><tt:XRange>\(range(x.0, x.1))</tt:XRange><tt:YRange>\(range(y.0, y.1))</tt:YRange></tt:\(element)>"
    }

    static func space1D(_ element: String, _ uri: String, x: (Double, Double)) -> String {
        "<tt:\(element)><tt:URI>\(uri)</tt:URI><tt:XRange>\(range(x.0, x.1))</tt:XRange></tt:\(element)>"
    }

    /// A `PTZNode` (element name given: `PTZNode` in GetNodes, `PTZNode` in GetNode).
    static func node(_ channel: Int, zoom: Bool, maxPresets: Int) -> String {
        var spaces = space2D("AbsolutePanTiltPositionSpace", panTiltPosition, x: (-1, 1), y: (-1, 1))
        if zoom { spaces += space1D("AbsoluteZoomPositionSpace", zoomPosition, x: (0, 1)) }
        spaces += space2D("RelativePanTiltTranslationSpace", panTiltTranslation, x: (-1, 1), y: (-1, 1))
        if zoom { spaces += space1D("RelativeZoomTranslationSpace", zoomTranslation, x: (-1, 1)) }
        spaces += space2D("ContinuousPanTiltVelocitySpace", panTiltVelocity, x: (-1, 1), y: (-1, 1))
        if zoom { spaces += space1D("ContinuousZoomVelocitySpace", zoomVelocity, x: (-1, 1)) }
        spaces += space1D("PanTiltSpeedSpace", panTiltSpeed, x: (0, 1))
        if zoom { spaces += space1D("ZoomSpeedSpace", zoomSpeed, x: (0, 1)) }
        return "<tptz:PTZNode token=\"\(nodeToken(channel))\" FixedHomePosition=\"false\" GeoMove=\"false\"><tt:Name>PTZ \(channel)</tt:Name>"
            + "<tt:SupportedPTZSpaces>\(spaces)</tt:SupportedPTZSpaces>"
            + "<tt:MaximumNumberOfPresets>\(maxPresets)</tt:MaximumNumberOfPresets><tt:HomeSupported>true</tt:HomeSupported></tptz:PTZNode>"
    }

    /// The inner elements of a PTZ configuration (`tt:PTZConfiguration` in Media profiles,
    /// `tptz:PTZConfiguration` in GetConfigurations, `tr2:PTZ` in Media2 profiles).
    static func configurationInner(_ channel: Int, zoom: Bool, defaultTimeout: Double) -> String {
        var s = "<tt:Name>PTZ \(channel)</tt:Name><tt:UseCount>1</tt:UseCount><tt:NodeToken>\(nodeToken(channel))</tt:NodeToken>"
        s += "<tt:DefaultAbsolutePantTiltPositionSpace>\(panTiltPosition)</tt:DefaultAbsolutePantTiltPositionSpace>"
        if zoom { s += "<tt:DefaultAbsoluteZoomPositionSpace>\(zoomPosition)</tt:DefaultAbsoluteZoomPositionSpace>" }
        s += "<tt:DefaultRelativePanTiltTranslationSpace>\(panTiltTranslation)</tt:DefaultRelativePanTiltTranslationSpace>"
        if zoom { s += "<tt:DefaultRelativeZoomTranslationSpace>\(zoomTranslation)</tt:DefaultRelativeZoomTranslationSpace>" }
        s += "<tt:DefaultContinuousPanTiltVelocitySpace>\(panTiltVelocity)</tt:DefaultContinuousPanTiltVelocitySpace>"
        if zoom { s += "<tt:DefaultContinuousZoomVelocitySpace>\(zoomVelocity)</tt:DefaultContinuousZoomVelocitySpace>" }
        s += "<tt:DefaultPTZSpeed><tt:PanTilt x=\"1\" y=\"1\" space=\"\(panTiltSpeed)\"/>" + (zoom ? "<tt:Zoom x=\"1\" space=\"\(zoomSpeed)\"/>" : "") + "</tt:DefaultPTZSpeed>"
        s += "<tt:DefaultPTZTimeout>\(ISODurationText.seconds(defaultTimeout))</tt:DefaultPTZTimeout>"
        s += "<tt:PanTiltLimits>\(space2D("Range", panTiltPosition, x: (-1, 1), y: (-1, 1)))</tt:PanTiltLimits>"
        if zoom { s += "<tt:ZoomLimits>\(space1D("Range", zoomPosition, x: (0, 1)))</tt:ZoomLimits>" }
        return s
    }

    /// A `PTZVector`'s inner elements with prefix `p` (`tt`, or an undeclared one).
    static func vector(_ position: SimPTZPosition, zoom: Bool, prefix p: String = "tt") -> String {
        "<\(p):PanTilt x=\"\(number(position.pan))\" y=\"\(number(position.tilt))\" space=\"\(panTiltPosition)\"/>"
            + (zoom ? "<\(p):Zoom x=\"\(number(position.zoom))\" space=\"\(zoomPosition)\"/>" : "")
    }

    /// A number as devices write it: up to six decimals, no trailing zeros.
    static func number(_ v: Double) -> String {
        var s = String(format: "%.6f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }
}

/// xs:duration text of a number of seconds (`PT5S`, `PT0.4S`).
enum ISODurationText {
    static func seconds(_ s: Double) -> String { "PT\(SimPTZXML.number(s))S" }
}
