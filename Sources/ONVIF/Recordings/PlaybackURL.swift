import Common
import Foundation

/// NVR makers whose own RTSP playback URLs VTrack can use when ONVIF replay is missing or
/// refused (field quirk F4).
public enum PlaybackVendor: String, Sendable, Codable, CaseIterable {
    case hikvision, dahua

    /// The vendor named by GetDeviceInformation's Manufacturer (`HIKVISION`, `Hikvision Digital
    /// Technology`, `Dahua`, `Dahua Technology`…), or nil.
    public init?(manufacturer: String) {
        let m = manufacturer.lowercased()
        if m.contains("hikvision") || m.hasPrefix("hik") { self = .hikvision } else if m.contains("dahua") { self = .dahua } else { return nil }
    }
}

/// What a playback URL is built from: one camera and one time range (UTC).
public struct PlaybackRequest: Sendable, Equatable {
    /// The device's host, as the user typed it (IPv6 without brackets).
    public var host: String
    /// The device's RTSP port (554 unless its stream URIs say otherwise).
    public var port: Int
    /// 1-based channel number (the camera's position among the device's video sources).
    public var channel: Int
    public var subStream: Bool
    /// The camera's video source token (for templates that need it).
    public var sourceToken: String
    public var start: Date
    public var end: Date

    public init(host: String, port: Int = 554, channel: Int, subStream: Bool = false, sourceToken: String = "", start: Date, end: Date) {
        self.host = host; self.port = port; self.channel = channel; self.subStream = subStream
        self.sourceToken = sourceToken; self.start = start; self.end = end
    }

    /// `rtsp://host:port` (IPv6 in brackets).
    var base: String { "rtsp://\(host.contains(":") ? "[\(host)]" : host):\(port)" }
}

/// Builds vendor playback URLs. Pure functions; no credentials ever go in a URL (RTSP auth
/// headers carry them).
public enum PlaybackURL {
    /// Hikvision: `rtsp://host:port/Streaming/tracks/<ch>01?starttime=YYYYMMDDThhmmssZ&endtime=…`
    /// (`<ch>02` for the sub stream). These streams do not stop at endtime: the client must stop.
    public static func hikvision(_ r: PlaybackRequest) -> String {
        "\(r.base)/Streaming/tracks/\(r.channel)\(r.subStream ? "02" : "01")?starttime=\(UTC.compact(r.start))&endtime=\(UTC.compact(r.end))"
    }

    /// Dahua: `rtsp://host:port/cam/playback?channel=N&subtype=0&starttime=YYYY_MM_DD_hh_mm_ss&endtime=…`.
    public static func dahua(_ r: PlaybackRequest) -> String {
        "\(r.base)/cam/playback?channel=\(r.channel)&subtype=\(r.subStream ? 1 : 0)&starttime=\(underscored(r.start))&endtime=\(underscored(r.end))"
    }

    public static func url(_ vendor: PlaybackVendor, _ r: PlaybackRequest) -> String {
        switch vendor {
        case .hikvision: return hikvision(r)
        case .dahua: return dahua(r)
        }
    }

    /// `2024_01_15_08_30_00`.
    static func underscored(_ d: Date) -> String {
        let f = UTC.fields(d)
        return [f.year, f.month, f.day, f.hour, f.minute, f.second].enumerated()
            .map { i, v in i == 0 ? String(format: "%04d", v) : String(format: "%02d", v) }.joined(separator: "_")
    }
}

/// A playback URL template the user sets on a source, for devices VTrack has no built-in format for.
///
/// Placeholders:
/// - `{host}`, `{port}` — the device host (IPv6 in brackets) and RTSP port;
/// - `{channel}` — the channel number; `{channel:2}` pads it to 2 digits (`01`);
/// - `{subtype}` — 0 for the main stream, 1 for the sub stream;
/// - `{source}` — the camera's video source token;
/// - `{start}`, `{end}` — UTC as `YYYYMMDDThhmmssZ`; with a format, `{start:yyyy_MM_dd_HH_mm_ss}`
///   (letters `yyyy MM dd HH mm ss`, anything else kept), `{start:iso}` (`2024-01-15T08:30:00Z`)
///   or `{start:unix}` (seconds since 1970).
///
/// A template that starts with `/` is a path on `rtsp://{host}:{port}`.
/// Example: `rtsp://{host}:554/Streaming/tracks/{channel}01?starttime={start}&endtime={end}`.
public struct PlaybackURLTemplate: Sendable, Equatable, Codable {
    public let text: String

