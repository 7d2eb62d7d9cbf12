import Foundation

/// A request to download recordings, in the prototype's shape: source, time range (UTC),
/// cameras, format `mp4`, `max_file_size_mb`.
public struct DownloadRequest: Sendable, Equatable {
    /// The source's name (as in `vtrack sources list`).
    public var sourceName: String
    /// The time range, UTC.
    public var range: DateInterval
    /// Camera keys or names (matched ignoring case); empty = the source's selected cameras.
    public var cameras: [String]
    /// Always `mp4`.
    public var format: String
    /// Split files on a keyframe before they pass this size.
    public var maxFileSizeMB: Int
    /// Cameras downloaded at once.
    public var parallel: Int
    /// Replay sessions at once on the device (lowered automatically on 453).
    public var replaySessions: Int

    public init(sourceName: String, range: DateInterval, cameras: [String] = [], format: String = "mp4",
                maxFileSizeMB: Int = 500, parallel: Int = 2, replaySessions: Int = 1) {
        self.sourceName = sourceName
        self.range = range
        self.cameras = cameras
        self.format = format
        self.maxFileSizeMB = maxFileSizeMB
        self.parallel = parallel
        self.replaySessions = replaySessions
    }
}
