/// One stream (media profile) of a camera: main or sub.
public struct StreamInfo: Codable, Sendable, Equatable, Hashable {
    /// ONVIF profile token (Media1 or Media2).
    public var profileToken: String
    public var profileName: String
    /// `H264`, `H265`, `JPEG`, `MPEG4` or `unknown`.
    public var codec: String
    public var width: Int?
    public var height: Int?
    public var fps: Double?
    public var bitrateKbps: Int?
    /// RTSP URI with no credentials in it.
    public var uri: String?
    /// Which media service listed it: `media1` or `media2`.
    public var media: String

    public init(profileToken: String, profileName: String = "", codec: String = "unknown", width: Int? = nil, height: Int? = nil,
                fps: Double? = nil, bitrateKbps: Int? = nil, uri: String? = nil, media: String = "media1") {
        self.profileToken = profileToken; self.profileName = profileName; self.codec = codec
        self.width = width; self.height = height; self.fps = fps; self.bitrateKbps = bitrateKbps
        self.uri = uri; self.media = media
    }

    /// `1920x1080`, or empty when unknown.
    public var resolution: String {
        guard let w = width, let h = height else { return "" }
        return "\(w)x\(h)"
    }

    enum CodingKeys: String, CodingKey {
        case profileToken = "profile_token", profileName = "profile_name", codec, width, height, fps
        case bitrateKbps = "bitrate_kbps", uri, media
    }
}

/// A camera (one video source; an NVR channel). The first seven fields are the prototype's
/// record, read by VTrack's processing; the rest are this tool's additions.
public struct Camera: Codable, Sendable, Equatable, Hashable {
    /// Stable id `onvif_<host>_<source token>`.
    public var id: String
    public var name: String
    public var description: String
    /// The main stream's RTSP URI (no credentials).
    public var streamURL: String
    /// The main stream's resolution, e.g. `1920x1080`.
    public var resolution: String
    /// The main stream's codec, e.g. `H264`.
    public var codec: String
    /// What the camera offers: `video`, `snapshot`, `h265`, `sub_stream`, `recording`, …
    public var capabilities: [String]

    /// 1-based channel number (order of video sources as listed by the device).
    public var channel: Int
    /// ONVIF video source token: what groups profiles into a camera.
    public var sourceToken: String
    public var mainStream: StreamInfo?
    public var subStream: StreamInfo?
    public var snapshotURL: String?

    public init(id: String, name: String, description: String = "", streamURL: String = "", resolution: String = "", codec: String = "unknown",
                capabilities: [String] = [], channel: Int = 0, sourceToken: String = "", mainStream: StreamInfo? = nil,
                subStream: StreamInfo? = nil, snapshotURL: String? = nil) {
        self.id = id; self.name = name; self.description = description; self.streamURL = streamURL
        self.resolution = resolution; self.codec = codec; self.capabilities = capabilities; self.channel = channel
        self.sourceToken = sourceToken; self.mainStream = mainStream; self.subStream = subStream; self.snapshotURL = snapshotURL
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, streamURL = "stream_url", resolution, codec, capabilities
        case channel, sourceToken = "source_token", mainStream = "main_stream", subStream = "sub_stream", snapshotURL = "snapshot_url"
    }

    /// Tolerant decoding: rows written by the prototype may lack the new fields, and may hold
    /// `capabilities` as an object (`{"ptz": true}`) or a list.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = (try? c.decode(String.self, forKey: .id)) ?? ""
        name = (try? c.decode(String.self, forKey: .name)) ?? id
        description = (try? c.decode(String.self, forKey: .description)) ?? ""
        streamURL = (try? c.decode(String.self, forKey: .streamURL)) ?? ""
        resolution = (try? c.decode(String.self, forKey: .resolution)) ?? ""
        codec = (try? c.decode(String.self, forKey: .codec)) ?? "unknown"
        if let list = try? c.decode([String].self, forKey: .capabilities) {
            capabilities = list
        } else if let dict = try? c.decode([String: Bool].self, forKey: .capabilities) {
            capabilities = dict.filter(\.value).map(\.key).sorted()
        } else if let dict = try? c.decode([String: String].self, forKey: .capabilities) {
            capabilities = dict.keys.sorted()
        } else {
            capabilities = []
        }
        channel = (try? c.decode(Int.self, forKey: .channel)) ?? 0
        sourceToken = (try? c.decode(String.self, forKey: .sourceToken)) ?? ""
        mainStream = try? c.decode(StreamInfo.self, forKey: .mainStream)
        subStream = try? c.decode(StreamInfo.self, forKey: .subStream)
        snapshotURL = try? c.decode(String.self, forKey: .snapshotURL)
    }
}

/// What a device says about itself (GetDeviceInformation plus scopes and clock).
public struct DeviceInfo: Codable, Sendable, Equatable {
    public var manufacturer: String
    public var model: String
    public var firmwareVersion: String
    public var serialNumber: String
    public var hardwareId: String
    /// Name from the `onvif://www.onvif.org/name/` scope, when present.
    public var scopeName: String?
    /// `onvif://www.onvif.org/location/` scope.
    public var location: String?
    /// Profiles claimed in scopes: `S`, `G`, `T`, …
    public var profiles: [String]
    /// Device clock minus our clock, seconds (positive = device ahead).
    public var clockOffsetSeconds: Double?

    public init(manufacturer: String = "", model: String = "", firmwareVersion: String = "", serialNumber: String = "", hardwareId: String = "",
                scopeName: String? = nil, location: String? = nil, profiles: [String] = [], clockOffsetSeconds: Double? = nil) {
        self.manufacturer = manufacturer; self.model = model; self.firmwareVersion = firmwareVersion
        self.serialNumber = serialNumber; self.hardwareId = hardwareId; self.scopeName = scopeName
        self.location = location; self.profiles = profiles; self.clockOffsetSeconds = clockOffsetSeconds
    }

    enum CodingKeys: String, CodingKey {
        case manufacturer, model, firmwareVersion = "firmware_version", serialNumber = "serial_number", hardwareId = "hardware_id"
        case scopeName = "scope_name", location, profiles, clockOffsetSeconds = "clock_offset_seconds"
    }
}
