import Common
import Foundation

/// The JSON in `video_source.config`: what VTrack's processing reads about a source.
///
/// Keys: `protocol`, `url` (the host), `port`, `username`, `detected_cameras` (the camera
/// records found by the engine), `selected_cameras` (camera keys, see ``CameraKeys``) and, added
/// by this tool, `device` (manufacturer, model, …) and `folder` (the source's folder name). **Never a password**: a `password` key found in
/// old rows is moved to encrypted storage when the database is opened (see ``Repository``).
/// Keys this version does not know are kept as they are.
public struct SourceConfig: Sendable, Equatable {
    /// `onvif`.
    public var protocolName: String
    /// Host name or IP address of the device.
    public var url: String
    /// ONVIF HTTP port (the prototype wrote it as a string; both are read).
    public var port: Int?
    public var username: String
    public var detectedCameras: [Camera]
    /// Camera keys (names; see ``CameraKeys``) the technician ticked.
    public var selectedCameras: [String]
    /// What the device said about itself when last tested.
    public var device: DeviceInfo?
    /// The source's folder name under the video root, fixed when first saved so that it never
    /// moves (e.g. when another source with a similar name is removed).
    public var folder: String?
    /// Keys this version does not know, kept as they are (never `password`).
    public var extras: [String: JSONValue]

    public init(protocolName: String = "onvif", url: String, port: Int? = nil, username: String = "",
                detectedCameras: [Camera] = [], selectedCameras: [String] = [], device: DeviceInfo? = nil,
                extras: [String: JSONValue] = [:]) {
        self.protocolName = protocolName; self.url = url; self.port = port; self.username = username
        self.detectedCameras = detectedCameras; self.selectedCameras = selectedCameras; self.device = device
        self.extras = extras.filter { $0.key != Self.passwordKey }
    }

    static let passwordKey = "password"
    static let knownKeys: Set<String> = ["protocol", "url", "port", "username", "detected_cameras", "selected_cameras", "device", "folder",
                                         passwordKey]

    /// The cameras whose keys are selected, with their keys, in the device's order.
    public var selectedCameraRecords: [(key: String, camera: Camera)] {
        let chosen = Set(selectedCameras)
        return zip(CameraKeys.keys(for: detectedCameras), detectedCameras)
            .filter { chosen.contains($0.0) }
            .map { (key: $0.0, camera: $0.1) }
    }

    // MARK: - JSON

    /// Reads the column leniently: bad JSON gives an empty config (with `fallbackURL`), unknown
    /// keys are kept, a clear-text password (if any) is returned separately and not kept.
    static func decode(json: String?, fallbackURL: String) -> (config: SourceConfig, clearPassword: String?) {
        guard let json, let data = json.data(using: .utf8),
              let object = try? JSONDecoder().decode([String: JSONValue].self, from: data) else {
            return (SourceConfig(url: fallbackURL), nil)
        }
        func decodeKey<T: Decodable>(_ key: String, as type: T.Type) -> T? {
            guard let v = object[key], let d = try? JSONEncoder().encode(v) else { return nil }
            return try? JSONDecoder().decode(T.self, from: d)
        }
        var config = SourceConfig(url: object["url"]?.stringValue ?? fallbackURL)
        config.protocolName = object["protocol"]?.stringValue ?? "onvif"
        config.port = object["port"]?.stringValue.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        config.username = object["username"]?.stringValue ?? ""
        config.detectedCameras = decodeKey("detected_cameras", as: [Camera].self) ?? []
        config.selectedCameras = decodeKey("selected_cameras", as: [String].self) ?? []
        config.device = decodeKey("device", as: DeviceInfo.self)
        config.folder = object["folder"]?.stringValue
        config.extras = object.filter { !knownKeys.contains($0.key) }
        let password = object[passwordKey]?.stringValue
        return (config, password)
    }

    /// Whether a config column holds a `password` key (the prototype's clear-text password).
    static func holdsPassword(json: String?) -> Bool {
        guard let json, json.contains("\"\(passwordKey)\""), let data = json.data(using: .utf8),
              let object = try? JSONDecoder().decode([String: JSONValue].self, from: data) else { return false }
        return object[passwordKey] != nil
    }

    /// The column text: sorted keys, no password.
    func encodeJSON() -> String {
        struct Out: Encodable {
            let c: SourceConfig
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init(_ s: String) { stringValue = s }
                init?(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
            func encode(to encoder: Encoder) throws {
                var k = encoder.container(keyedBy: Key.self)
                for (key, value) in c.extras where !SourceConfig.knownKeys.contains(key) {
                    try k.encode(value, forKey: Key(key))
                }
                try k.encode(c.protocolName, forKey: Key("protocol"))
                try k.encode(c.url, forKey: Key("url"))
                if let p = c.port { try k.encode(p, forKey: Key("port")) }
                try k.encode(c.username, forKey: Key("username"))
                try k.encode(c.detectedCameras, forKey: Key("detected_cameras"))
                try k.encode(c.selectedCameras, forKey: Key("selected_cameras"))
                if let d = c.device { try k.encode(d, forKey: Key("device")) }
                if let f = c.folder { try k.encode(f, forKey: Key("folder")) }
            }
        }
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? enc.encode(Out(c: self)) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
