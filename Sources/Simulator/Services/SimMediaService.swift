import ONVIF

/// The Media (ver10) service (`/onvif/media_service`): profiles (H.265 subs are not listed: ver10
/// cannot name H.265), video sources in reverse channel order, stream and snapshot URIs.
enum SimMediaService {
    static let path = "/onvif/media_service"

    static func make() -> SimSOAPService {
        SimSOAPService(
            path: path, service: .media, version: (2, 60),
            capability: SimCapability(name: "Media", extra: "<tt:StreamingCapabilities><tt:RTPMulticast>false</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP></tt:StreamingCapabilities>"),
            operations: [
                "GetProfiles": profiles,
                "GetProfile": profile,
                "GetVideoSources": videoSources,
                "GetVideoSourceConfigurations": videoSourceConfigurations,
                "GetStreamUri": streamURI,
                "GetSnapshotUri": snapshotURI,
                "GetServiceCapabilities": { c in "<trt:GetServiceCapabilitiesResponse><trt:Capabilities SnapshotUri=\"\(SnapshotURI.capability(c))\"><trt:ProfileCapabilities MaximumNumberOfProfiles=\"64\"/><trt:StreamingCapabilities RTP_TCP=\"true\" RTP_RTSP_TCP=\"true\"/></trt:Capabilities></trt:GetServiceCapabilitiesResponse>" },
            ])
    }

    static func profileXML(_ ch: NVRModel.Channel, _ p: NVRModel.Profile, _ c: SOAPContext, element: String) -> String {
        var s = "<trt:\(element) token=\"\(p.token)\" fixed=\"true\"><tt:Name>\(XMLEscape.text(p.name))</tt:Name>"
        s += "<tt:VideoSourceConfiguration token=\"\(SimMediaXML.sourceConfigurationToken(ch))\">\(SimMediaXML.sourceConfigurationInner(ch))</tt:VideoSourceConfiguration>"
        if !SimMediaXML.lacksEncoder(ch, p, c) { s += SimMediaXML.media1Encoder(p) }
        if SimMediaXML.hasPTZ(ch, p, c) { s += SimMediaXML.ptzConfiguration(ch, c, element: "tt:PTZConfiguration") }
        return s + "</trt:\(element)>"
    }

    static func profiles(_ c: SOAPContext) -> String {
        let body = c.model.profilesInListOrder.filter { $0.profile.inMedia1 }.map { profileXML($0.channel, $0.profile, c, element: "Profiles") }.joined()
        return "<trt:GetProfilesResponse>\(body)</trt:GetProfilesResponse>"
    }

    static func profile(_ c: SOAPContext) throws -> String {
        let (ch, p) = try SimMediaXML.requestedProfile(c, media2: false)
        return "<trt:GetProfileResponse>\(profileXML(ch, p, c, element: "Profile"))</trt:GetProfileResponse>"
    }

    static func videoSources(_ c: SOAPContext) -> String {
        let body = c.model.sourcesInListOrder.map { ch in
            "<trt:VideoSources token=\"\(ch.sourceToken)\"><tt:Framerate>\(ch.main.fps)</tt:Framerate>"
                + "<tt:Resolution><tt:Width>\(ch.main.width)</tt:Width><tt:Height>\(ch.main.height)</tt:Height></tt:Resolution></trt:VideoSources>"
        }.joined()
        return "<trt:GetVideoSourcesResponse>\(body)</trt:GetVideoSourcesResponse>"
    }

    static func videoSourceConfigurations(_ c: SOAPContext) -> String {
        let body = c.model.sourcesInListOrder.map { ch in
            "<trt:Configurations token=\"\(SimMediaXML.sourceConfigurationToken(ch))\">\(SimMediaXML.sourceConfigurationInner(ch))</trt:Configurations>"
        }.joined()
        return "<trt:GetVideoSourceConfigurationsResponse>\(body)</trt:GetVideoSourceConfigurationsResponse>"
    }

    static func streamURI(_ c: SOAPContext) throws -> String {
        // like strict firmware, insist on the canonical StreamSetup (B6): RTP-Unicast over RTSP
        guard let setup = c.request.child("StreamSetup"), setup.childText("Stream") == "RTP-Unicast",
              setup.child("Transport")?.childText("Protocol") == "RTSP" else {
            throw SOAPFaultReply.invalidArgument("InvalidStreamSetup", "StreamSetup must be Stream RTP-Unicast with Transport Protocol RTSP")
        }
        let (ch, p) = try SimMediaXML.requestedProfile(c, media2: false)
        if c.config.faults.streamURIFaultChannel == ch.number {
            throw SOAPFaultReply(httpStatus: 500, code: "Receiver", subcodes: ["ter:Action"], reason: "Unknown Error")
        }
        return "<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>\(SimMediaXML.uri(c.rtspURL(p.rtspPath), c))</tt:Uri>"
            + "<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false</tt:InvalidAfterReboot>"
            + "<tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>"
    }

    static func snapshotURI(_ c: SOAPContext) throws -> String {
        let (ch, _) = try SimMediaXML.requestedProfile(c, media2: false)
        return "<trt:GetSnapshotUriResponse><trt:MediaUri><tt:Uri>\(SimMediaXML.uri(try SnapshotURI.url(ch, c), c))</tt:Uri>"
            + "<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false</tt:InvalidAfterReboot>"
            + "<tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetSnapshotUriResponse>"
    }
}
