/// Recording service (Profile G) calls.
extension ONVIFClient {
    /// Recording GetRecordings: every recording with its source and tracks (no times: those come
    /// from the Search service).
    public func recordings() throws -> [RecordingInformation] {
        let body = "<trc:GetRecordings xmlns:trc=\"\(ONVIFService.recording.namespace)\"/>"
        let e = try call(.recording, "GetRecordings", body: body)
        return e.children("RecordingItem").compactMap(ProfileGParsing.recordingItem)
    }
}
