/// Media (ver10) service calls.
extension ONVIFClient {
    static let streamSetup = "<trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup>"
    private var trt: String { "xmlns:trt=\"\(ONVIFService.media.namespace)\" xmlns:tt=\"http://www.onvif.org/ver10/schema\"" }

    /// Media GetProfiles. Profiles the parser cannot read (no token) are skipped, never fatal.
    public func media1Profiles() throws -> [MediaProfile] {
        let e = try call(.media, "GetProfiles", body: "<trt:GetProfiles \(trt)/>")
        return e.children("Profiles").compactMap(MediaProfile.media1)
    }

    /// Media GetVideoSources: the video source tokens in the device's order (an NVR's channels).
    public func videoSourceTokens() throws -> [String] {
        let e = try call(.media, "GetVideoSources", body: "<trt:GetVideoSources \(trt)/>")
        return e.children("VideoSources").compactMap { $0.attribute("token") }.filter { !$0.isEmpty }
    }

    /// Media GetStreamUri, always with the profile token and `RTP-Unicast` over RTSP (B5, B6).
    /// The URI is rewritten to the device address and has no credentials.
    public func media1StreamURI(profileToken: String) throws -> String? {
        let body = "<trt:GetStreamUri \(trt)>\(ONVIFClient.streamSetup)<trt:ProfileToken>\(XMLEscape.text(profileToken))</trt:ProfileToken></trt:GetStreamUri>"
        let e = try call(.media, "GetStreamUri", body: body)
        return e.firstText("Uri").flatMap { $0.isEmpty ? nil : rewriter.mediaURI($0) }
    }

    /// Media GetSnapshotUri (rewritten, no credentials).
    public func media1SnapshotURI(profileToken: String) throws -> String? {
        let body = "<trt:GetSnapshotUri \(trt)><trt:ProfileToken>\(XMLEscape.text(profileToken))</trt:ProfileToken></trt:GetSnapshotUri>"
        let e = try call(.media, "GetSnapshotUri", body: body)
        return e.firstText("Uri").flatMap { $0.isEmpty ? nil : rewriter.mediaURI($0) }
    }
}
