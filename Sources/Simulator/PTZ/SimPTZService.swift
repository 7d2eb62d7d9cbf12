import Common
import Foundation
import ONVIF

/// The PTZ (ver20) service (`/onvif/ptz_service`) of the channels in `ptzChannels`: nodes and
/// configurations (a node without zoom on `noZoomChannels`), ContinuousMove with a Timeout,
/// Stop, RelativeMove, AbsoluteMove, GetStatus, presets and home, on the motors of `SimPTZ`.
/// Requests name the camera by ProfileToken (either profile of a PTZ channel).
enum SimPTZService {
    static let path = "/onvif/ptz_service"

    static func make(_ ptz: SimPTZ) -> SimSOAPService {
        var operations: [String: SOAPOperation] = [
            "GetServiceCapabilities": { _ in
                "<tptz:GetServiceCapabilitiesResponse><tptz:Capabilities EFlip=\"false\" Reverse=\"false\" GetCompatibleConfigurations=\"false\" MoveStatus=\"true\" StatusPosition=\"true\"/></tptz:GetServiceCapabilitiesResponse>"
            },
            "GetNodes": { _ in
                "<tptz:GetNodesResponse>" + ptz.channels.sorted().map { node(ptz, $0) }.joined() + "</tptz:GetNodesResponse>"
            },
            "GetNode": { c in
                let token = c.text("NodeToken") ?? ""
                guard let ch = ptz.channels.first(where: { SimPTZXML.nodeToken($0) == token }) else { throw noEntity("NoEntity", "No such PTZ node: \(token)") }
                return "<tptz:GetNodeResponse>" + node(ptz, ch) + "</tptz:GetNodeResponse>"
            },
            "GetConfigurations": { _ in
                "<tptz:GetConfigurationsResponse>" + ptz.channels.sorted().map { configuration(ptz, $0, element: "tptz:PTZConfiguration") }.joined()
                    + "</tptz:GetConfigurationsResponse>"
            },
            "GetConfiguration": { c in
                let token = c.text("PTZConfigurationToken") ?? ""
                guard let ch = ptz.channels.first(where: { SimPTZXML.configurationToken($0) == token }) else {
                    throw noEntity("NoConfig", "No such PTZ configuration: \(token)")
                }
                return "<tptz:GetConfigurationResponse>\(configuration(ptz, ch, element: "tptz:PTZConfiguration"))</tptz:GetConfigurationResponse>"
            },
            "ContinuousMove": { c in try continuousMove(c, ptz) },
            "Stop": { c in
                let ch = try channel(c, ptz)
                ptz.stop(channel: ch, panTilt: flag(c, "PanTilt"), zoom: flag(c, "Zoom"))
                return "<tptz:StopResponse/>"
            },
            "RelativeMove": { c in
                let ch = try channel(c, ptz)
                let t = try vector(c, "Translation", ptz, ch)
                ptz.jump(channel: ch, operation: "RelativeMove") { now in
                    SimPTZPosition(pan: now.pan + (t.pan ?? 0), tilt: now.tilt + (t.tilt ?? 0), zoom: now.zoom + (t.zoom ?? 0))
                }
                return "<tptz:RelativeMoveResponse/>"
            },
            "AbsoluteMove": { c in
                let ch = try channel(c, ptz)
                let p = try vector(c, "Position", ptz, ch)
                ptz.jump(channel: ch, operation: "AbsoluteMove") { now in
                    SimPTZPosition(pan: p.pan ?? now.pan, tilt: p.tilt ?? now.tilt, zoom: p.zoom ?? now.zoom)
                }
                return "<tptz:AbsoluteMoveResponse/>"
            },
            "GetPresets": { c in try presets(c, ptz) },
            "SetPreset": { c in
                let ch = try channel(c, ptz)
                do {
                    let token = try ptz.setPreset(channel: ch, name: c.text("PresetName"), token: c.text("PresetToken"))
                    return "<tptz:SetPresetResponse><tptz:PresetToken>\(XMLEscape.text(token))</tptz:PresetToken></tptz:SetPresetResponse>"
                } catch {
                    throw fault(error, max: ptz.switches.maxPresets)
                }
            },
            "RemovePreset": { c in
                let ch = try channel(c, ptz)
                do { try ptz.removePreset(channel: ch, token: c.text("PresetToken") ?? "") } catch { throw fault(error, max: 0) }
                return "<tptz:RemovePresetResponse/>"
            },
            "GotoPreset": { c in
                let ch = try channel(c, ptz)
                do { try ptz.gotoPreset(channel: ch, token: c.text("PresetToken") ?? "") } catch { throw fault(error, max: 0) }
                return "<tptz:GotoPresetResponse/>"
            },
            "GotoHomePosition": { c in
                ptz.gotoHome(channel: try channel(c, ptz))
                return "<tptz:GotoHomePositionResponse/>"
            },
            "SetHomePosition": { c in
                ptz.setHome(channel: try channel(c, ptz))
                return "<tptz:SetHomePositionResponse/>"
            },
        ]
        if !ptz.switches.noGetStatus {
            operations["GetStatus"] = { c in try status(c, ptz) }
        }
        return SimSOAPService(path: path, service: .ptz, version: (2, 60), capability: SimCapability(name: "PTZ"), operations: operations)
    }

