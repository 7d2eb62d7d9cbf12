/// What GetSnapshotUri (Media and Media2) answers for a channel: its snapshot URL on the device's
/// web server, a URL with a wrong host (`SnapshotFault.wrongHost`), or a fault for the channels
/// of `noSnapshotURI`.
enum SnapshotURI {
    /// Where the wrong-host fault points: TEST-NET-1 (RFC 5737), where nothing answers.
    static let unreachableHost = "192.0.2.1"

    /// The URL, or throws the SOAP fault of a channel without snapshot.
    static func url(_ ch: NVRModel.Channel, _ c: SOAPContext) throws -> String {
        if c.config.noSnapshotURI.contains(ch.number) {
            throw SOAPFaultReply(httpStatus: 500, code: "Receiver", subcodes: ["ter:ActionNotSupported"],
                                 reason: "Snapshot is not supported for this profile")
        }
        let path = SimMediaXML.snapshotPath(ch)
        guard c.config.snapshotFault == .wrongHost else { return c.serviceURL(path) }
        return "http://\(unreachableHost)\(portPart(c.httpAuthority))\(path)"
    }

    /// `:PORT` of `host:port` / `[v6]:port`, or empty when the authority has none.
    static func portPart(_ authority: String) -> String {
        let afterHost: Substring
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            afterHost = authority[authority.index(after: close)...]
        } else if let colon = authority.lastIndex(of: ":") {
            afterHost = authority[colon...]
        } else {
            afterHost = ""
        }
        return afterHost.hasPrefix(":") && afterHost.count > 1 ? String(afterHost) : ""
    }

    /// `SnapshotUri="true|false"` of GetServiceCapabilities: false only when no channel has one.
    static func capability(_ c: SOAPContext) -> String { c.config.noSnapshotURI.all ? "false" : "true" }
}
