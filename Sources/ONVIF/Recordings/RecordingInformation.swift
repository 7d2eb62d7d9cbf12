import Foundation

/// One recording of a device (Search FindRecordings / GetRecordingInformation): which camera it
/// records and which tracks it holds.
public struct RecordingInformation: Sendable, Equatable, Codable {
    public var token: String
    /// `Source/SourceId`: the video source token of the camera it records (how a recording is
    /// tied to a camera; some devices put another id here, see ``RecordingMatcher``).
    public var sourceToken: String
    /// `Source/Name` (often the camera's name).
    public var sourceName: String
    /// EarliestRecording as the device reports it (may be a placeholder such as 1970-01-01).
    public var earliest: Date?
    /// LatestRecording as the device reports it.
    public var latest: Date?
    public var tracks: [RecordingTrack]
    /// `Initiated`, `Recording`, `Stopped`, `Removing`, `Removed`, `Unknown`.
    public var status: String

    public init(token: String, sourceToken: String = "", sourceName: String = "", earliest: Date? = nil, latest: Date? = nil,
                tracks: [RecordingTrack] = [], status: String = "") {
        self.token = token; self.sourceToken = sourceToken; self.sourceName = sourceName
        self.earliest = earliest; self.latest = latest; self.tracks = tracks; self.status = status
    }

    /// The video tracks (what coverage and replay are about); when the device names no track type,
    /// tracks whose token says "video", else every track.
    public var videoTracks: [RecordingTrack] {
        let video = tracks.filter { $0.type == .video }
        if !video.isEmpty { return video }
        let named = tracks.filter { $0.type == .unknown && $0.token.lowercased().contains("video") }
        if !named.isEmpty { return named }
        return tracks.filter { $0.type == .unknown }
    }
}

/// One track of a recording.
public struct RecordingTrack: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case video = "Video", audio = "Audio", metadata = "Metadata", unknown = "Unknown" }

    public var token: String
    public var type: Kind
    /// DataFrom / DataTo as reported (placeholders possible).
    public var dataFrom: Date?
    public var dataTo: Date?

    public init(token: String, type: Kind, dataFrom: Date? = nil, dataTo: Date? = nil) {
        self.token = token; self.type = type; self.dataFrom = dataFrom; self.dataTo = dataTo
    }
}

/// GetRecordingSummary: the span of every recording of the device.
public struct RecordingSummary: Sendable, Equatable, Codable {
    /// DataFrom as reported (may be a placeholder such as 1970-01-01T00:03:15Z).
    public var dataFrom: Date?
    public var dataUntil: Date?
    public var numberOfRecordings: Int

    public init(dataFrom: Date?, dataUntil: Date?, numberOfRecordings: Int) {
        self.dataFrom = dataFrom; self.dataUntil = dataUntil; self.numberOfRecordings = numberOfRecordings
    }
}

/// A `tns1:RecordingHistory/Track/State` event: from `time` on, the track has data
/// (`isDataPresent`) or not. A gap is the time between a false and the next true.
public struct TrackStateEvent: Sendable, Equatable, Codable {
    public var recordingToken: String
    public var trackToken: String
    public var time: Date
    public var isDataPresent: Bool
    /// A virtual event giving the state at the search's start (FindEvents `IncludeStartState`).
    public var isStartState: Bool

    public init(recordingToken: String, trackToken: String, time: Date, isDataPresent: Bool, isStartState: Bool = false) {
        self.recordingToken = recordingToken; self.trackToken = trackToken; self.time = time
        self.isDataPresent = isDataPresent; self.isStartState = isStartState
    }
}

/// Which recordings a search looks at. Devices are told by source and recording tokens only (an
/// XPath `RecordingInformationFilter` is misread by some NVRs, field quirk E4).
public struct SearchScope: Sendable, Equatable {
    /// Video source tokens (cameras).
    public var sources: [String]
    /// Recording tokens.
    public var recordings: [String]

    public init(sources: [String] = [], recordings: [String] = []) {
        self.sources = sources
        self.recordings = recordings
    }

    /// Everything on the device.
    public static let all = SearchScope()
}