    static func node(_ ptz: SimPTZ, _ ch: Int) -> String {
        SimPTZXML.node(ch, zoom: ptz.hasZoom(ch), maxPresets: ptz.switches.maxPresets)
    }

    static func configuration(_ ptz: SimPTZ, _ ch: Int, element: String) -> String {
        "<\(element) token=\"\(SimPTZXML.configurationToken(ch))\" MoveRamp=\"0\" PresetRamp=\"0\" PresetTourRamp=\"0\">"
            + SimPTZXML.configurationInner(ch, zoom: ptz.hasZoom(ch), defaultTimeout: ptz.switches.defaultTimeout) + "</\(element)>"
    }

    /// The PTZ channel the request's ProfileToken names.
    static func channel(_ c: SOAPContext, _ ptz: SimPTZ) throws -> Int {
        let token = c.text("ProfileToken") ?? ""
        guard let found = c.model.profile(token: token) else {
            throw SOAPFaultReply.invalidArgument("NoProfile", "The requested profile token \(token) does not exist")
        }
        guard ptz.has(found.channel.number) else {
            throw SOAPFaultReply.invalidArgument("NoPTZProfile", "The requested profile token does not reference a PTZ configuration")
        }
        return found.channel.number
    }

    /// `PanTilt`/`Zoom` of a Stop: true unless the request says false.
    static func flag(_ c: SOAPContext, _ name: String) -> Bool {
        guard let t = c.request.childText(name) else { return true }
        return t.lowercased() != "false" && t != "0"
    }

    /// The `PanTilt` x/y and `Zoom` x of a vector element (`Velocity`, `Translation`, `Position`);
    /// a Zoom on a node without zoom, or a number that is not one, is refused.
    static func vector(_ c: SOAPContext, _ element: String, _ ptz: SimPTZ, _ ch: Int) throws -> (pan: Double?, tilt: Double?, zoom: Double?) {
        guard let v = c.request.child(element) else {
            throw SOAPFaultReply.invalidArgument("InvalidPosition", "\(element) is missing")
        }
        var out: (pan: Double?, tilt: Double?, zoom: Double?) = (nil, nil, nil)
        if let pt = v.child("PanTilt") {
            guard let x = pt.attribute("x").flatMap(Double.init), let y = pt.attribute("y").flatMap(Double.init), x.isFinite, y.isFinite else {
                throw SOAPFaultReply.invalidArgument("InvalidPosition", "PanTilt needs numbers x and y")
            }
            out.pan = x; out.tilt = y
        }
        if let z = v.child("Zoom") {
            guard ptz.hasZoom(ch) else { throw SOAPFaultReply.invalidArgument("InvalidVelocity", "This PTZ node has no zoom") }
            guard let x = z.attribute("x").flatMap(Double.init), x.isFinite else {
                throw SOAPFaultReply.invalidArgument("InvalidPosition", "Zoom needs a number x")
            }
            out.zoom = x
        }
        return out
    }

