import ONVIF

/// The Replay service (`/onvif/replay_service`): GetReplayUri gives
/// `rtsp://<host>:<rtsp port>/replay/<recording token>`, which the simulator's RTSP server plays
/// with `Require: onvif-replay` and `Range: clock=…`.
enum SimReplayService {
    static let path = "/onvif/replay_service"

    static func make(library: SimRecordings) -> SimSOAPService {
        SimSOAPService(
            path: path, service: .replay, version: (2, 21),
            capability: SimCapability(name: "Replay", inExtension: true),
            operations: [
                "GetServiceCapabilities": { _ in
                    "<trp:GetServiceCapabilitiesResponse><trp:Capabilities ReversePlayback=\"false\" SessionTimeoutRange=\"10 600\" RTP_RTSP_TCP=\"true\"/></trp:GetServiceCapabilitiesResponse>"
                },
                "GetReplayUri": { c in try replayURI(c, library) },
                "GetReplayConfiguration": { c in
                    "<trp:GetReplayConfigurationResponse><trp:Configuration><tt:SessionTimeout>PT\(c.config.rtsp.sessionTimeout)S</tt:SessionTimeout></trp:Configuration></trp:GetReplayConfigurationResponse>"
                },
                "SetReplayConfiguration": { _ in "<trp:SetReplayConfigurationResponse/>" },
            ])
    }

    static func replayURI(_ c: SOAPContext, _ library: SimRecordings) throws -> String {
        let token = c.request.childText("RecordingToken") ?? ""
        guard let r = library.recording(token: token) else { throw SimRecordingXML.recordingNotFound(token) }
        if let stream = c.request.child("StreamSetup")?.childText("Stream"), stream != "RTP-Unicast" {
            throw SOAPFaultReply.invalidArgument("InvalidStreamSetup", "Only RTP-Unicast over RTSP is offered")
        }
        let uri = SimMediaXML.uri(c.rtspURL(SimRecordings.replayPath(token: r.token)), c)
        return "<trp:GetReplayUriResponse><trp:Uri>\(uri)</trp:Uri></trp:GetReplayUriResponse>"
    }
}