    /// - Throws: `PlaybackTemplateError` for an unknown placeholder, an unclosed `{`, or a template
    ///   that is not an rtsp:// URL or a path.
    public init(_ text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("/") || t.lowercased().hasPrefix("rtsp://") || t.lowercased().hasPrefix("rtsps://") else {
            throw PlaybackTemplateError.notRTSP(template: t)
        }
        self.text = t
        _ = try expand(PlaybackRequest(host: "h", channel: 1, start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 1)))
    }

    /// The URL for one camera and range.
    public func url(_ r: PlaybackRequest) -> String {
        (try? expand(r)) ?? text // the template was checked in init
    }

    private func expand(_ r: PlaybackRequest) throws -> String {
        var out = text.hasPrefix("/") ? r.base : ""
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            guard c == "{" else {
                out.append(c)
                i = text.index(after: i)
                continue
            }
            guard let close = text[i...].firstIndex(of: "}") else { throw PlaybackTemplateError.unclosed(template: text) }
            let inner = String(text[text.index(after: i)..<close])
            out += try value(inner, r)
            i = text.index(after: close)
        }
        return out
    }

    private func value(_ placeholder: String, _ r: PlaybackRequest) throws -> String {
        let parts = placeholder.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = parts[0].lowercased(), format = parts.count > 1 ? parts[1] : nil
        switch (name, format) {
        case ("host", nil): return r.host.contains(":") ? "[\(r.host)]" : r.host
        case ("port", nil): return String(r.port)
        case ("channel", nil): return String(r.channel)
        case ("channel", let f?):
            guard let width = Int(f), (1...6).contains(width) else { throw PlaybackTemplateError.unknownPlaceholder(template: text, placeholder: placeholder) }
            return String(format: "%0\(width)d", r.channel)
        case ("subtype", nil): return r.subStream ? "1" : "0"
        case ("source", nil): return r.sourceToken.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=?/#"))) ?? r.sourceToken
        case ("start", let f), ("end", let f):
            return try Self.time(name == "start" ? r.start : r.end, format: f, template: text, placeholder: placeholder)
        default:
            throw PlaybackTemplateError.unknownPlaceholder(template: text, placeholder: placeholder)
        }
    }

    static func time(_ d: Date, format: String?, template: String, placeholder: String) throws -> String {
        guard let format else { return UTC.compact(d) }
        switch format.lowercased() {
        case "iso": return UTC.iso(d)
        case "unix": return String(Int(d.timeIntervalSince1970.rounded(.down)))
        case "compact": return UTC.compact(d)
        default: break
        }
        let f = UTC.fields(d)
        let tokens: [(String, String)] = [("yyyy", String(format: "%04d", f.year)), ("MM", String(format: "%02d", f.month)),
                                          ("dd", String(format: "%02d", f.day)), ("HH", String(format: "%02d", f.hour)),
                                          ("mm", String(format: "%02d", f.minute)), ("ss", String(format: "%02d", f.second))]
        var out = "", rest = Substring(format), matched = false
        outer: while !rest.isEmpty {
            for (token, value) in tokens where rest.hasPrefix(token) {
                out += value
                rest = rest.dropFirst(token.count)
                matched = true
                continue outer
            }
            out.append(rest.removeFirst())
        }
        guard matched else { throw PlaybackTemplateError.unknownPlaceholder(template: template, placeholder: placeholder) }
        return out
    }
}

/// A playback URL template that cannot be used.
public enum PlaybackTemplateError: UserFacingError, Equatable {
    case notRTSP(template: String)
    case unclosed(template: String)
    case unknownPlaceholder(template: String, placeholder: String)

    public var message: Localized {
        let known = "{host} {port} {channel} {channel:2} {subtype} {source} {start} {end} {start:yyyy_MM_dd_HH_mm_ss} {start:iso} {start:unix}"
        switch self {
        case .notRTSP(let t):
            return Localized(vi: "Mẫu URL phát lại “\(t)” phải bắt đầu bằng rtsp:// hoặc / (một đường dẫn trên cổng RTSP của thiết bị).",
                             en: "The playback URL template “\(t)” must start with rtsp:// or / (a path on the device's RTSP port).")
        case .unclosed(let t):
            return Localized(vi: "Mẫu URL phát lại “\(t)” có dấu { chưa đóng: hãy kiểm tra các chỗ giữ chỗ, ví dụ {channel}.",
                             en: "The playback URL template “\(t)” has a { that is never closed: check its placeholders, e.g. {channel}.")
        case .unknownPlaceholder(let t, let p):
            return Localized(vi: "Mẫu URL phát lại “\(t)” có chỗ giữ chỗ lạ {\(p)}: hãy dùng \(known).",
                             en: "The playback URL template “\(t)” has an unknown placeholder {\(p)}: use \(known).")
        }
    }
}
