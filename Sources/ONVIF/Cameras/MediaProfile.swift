import Foundation

/// One media profile as a device lists it (Media ver10 or Media2 ver20), reduced to what
/// grouping cameras needs. Fields a device leaves out stay nil; nothing here is required but the token.
public struct MediaProfile: Sendable, Equatable, Hashable {
    public enum Service: String, Sendable, Hashable { case media1, media2 }

    public var token: String
    public var name: String
    /// Which media service listed it (and so which one to ask for its URIs).
    public var service: Service
    /// `VideoSourceConfiguration/SourceToken`: the video source (NVR channel) it shows. Nil when absent.
    public var sourceToken: String?
    /// `VideoSourceConfiguration/Name`.
    public var sourceName: String?
    /// `H264`, `H265`, `JPEG`, `MPEG4`, or `unknown` (no video encoder configuration, field quirk B3).
    public var codec: String
    public var width: Int?
    public var height: Int?
    public var fps: Double?
    public var bitrateKbps: Int?
    /// The token of the PTZ configuration the profile carries (`PTZConfiguration`, Media2 `PTZ`); nil without one.
    public var ptzConfigurationToken: String?

    public init(token: String, name: String = "", service: Service, sourceToken: String? = nil, sourceName: String? = nil,
                codec: String = "unknown", width: Int? = nil, height: Int? = nil, fps: Double? = nil, bitrateKbps: Int? = nil) {
        self.token = token; self.name = name; self.service = service; self.sourceToken = sourceToken; self.sourceName = sourceName
        self.codec = codec; self.width = width; self.height = height; self.fps = fps; self.bitrateKbps = bitrateKbps
    }

    /// Pixels, for ordering main before sub.
    var area: Int { (width ?? 0) * (height ?? 0) }

    /// Normalises encoder names: `H.264`/`h264`/`AVC` → `H264`, `H.265`/`HEVC` → `H265`.
    static func codecName(_ raw: String?) -> String {
        guard let raw, !raw.isEmpty else { return "unknown" }
        let k = raw.uppercased().replacingOccurrences(of: ".", with: "").replacingOccurrences(of: "-", with: "")
        switch k {
        case "H264", "AVC": return "H264"
        case "H265", "HEVC": return "H265"
        case "JPEG", "MJPEG", "MJPG": return "JPEG"
        case "MPEG4", "MPV4ES", "MP4V": return "MPEG4"
        default: return raw.uppercased()
        }
    }

    /// Reads a Media (ver10) `Profiles` element.
    static func media1(_ p: XMLElement) -> MediaProfile? {
        guard let token = p.attribute("token"), !token.isEmpty else { return nil }
        var m = MediaProfile(token: token, name: p.childText("Name") ?? "", service: .media1)
        if let vsc = p.child("VideoSourceConfiguration") {
            m.sourceToken = vsc.childText("SourceToken").flatMap { $0.isEmpty ? nil : $0 }
            m.sourceName = vsc.childText("Name").flatMap { $0.isEmpty ? nil : $0 }
        }
        if let vec = p.child("VideoEncoderConfiguration") { m.readEncoder(vec) }
        m.ptzConfigurationToken = p.child("PTZConfiguration")?.attribute("token").flatMap { $0.isEmpty ? nil : $0 }
        return m
    }

    /// Reads a Media2 (ver20) `Profiles` element (configurations under `Configurations`).
    static func media2(_ p: XMLElement) -> MediaProfile? {
        guard let token = p.attribute("token"), !token.isEmpty else { return nil }
        var m = MediaProfile(token: token, name: p.childText("Name") ?? "", service: .media2)
        let configs = p.child("Configurations") ?? p
        if let vs = configs.child("VideoSource") {
            m.sourceToken = vs.childText("SourceToken").flatMap { $0.isEmpty ? nil : $0 }
            m.sourceName = vs.childText("Name").flatMap { $0.isEmpty ? nil : $0 }
        }
        if let ve = configs.child("VideoEncoder") { m.readEncoder(ve) }
        m.ptzConfigurationToken = configs.child("PTZ")?.attribute("token").flatMap { $0.isEmpty ? nil : $0 }
        return m
    }

    private mutating func readEncoder(_ e: XMLElement) {
        codec = MediaProfile.codecName(e.childText("Encoding"))
        if let r = e.child("Resolution") {
            width = Int(r.childText("Width") ?? "")
            height = Int(r.childText("Height") ?? "")
        }
        if let rc = e.child("RateControl") {
            fps = Double(rc.childText("FrameRateLimit") ?? "").flatMap { $0 > 0 ? $0 : nil }
            bitrateKbps = Int(rc.childText("BitrateLimit") ?? "").flatMap { $0 > 0 ? $0 : nil }
        }
    }
}
