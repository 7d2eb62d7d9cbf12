import ONVIF

/// The Media2 (ver20) service (`/onvif/media2_service`): every profile, H.265 ones included.
/// GetProfiles returns configurations only for the requested `Type`s (`All`, `VideoSource`,
/// `VideoEncoder`), as the specification says.
enum SimMedia2Service {
    static let path = "/onvif/media2_service"

    static func make() -> SimSOAPService {
        SimSOAPService(
            path: path, service: .media2, version: (2, 60), capability: nil,
            operations: [
                "GetProfiles": profiles,
                "GetStreamUri": streamURI,
                "GetSnapshotUri": snapshotURI,
                "GetServiceCapabilities": { c in "<tr2:GetServiceCapabilitiesResponse><tr2:Capabilities SnapshotUri=\"\(SnapshotURI.capability(c))\"><tr2:ProfileCapabilities MaximumNumberOfProfiles=\"64\" ConfigurationsSupported=\"VideoSource VideoEncoder\"/><tr2:StreamingCapabilities RTSPStreaming=\"true\" RTP_RTSP_TCP=\"true\"/></tr2:Capabilities></tr2:GetServiceCapabilitiesResponse>" },
            ])
    }

    static func profiles(_ c: SOAPContext) throws -> String {
        let types = Set(c.request.children("Type").map(\.text))
        let wantSource = types.contains("All") || types.contains("VideoSource")
        let wantEncoder = types.contains("All") || types.contains("VideoEncoder")
        let wantPTZ = types.contains("All") || types.contains("PTZ")
        var list = c.model.profilesInListOrder.filter { $0.profile.inMedia2 }
        if let token = c.request.childText("Token"), !token.isEmpty {
            list = list.filter { $0.profile.token == token }
            if list.isEmpty { throw SOAPFaultReply.invalidArgument("NoProfile", "The requested profile token \(token) does not exist") }
        }
        let body = list.map { (ch, p) -> String in
            var s = "<tr2:Profiles token=\"\(p.token)\" fixed=\"true\"><tr2:Name>\(XMLEscape.text(p.name))</tr2:Name>"
            if wantSource || wantEncoder || wantPTZ {
                s += "<tr2:Configurations>"
                if wantSource {
                    s += "<tr2:VideoSource token=\"\(SimMediaXML.sourceConfigurationToken(ch))\">\(SimMediaXML.sourceConfigurationInner(ch))</tr2:VideoSource>"
                }
                if wantEncoder && !SimMediaXML.lacksEncoder(ch, p, c) { s += SimMediaXML.media2Encoder(p) }
                if wantPTZ && SimMediaXML.hasPTZ(ch, p, c) { s += SimMediaXML.ptzConfiguration(ch, c, element: "tr2:PTZ") }
                s += "</tr2:Configurations>"
            }
            return s + "</tr2:Profiles>"
        }.joined()
        return "<tr2:GetProfilesResponse>\(body)</tr2:GetProfilesResponse>"
    }

    static func streamURI(_ c: SOAPContext) throws -> String {
        let (ch, p) = try SimMediaXML.requestedProfile(c, media2: true)
        if c.config.faults.streamURIFaultChannel == ch.number {
            throw SOAPFaultReply(httpStatus: 500, code: "Receiver", subcodes: ["ter:Action"], reason: "Unknown Error")
        }
        return "<tr2:GetStreamUriResponse><tr2:Uri>\(SimMediaXML.uri(c.rtspURL(p.rtspPath), c))</tr2:Uri></tr2:GetStreamUriResponse>"
    }

    static func snapshotURI(_ c: SOAPContext) throws -> String {
        let (ch, _) = try SimMediaXML.requestedProfile(c, media2: true)
        return "<tr2:GetSnapshotUriResponse><tr2:Uri>\(SimMediaXML.uri(try SnapshotURI.url(ch, c), c))</tr2:Uri></tr2:GetSnapshotUriResponse>"
    }
}
