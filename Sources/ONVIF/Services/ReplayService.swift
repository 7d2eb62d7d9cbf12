/// Replay service (Profile G) calls.
extension ONVIFClient {
    private var trp: String { "xmlns:trp=\"\(ONVIFService.replay.namespace)\" xmlns:tt=\"http://www.onvif.org/ver10/schema\"" }

    /// GetReplayUri for RTP-Unicast over RTSP: the RTSP URI that replays a recording (with
    /// `Require: onvif-replay` and `Range: clock=…`). Rewritten like stream URIs (the user's host,
    /// the URI's own port) and never with credentials in it.
    /// - Throws: `RecordingsError.noProfileG` without a Replay service,
    ///   `RecordingsError.recordingNotFound` for an unknown token, and any `ONVIFError`.
    public func replayURI(recordingToken: String) throws -> String {
        let body = "<trp:GetReplayUri \(trp)><trp:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trp:StreamSetup>"
            + "<trp:RecordingToken>\(XMLEscape.text(recordingToken))</trp:RecordingToken></trp:GetReplayUri>"
        let e: XMLElement
        do {
            e = try call(.replay, "GetReplayUri", body: body)
        } catch ONVIFError.serviceNotSupported(let s) where s == ONVIFService.replay.displayName {
            throw RecordingsError.noProfileG(missing: [s])
        } catch ONVIFError.deviceFault(_, "NoRecording", _) {
            throw RecordingsError.recordingNotFound(token: recordingToken)
        }
        guard let uri = e.firstText("Uri"), !uri.isEmpty else {
            throw ONVIFError.malformedAnswer(action: "GetReplayUri", detail: "no Uri")
        }
        return rewriter.mediaURI(uri)
    }

    /// GetReplayConfiguration: the replay session timeout the device uses, in seconds (nil when
    /// it does not say).
    public func replaySessionTimeout() throws -> Double? {
        let e = try call(.replay, "GetReplayConfiguration", body: "<trp:GetReplayConfiguration \(trp)/>")
        return e.firstText("SessionTimeout").flatMap(ISODuration.seconds)
    }
}
