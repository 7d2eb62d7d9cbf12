/// A PTZ vector for a request (velocity, translation or position) in the generic spaces: the
/// axes left nil are left out of the request (a node without zoom must not be sent a Zoom).
public struct PTZVector: Sendable, Equatable {
    public var pan: Double?
    public var tilt: Double?
    public var zoom: Double?

    public init(pan: Double? = nil, tilt: Double? = nil, zoom: Double? = nil) {
        self.pan = pan; self.tilt = tilt; self.zoom = zoom
    }

    /// `<tt:PanTilt x y/><tt:Zoom x/>` (a missing pan or tilt is sent as 0 when the other is given).
    var xml: String {
        var s = ""
        if pan != nil || tilt != nil {
            s += "<tt:PanTilt x=\"\(PTZVector.number(pan ?? 0))\" y=\"\(PTZVector.number(tilt ?? 0))\"/>"
        }
        if let zoom { s += "<tt:Zoom x=\"\(PTZVector.number(zoom))\"/>" }
        return s
    }

    /// A number as xs:float text: up to six decimals, no exponent.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        var s = String(format: "%.6f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }
}
