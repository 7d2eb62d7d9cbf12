/// PTZ service (ver20) calls. The camera is named by the profile token that carries its PTZ
/// configuration (the main stream's, on most devices). Every move goes with the vectors' axes
/// that are set only, and ContinuousMove always with a Timeout.
/// - Throws: `ONVIFError.serviceNotSupported` when the device has no PTZ service or does not
///   implement the operation, and every other `ONVIFError`.
extension ONVIFClient {
    private var tptz: String { "xmlns:tptz=\"\(ONVIFService.ptz.namespace)\" xmlns:tt=\"http://www.onvif.org/ver10/schema\"" }

    private func token(_ profileToken: String) -> String {
        "<tptz:ProfileToken>\(XMLEscape.text(profileToken))</tptz:ProfileToken>"
    }

    /// GetNodes: every PTZ node of the device.
    public func ptzNodes() throws -> [PTZNodeInfo] {
        let e = try call(.ptz, "GetNodes", body: "<tptz:GetNodes \(tptz)/>")
        return e.children("PTZNode").compactMap(PTZParsing.node)
    }

    /// GetConfigurations: every PTZ configuration of the device.
    public func ptzConfigurations() throws -> [PTZConfigurationInfo] {
        let e = try call(.ptz, "GetConfigurations", body: "<tptz:GetConfigurations \(tptz)/>")
        return e.children("PTZConfiguration").compactMap(PTZParsing.configuration)
    }

    /// The PTZ configuration a media profile carries (Media GetProfile, or Media2 GetProfiles
    /// with Type PTZ); nil when the profile has none.
    public func ptzConfiguration(profileToken: String) throws -> PTZConfigurationInfo? {
        let map = try services()
        if map.offers(.media) {
            let e = try call(.media, "GetProfile", body: "<trt:GetProfile xmlns:trt=\"\(ONVIFService.media.namespace)\">"
                             + "<trt:ProfileToken>\(XMLEscape.text(profileToken))</trt:ProfileToken></trt:GetProfile>")
            return (e.child("Profile") ?? e).child("PTZConfiguration").flatMap(PTZParsing.configuration)
        }
        let e = try call(.media2, "GetProfiles", body: "<tr2:GetProfiles xmlns:tr2=\"\(ONVIFService.media2.namespace)\">"
                         + "<tr2:Token>\(XMLEscape.text(profileToken))</tr2:Token><tr2:Type>PTZ</tr2:Type></tr2:GetProfiles>")
        return e.children("Profiles").first?.child("Configurations")?.child("PTZ").flatMap(PTZParsing.configuration)
    }

    /// ContinuousMove at `velocity` (generic velocity space, -1…1) for at most `timeout`
    /// seconds: the device stops by itself then.
    public func ptzContinuousMove(profileToken: String, velocity: PTZVector, timeout: Double, requestTimeout: Double? = nil) throws {
        let body = "<tptz:ContinuousMove \(tptz)>\(token(profileToken))<tptz:Velocity>\(velocity.xml)</tptz:Velocity>"
            + "<tptz:Timeout>\(ISODuration.text(seconds: timeout))</tptz:Timeout></tptz:ContinuousMove>"
        _ = try call(.ptz, "ContinuousMove", body: body, timeout: requestTimeout)
    }

    /// Stop: pan/tilt and zoom (each when asked).
    public func ptzStop(profileToken: String, panTilt: Bool = true, zoom: Bool = true, requestTimeout: Double? = nil) throws {
        let body = "<tptz:Stop \(tptz)>\(token(profileToken))<tptz:PanTilt>\(panTilt)</tptz:PanTilt><tptz:Zoom>\(zoom)</tptz:Zoom></tptz:Stop>"
        _ = try call(.ptz, "Stop", body: body, timeout: requestTimeout)
    }

    /// RelativeMove by a translation in the generic translation spaces.
    public func ptzRelativeMove(profileToken: String, translation: PTZVector) throws {
        let body = "<tptz:RelativeMove \(tptz)>\(token(profileToken))<tptz:Translation>\(translation.xml)</tptz:Translation></tptz:RelativeMove>"
        _ = try call(.ptz, "RelativeMove", body: body)
    }

    /// AbsoluteMove to a position in the generic position spaces.
    public func ptzAbsoluteMove(profileToken: String, position: PTZVector) throws {
        let body = "<tptz:AbsoluteMove \(tptz)>\(token(profileToken))<tptz:Position>\(position.xml)</tptz:Position></tptz:AbsoluteMove>"
        _ = try call(.ptz, "AbsoluteMove", body: body)
    }

    /// GetStatus: position and move status.
    public func ptzStatus(profileToken: String) throws -> PTZDeviceStatus {
        PTZParsing.status(try call(.ptz, "GetStatus", body: "<tptz:GetStatus \(tptz)>\(token(profileToken))</tptz:GetStatus>"))
    }

    /// GetPresets.
    public func ptzPresets(profileToken: String) throws -> [PTZPresetInfo] {
        let e = try call(.ptz, "GetPresets", body: "<tptz:GetPresets \(tptz)>\(token(profileToken))</tptz:GetPresets>")
        return e.children("Preset").compactMap(PTZParsing.preset)
    }

    /// GotoPreset.
    public func ptzGotoPreset(profileToken: String, presetToken: String) throws {
        let body = "<tptz:GotoPreset \(tptz)>\(token(profileToken))<tptz:PresetToken>\(XMLEscape.text(presetToken))</tptz:PresetToken></tptz:GotoPreset>"
        _ = try call(.ptz, "GotoPreset", body: body)
    }

    /// SetPreset: saves the current position as a new preset named `name` (or over
    /// `presetToken`); the preset's token.
    public func ptzSetPreset(profileToken: String, name: String, presetToken: String? = nil) throws -> String {
        var body = "<tptz:SetPreset \(tptz)>\(token(profileToken))<tptz:PresetName>\(XMLEscape.text(name))</tptz:PresetName>"
        if let presetToken { body += "<tptz:PresetToken>\(XMLEscape.text(presetToken))</tptz:PresetToken>" }
        let e = try call(.ptz, "SetPreset", body: body + "</tptz:SetPreset>")
        guard let t = e.firstText("PresetToken"), !t.isEmpty else {
            throw ONVIFError.malformedAnswer(action: "SetPreset", detail: "no PresetToken")
        }
        return t
    }

    /// RemovePreset.
    public func ptzRemovePreset(profileToken: String, presetToken: String) throws {
        let body = "<tptz:RemovePreset \(tptz)>\(token(profileToken))<tptz:PresetToken>\(XMLEscape.text(presetToken))</tptz:PresetToken></tptz:RemovePreset>"
        _ = try call(.ptz, "RemovePreset", body: body)
    }

    /// GotoHomePosition.
    public func ptzGotoHome(profileToken: String) throws {
        _ = try call(.ptz, "GotoHomePosition", body: "<tptz:GotoHomePosition \(tptz)>\(token(profileToken))</tptz:GotoHomePosition>")
    }

    /// SetHomePosition.
    public func ptzSetHome(profileToken: String) throws {
        _ = try call(.ptz, "SetHomePosition", body: "<tptz:SetHomePosition \(tptz)>\(token(profileToken))</tptz:SetHomePosition>")
    }
}
