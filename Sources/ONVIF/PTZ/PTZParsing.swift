import Common
import Foundation

/// Reading PTZ answers by local names only: prefixes are ignored (some cameras answer GetStatus
/// and GetPresets with prefixes they never declare), missing elements are nil, odd numbers are
/// skipped rather than failing the answer (field quirk H1: PTZ must never block a listing).
enum PTZParsing {
    static func node(_ e: XMLElement) -> PTZNodeInfo? {
        guard let token = e.attribute("token"), !token.isEmpty else { return nil }
        var n = PTZNodeInfo(token: token, name: e.childText("Name") ?? "")
        let spaces = e.child("SupportedPTZSpaces") ?? e
        func has(_ name: String) -> Bool { spaces.child(name) != nil }
        n.absolutePanTilt = has("AbsolutePanTiltPositionSpace")
        n.absoluteZoom = has("AbsoluteZoomPositionSpace")
        n.relativePanTilt = has("RelativePanTiltTranslationSpace")
        n.relativeZoom = has("RelativeZoomTranslationSpace")
        n.continuousPanTilt = has("ContinuousPanTiltVelocitySpace")
        n.continuousZoom = has("ContinuousZoomVelocitySpace")
        n.panTilt = n.absolutePanTilt || n.relativePanTilt || n.continuousPanTilt
        n.zoom = n.absoluteZoom || n.relativeZoom || n.continuousZoom
        if let abs = generic(spaces.children("AbsolutePanTiltPositionSpace")) {
            n.panRange = range(abs.child("XRange"))
            n.tiltRange = range(abs.child("YRange"))
        }
        if let abs = generic(spaces.children("AbsoluteZoomPositionSpace")) { n.zoomRange = range(abs.child("XRange")) }
        n.maxPresets = Int(e.childText("MaximumNumberOfPresets") ?? "").map { max(0, $0) } ?? 0
        n.homeSupported = bool(e.childText("HomeSupported"))
        return n
    }

    static func configuration(_ e: XMLElement) -> PTZConfigurationInfo? {
        guard let token = e.attribute("token"), !token.isEmpty else { return nil }
        var c = PTZConfigurationInfo(token: token, name: e.childText("Name") ?? "")
        c.nodeToken = e.childText("NodeToken").flatMap { $0.isEmpty ? nil : $0 }
        c.defaultTimeout = e.childText("DefaultPTZTimeout").flatMap(ISODuration.seconds)
        if let r = e.child("PanTiltLimits")?.child("Range") {
            c.panLimits = range(r.child("XRange"))
            c.tiltLimits = range(r.child("YRange"))
        }
        if let r = e.child("ZoomLimits")?.child("Range") { c.zoomLimits = range(r.child("XRange")) }
        return c
    }

    static func status(_ response: XMLElement) -> PTZDeviceStatus {
        let s = response.first("PTZStatus") ?? response
        var out = PTZDeviceStatus()
        if let p = s.child("Position") ?? s.first("Position") {
            if let pt = p.child("PanTilt") {
                out.pan = number(pt.attribute("x"))
                out.tilt = number(pt.attribute("y"))
            }
            out.zoom = p.child("Zoom").flatMap { number($0.attribute("x")) }
        }
        if let m = s.child("MoveStatus") ?? s.first("MoveStatus") {
            // ver20 has MoveStatus/PanTilt and /Zoom; some devices give one text for both
            let pt = m.childText("PanTilt").map { $0.uppercased() }
            let z = m.childText("Zoom").map { $0.uppercased() }
            if pt == nil && z == nil, !m.text.isEmpty {
                out.panTiltMove = m.text.uppercased()
            } else {
                out.panTiltMove = pt.flatMap { $0.isEmpty ? nil : $0 }
                out.zoomMove = z.flatMap { $0.isEmpty ? nil : $0 }
            }
        }
        out.time = (s.childText("UtcTime") ?? s.firstText("UtcTime")).flatMap(UTC.parse)
        out.error = s.childText("Error").flatMap { $0.isEmpty ? nil : $0 }
        return out
    }

    static func preset(_ e: XMLElement) -> PTZPresetInfo? {
        guard let token = e.attribute("token") ?? e.childText("token"), !token.isEmpty else { return nil }
        var p = PTZPresetInfo(token: token, name: e.childText("Name") ?? "")
        if let pos = e.child("PTZPosition") {
            if let pt = pos.child("PanTilt") {
                p.pan = number(pt.attribute("x"))
                p.tilt = number(pt.attribute("y"))
            }
            p.zoom = pos.child("Zoom").flatMap { number($0.attribute("x")) }
        }
        return p
    }

    /// The generic space among several (the one whose URI says Generic), else the first.
    private static func generic(_ spaces: [XMLElement]) -> XMLElement? {
        spaces.first { ($0.childText("URI") ?? "").contains("Generic") } ?? spaces.first
    }

    static func range(_ e: XMLElement?) -> ClosedRange<Double>? {
        guard let e, let lo = number(e.childText("Min")), let hi = number(e.childText("Max")), lo <= hi else { return nil }
        return lo...hi
    }

    static func number(_ text: String?) -> Double? {
        guard let t = text?.trimmingCharacters(in: .whitespacesAndNewlines), let v = Double(t), v.isFinite else { return nil }
        return v
    }

    static func bool(_ text: String?) -> Bool {
        guard let t = text?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() else { return false }
        return t == "true" || t == "1"
    }
}