    static func continuousMove(_ c: SOAPContext, _ ptz: SimPTZ) throws -> String {
        let ch = try channel(c, ptz)
        let v = try vector(c, "Velocity", ptz, ch)
        func clamp(_ d: Double?) -> Double { min(1, max(-1, d ?? 0)) }
        var timeout: Double?
        if let t = c.text("Timeout") {
            guard let s = ISODuration.seconds(t), s >= 0 else {
                throw SOAPFaultReply.invalidArgument("InvalidTimeout", "Timeout is not an xs:duration: \(t)")
            }
            timeout = s
        }
        ptz.continuousMove(channel: ch, velocity: SimPTZVelocity(pan: clamp(v.pan), tilt: clamp(v.tilt), zoom: clamp(v.zoom)), timeout: timeout)
        return "<tptz:ContinuousMoveResponse/>"
    }

    static func status(_ c: SOAPContext, _ ptz: SimPTZ) throws -> String {
        let ch = try channel(c, ptz)
        ptz.record("GetStatus", channel: ch)
        let s = ptz.status(channel: ch)
        let p = ptz.switches.undeclaredPrefixes ? "ns2" : "tt"
        let zoom = ptz.hasZoom(ch)
        let state = s.moving ? "MOVING" : "IDLE"
        return "<tptz:GetStatusResponse><tptz:PTZStatus><\(p):Position>\(SimPTZXML.vector(s.position, zoom: zoom, prefix: p))</\(p):Position>"
            + "<\(p):MoveStatus><\(p):PanTilt>\(state)</\(p):PanTilt>" + (zoom ? "<\(p):Zoom>\(state)</\(p):Zoom>" : "") + "</\(p):MoveStatus>"
            + "<\(p):UtcTime>\(UTC.iso(s.time))</\(p):UtcTime></tptz:PTZStatus></tptz:GetStatusResponse>"
    }

    static func presets(_ c: SOAPContext, _ ptz: SimPTZ) throws -> String {
        let ch = try channel(c, ptz)
        let odd = ptz.switches.undeclaredPrefixes
        let (outer, p) = odd ? ("ns3", "ns2") : ("tptz", "tt")
        let zoom = ptz.hasZoom(ch)
        let body = ptz.presets(channel: ch).map { preset in
            "<\(outer):Preset token=\"\(XMLEscape.text(preset.token))\"><\(p):Name>\(XMLEscape.text(preset.name))</\(p):Name>"
                + "<\(p):SimPTZPosition>\(SimPTZXML.vector(preset.position, zoom: zoom, prefix: p))</\(p):SimPTZPosition></\(outer):Preset>"
        }.joined()
        return "<tptz:GetPresetsResponse>\(body)</tptz:GetPresetsResponse>"
    }

    static func noEntity(_ code: String, _ reason: String) -> SOAPFaultReply {
        SOAPFaultReply.invalidArgument(code, reason)
    }

    static func fault(_ error: any Error, max: Int) -> SOAPFaultReply {
        switch error as? SimPTZ.PresetProblem {
        case .full?:
            return SOAPFaultReply(httpStatus: 500, code: "Receiver", subcodes: ["ter:Action", "ter:TooManyPresets"],
                                  reason: "Maximum number of presets (\(max)) reached")
        case .nameTaken?:
            return SOAPFaultReply.invalidArgument("PresetExist", "The requested name already exists for another preset")
        case .noToken?, nil:
            return SOAPFaultReply.invalidArgument("NoToken", "The requested preset token does not exist")
        }
    }
}
