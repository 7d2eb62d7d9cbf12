import Common

/// A camera to take a picture of: where its device is, the login, and the camera as probed.
/// The password never appears in `description`.
public struct PictureTarget: Sendable, Hashable, CustomStringConvertible {
    /// The source's name (saved sources) or the host (an unsaved device).
    public var sourceName: String
    public var host: String
    public var port: Int?
    public var username: String
    public var password: String?
    public var camera: Camera

    public init(sourceName: String, host: String, port: Int? = nil, username: String, password: String?, camera: Camera) {
        self.sourceName = sourceName; self.host = host; self.port = port
        self.username = username; self.password = password; self.camera = camera
    }

    /// What the cache and the events are keyed by: one camera of one device.
    public var key: String { "\(host):\(port ?? 80)/\(camera.id)" }

    public var description: String { "\(sourceName) · \(camera.name)" }
}
