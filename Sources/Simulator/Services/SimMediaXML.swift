import ONVIF

/// XML pieces the Media and Media2 services share, written from the NVR model.
enum SimMediaXML {
    static func sourceConfigurationToken(_ ch: NVRModel.Channel) -> String { "VSC_\(ch.sourceToken)" }
    static func encoderToken(_ p: NVRModel.Profile) -> String { "VEC_\(p.token)" }

    /// Inner elements of a video source configuration (`tt:VideoSourceConfiguration` / `tr2:VideoSource`).
    static func sourceConfigurationInner(_ ch: NVRModel.Channel) -> String {
        "<tt:Name>\(XMLEscape.text(ch.name))</tt:Name><tt:UseCount>2</tt:UseCount><tt:SourceToken>\(ch.sourceToken)</tt:SourceToken>"
            + "<tt:Bounds x=\"0\" y=\"0\" width=\"\(ch.main.width)\" height=\"\(ch.main.height)\"/>"
    }

    static func resolution(_ p: NVRModel.Profile) -> String {
        "<tt:Resolution><tt:Width>\(p.width)</tt:Width><tt:Height>\(p.height)</tt:Height></tt:Resolution>"
    }

    /// A Media (ver10) `VideoEncoderConfiguration`.
    static func media1Encoder(_ p: NVRModel.Profile) -> String {
        "<tt:VideoEncoderConfiguration token=\"\(encoderToken(p))\"><tt:Name>\(XMLEscape.text(p.name))</tt:Name><tt:UseCount>1</tt:UseCount>"
            + "<tt:Encoding>\(p.codec.rawValue)</tt:Encoding>\(resolution(p))<tt:Quality>5</tt:Quality>"
            + "<tt:RateControl><tt:FrameRateLimit>\(p.fps)</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>\(p.bitrateKbps)</tt:BitrateLimit></tt:RateControl>"
            + "<tt:H264><tt:GovLength>\(p.fps * 2)</tt:GovLength><tt:H264Profile>Main</tt:H264Profile></tt:H264>"
            + multicast + "<tt:SessionTimeout>PT60S</tt:SessionTimeout></tt:VideoEncoderConfiguration>"
    }

    /// A Media2 (ver20) `VideoEncoder` configuration.
    static func media2Encoder(_ p: NVRModel.Profile) -> String {
        "<tr2:VideoEncoder token=\"\(encoderToken(p))\" GovLength=\"\(p.fps * 2)\" Profile=\"Main\"><tt:Name>\(XMLEscape.text(p.name))</tt:Name><tt:UseCount>1</tt:UseCount>"
            + "<tt:Encoding>\(p.codec.rawValue)</tt:Encoding>\(resolution(p))"
            + "<tt:RateControl ConstantBitRate=\"false\"><tt:FrameRateLimit>\(p.fps)</tt:FrameRateLimit><tt:BitrateLimit>\(p.bitrateKbps)</tt:BitrateLimit></tt:RateControl>"
            + multicast + "<tt:Quality>5</tt:Quality></tr2:VideoEncoder>"
    }

    static let multicast = "<tt:Multicast><tt:Address><tt:Type>IPv4</tt:Type><tt:IPv4Address>0.0.0.0</tt:IPv4Address></tt:Address><tt:Port>0</tt:Port><tt:TTL>0</tt:TTL><tt:AutoStart>false</tt:AutoStart></tt:Multicast>"

    /// True when the encoder-less fault applies to this profile (channel 1's sub).
    static func lacksEncoder(_ ch: NVRModel.Channel, _ p: NVRModel.Profile, _ c: SOAPContext) -> Bool {
        c.config.faults.profileWithoutEncoder && ch.number == 1 && !p.isMain
    }

    /// A URI as the answer shows it: padded with whitespace under the odd-XML switch (A11).
    static func uri(_ u: String, _ c: SOAPContext) -> String {
        let e = XMLEscape.text(u)
        return c.config.faults.undeclaredPrefixes ? "\n    \(e)  \n" : e
    }

    /// The profile named by the request's `ProfileToken`. Without a token, channel 1's main stream,
    /// as some NVRs silently do (B5).
    static func requestedProfile(_ c: SOAPContext, media2: Bool) throws -> (channel: NVRModel.Channel, profile: NVRModel.Profile) {
        guard let token = c.text("ProfileToken"), !token.isEmpty else {
            let ch = c.model.channels[0]
            return (ch, ch.main)
        }
        guard let found = c.model.profile(token: token), media2 ? found.profile.inMedia2 : found.profile.inMedia1 else {
            throw SOAPFaultReply.invalidArgument("NoProfile", "The requested profile token \(token) does not exist")
        }
        return found
    }

    /// True when the profile carries the channel's PTZ configuration (the main profile of a PTZ channel).
    static func hasPTZ(_ ch: NVRModel.Channel, _ p: NVRModel.Profile, _ c: SOAPContext) -> Bool {
        p.isMain && c.config.ptzChannels.contains(ch.number)
    }

    /// The channel's PTZ configuration as a profile carries it (`tt:PTZConfiguration`, `tr2:PTZ`).
    static func ptzConfiguration(_ ch: NVRModel.Channel, _ c: SOAPContext, element: String) -> String {
        "<\(element) token=\"\(SimPTZXML.configurationToken(ch.number))\">"
            + SimPTZXML.configurationInner(ch.number, zoom: !c.config.ptz.noZoomChannels.contains(ch.number), defaultTimeout: c.config.ptz.defaultTimeout)
            + "</\(element)>"
    }

    static func snapshotPath(_ ch: NVRModel.Channel) -> String { "/onvif/snapshot/\(ch.sourceToken).jpg" }
}
