/// Media2 (ver20) service calls. H.265 profiles are often listed only here (field quirk B2).
extension ONVIFClient {
    private var tr2: String { "xmlns:tr2=\"\(ONVIFService.media2.namespace)\"" }

    /// Media2 GetProfiles with the video source and video encoder configurations.
    public func media2Profiles() throws -> [MediaProfile] {
        let body = "<tr2:GetProfiles \(tr2)><tr2:Type>VideoSource</tr2:Type><tr2:Type>VideoEncoder</tr2:Type><tr2:Type>PTZ</tr2:Type></tr2:GetProfiles>"
        let e = try call(.media2, "GetProfiles", body: body)
        return e.children("Profiles").compactMap(MediaProfile.media2)
    }

    /// Media2 GetStreamUri for RTSP (rewritten, no credentials).
    public func media2StreamURI(profileToken: String) throws -> String? {
        let body = "<tr2:GetStreamUri \(tr2)><tr2:Protocol>RTSP</tr2:Protocol><tr2:ProfileToken>\(XMLEscape.text(profileToken))</tr2:ProfileToken></tr2:GetStreamUri>"
        let e = try call(.media2, "GetStreamUri", body: body)
        return e.firstText("Uri").flatMap { $0.isEmpty ? nil : rewriter.mediaURI($0) }
    }

    /// Media2 GetSnapshotUri (rewritten, no credentials).
    public func media2SnapshotURI(profileToken: String) throws -> String? {
        let body = "<tr2:GetSnapshotUri \(tr2)><tr2:ProfileToken>\(XMLEscape.text(profileToken))</tr2:ProfileToken></tr2:GetSnapshotUri>"
        let e = try call(.media2, "GetSnapshotUri", body: body)
        return e.firstText("Uri").flatMap { $0.isEmpty ? nil : rewriter.mediaURI($0) }
    }
}
