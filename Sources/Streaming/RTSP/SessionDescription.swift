/// A tolerant SDP parser (RFC 4566) for what an RTSP client needs: media sections with
/// payload type, codec, clock rate, fmtp parameters and control URLs, the session-level control
/// and range. Trailing spaces, `\n` line ends, missing fmtp and unknown lines are all fine.
public struct SessionDescription: Sendable, Equatable {
    public struct Media: Sendable, Equatable {
        /// `video`, `audio`, `application`…
        public var type: String
        public var payloadType: UInt8
        /// Upper-cased encoding name from rtpmap (`H264`, `H265`, `MPEG4-GENERIC`, `PCMU`…).
        public var encoding: String
        public var clockRate: Int
        public var channels: Int
        /// fmtp parameters with lower-cased keys.
        public var format: [String: String]
        public var control: String?
        /// ONVIF `a=x-onvif-track` (the recording's track token), if any.
        public var onvifTrack: String?
    }

    public var media: [Media] = []
    public var control: String?
    /// `a=range` of the session, as written.
    public var range: String?

    public init(_ text: String) {
        var current: Media?
        var rtpmaps: [UInt8: (String, Int, Int)] = [:]
        var fmtps: [UInt8: [String: String]] = [:]
        func close() {
            guard var m = current else { return }
            if let (enc, rate, ch) = rtpmaps[m.payloadType] {
                m.encoding = enc; m.clockRate = rate; m.channels = ch
            }
            m.format = fmtps[m.payloadType] ?? [:]
            media.append(m)
            current = nil
            rtpmaps = [:]
            fmtps = [:]
        }
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.count >= 2, line.dropFirst().first == "=" else { continue }
            let key = line.first!
            let value = String(line.dropFirst(2))
            if key == "m" {
                close()
                let parts = value.split(separator: " ")
                let pt = parts.count >= 4 ? UInt8(parts[3]) ?? 0 : 0
                current = Media(type: parts.first.map(String.init) ?? "", payloadType: pt, encoding: SessionDescription.staticEncoding(pt),
                                clockRate: SessionDescription.staticRate(pt), channels: 1, format: [:], control: nil, onvifTrack: nil)
                continue
            }
            guard key == "a" else { continue }
            let (name, attr) = SessionDescription.splitAttribute(value)
            switch name.lowercased() {
            case "control":
                if current != nil { current?.control = attr } else { control = attr }
            case "range":
                if current == nil { range = attr }
            case "x-onvif-track":
                current?.onvifTrack = attr
            case "rtpmap":
                let parts = attr.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, let pt = UInt8(parts[0]) else { continue }
                let enc = parts[1].trimmingCharacters(in: .whitespaces).split(separator: "/")
                rtpmaps[pt] = (enc.first.map { $0.uppercased() } ?? "", enc.count > 1 ? Int(enc[1]) ?? 90_000 : 90_000,
                               enc.count > 2 ? Int(enc[2]) ?? 1 : 1)
            case "fmtp":
                let parts = attr.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, let pt = UInt8(parts[0]) else { continue }
                var f: [String: String] = [:]
                for kv in parts[1].split(separator: ";") {
                    let t = kv.trimmingCharacters(in: .whitespaces)
                    guard let eq = t.firstIndex(of: "=") else { continue }
                    f[t[..<eq].trimmingCharacters(in: .whitespaces).lowercased()] = t[t.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                }
                fmtps[pt] = f
            default:
                break
            }
        }
        close()
    }

    private static func splitAttribute(_ v: String) -> (String, String) {
        guard let colon = v.firstIndex(of: ":") else { return (v, "") }
        return (String(v[..<colon]), String(v[v.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
    }

    private static func staticEncoding(_ pt: UInt8) -> String {
        switch pt {
        case 0: return "PCMU"
        case 8: return "PCMA"
        case 26: return "JPEG"
        default: return ""
        }
    }

    private static func staticRate(_ pt: UInt8) -> Int { pt == 0 || pt == 8 ? 8000 : 90_000 }

    /// The first H.264 or H.265 video section.
    public var video: Media? {
        media.first { $0.type == "video" && ($0.encoding == "H264" || $0.encoding == "H265" || $0.encoding == "HEVC") }
    }

    /// The first AAC (`mpeg4-generic`) audio section.
    public var aacAudio: Media? {
        media.first { $0.type == "audio" && $0.encoding == "MPEG4-GENERIC" && ($0.format["mode"]?.lowercased().hasPrefix("aac") ?? true) }
    }
}

extension SessionDescription.Media {
    public var codec: VideoCodec? {
        switch encoding {
        case "H264": return .h264
        case "H265", "HEVC": return .h265
        default: return nil
        }
    }

    /// Parameter sets from `sprop-parameter-sets` (H.264) or `sprop-vps/sps/pps` (H.265);
    /// start codes inside the Base64 data are tolerated.
    public var parameterSets: ParameterSets {
        var ps = ParameterSets()
        func nals(_ v: String?) -> [[UInt8]] {
            guard let v else { return [] }
            return v.split(separator: ",").flatMap { part -> [[UInt8]] in
                guard let b = Base64.decode(part), !b.isEmpty else { return [] }
                return NALUnit.splitAnnexB(b)
            }
        }
        switch codec {
        case .h264:
            for n in nals(format["sprop-parameter-sets"]) where !n.isEmpty {
                switch n[0] & 0x1F {
                case 7: if ps.sps == nil { ps.sps = n }
                case 8: if ps.pps == nil { ps.pps = n }
                default: break
                }
            }
        case .h265:
            for n in nals(format["sprop-vps"]) + nals(format["sprop-sps"]) + nals(format["sprop-pps"]) where n.count >= 2 {
                switch (n[0] >> 1) & 0x3F {
                case 32: if ps.vps == nil { ps.vps = n }
                case 33: if ps.sps == nil { ps.sps = n }
                case 34: if ps.pps == nil { ps.pps = n }
                default: break
                }
            }
        case nil:
            break
        }
        return ps
    }
}
