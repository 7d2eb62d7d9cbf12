/// A snapshot as the device sent it.
public struct Snapshot: Sendable {
    /// The body: a JPEG or PNG (checked by its first bytes, not decoded).
    public var bytes: [UInt8]
    /// The `Content-Type` the device gave, if any.
    public var contentType: String?
    /// The address it came from, after the host rewrite (never with credentials).
    public var uri: String
    /// The login that worked.
    public var login: SnapshotLogin

    public init(bytes: [UInt8], contentType: String?, uri: String, login: SnapshotLogin) {
        self.bytes = bytes; self.contentType = contentType; self.uri = uri; self.login = login
    }
}
