import Common
import Foundation
import ONVIF
import Store

/// Where to get footage when a device has no ONVIF replay: a playback URL template saved on the
/// source (`playback_url_template` in its config), else the built-in format of its manufacturer
/// (Hikvision, Dahua). Such streams may run past their end time: the downloader must stop them.
public struct PlaybackFallback: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case vendor(PlaybackVendor)
        case template(PlaybackURLTemplate)
    }

    /// The key in `video_source.config` that holds a source's template.
    public static let configKey = "playback_url_template"

    public var kind: Kind
    /// The device's host, as saved on the source.
    public var host: String

    public init(kind: Kind, host: String) {
        self.kind = kind
        self.host = host
    }

    /// The fallback for a source: `template` (e.g. from the command line) first, then the saved
    /// template, then the manufacturer's format; nil when there is none.
    /// - Throws: `PlaybackTemplateError` when a template is unusable.
    public static func forSource(_ source: VideoSource, device: DeviceInfo?, template: String? = nil) throws -> PlaybackFallback? {
        if let t = template ?? source.config.extras[configKey]?.stringValue, !t.trimmingCharacters(in: .whitespaces).isEmpty {
            return PlaybackFallback(kind: .template(try PlaybackURLTemplate(t)), host: source.host)
        }
        let manufacturer = device?.manufacturer ?? source.config.device?.manufacturer ?? ""
        return PlaybackVendor(manufacturer: manufacturer).map { PlaybackFallback(kind: .vendor($0), host: source.host) }
    }

    /// Saves (or with nil, removes) a source's playback URL template.
    /// - Throws: `PlaybackTemplateError` for an unusable template, and store errors.
    public static func save(template: String?, sourceName: String, repository: Repository) throws {
        let checked = try template.map { try PlaybackURLTemplate($0).text }
        try repository.write { tx in
            let source = try tx.read.requireSource(named: sourceName)
            var config = source.config
            config.extras[configKey] = checked.map { .string($0) }
            if checked == nil { config.extras.removeValue(forKey: configKey) }
            try tx.updateConfig(of: source, config)
        }
    }

    /// The playback URL of one camera over `interval` (no credentials in it).
    public func url(camera: Camera, interval: DateInterval) -> String {
        let request = PlaybackRequest(host: host, port: Self.rtspPort(of: camera), channel: max(1, camera.channel),
                                      sourceToken: camera.sourceToken, start: interval.start, end: interval.end)
        switch kind {
        case .vendor(let v): return PlaybackURL.url(v, request)
        case .template(let t): return t.url(request)
        }
    }

    /// `hikvision`, `dahua` or `template`.
    public var name: String {
        switch kind {
        case .vendor(let v): return v.rawValue
        case .template: return "template"
        }
    }

    /// The RTSP port of the camera's stream URIs, else 554.
    static func rtspPort(of camera: Camera) -> Int {
        for uri in [camera.mainStream?.uri, camera.streamURL, camera.subStream?.uri].compactMap({ $0 }) where !uri.isEmpty {
            if let port = URLComponents(string: uri)?.port { return port }
        }
        return 554
    }
}
