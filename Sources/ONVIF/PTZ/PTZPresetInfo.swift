/// A preset as GetPresets lists it.
public struct PTZPresetInfo: Sendable, Equatable {
    public var token: String
    public var name: String
    public var pan: Double?
    public var tilt: Double?
    public var zoom: Double?

    public init(token: String, name: String, pan: Double? = nil, tilt: Double? = nil, zoom: Double? = nil) {
        self.token = token; self.name = name; self.pan = pan; self.tilt = tilt; self.zoom = zoom
    }
}
