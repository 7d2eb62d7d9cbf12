import Foundation

/// What a finished (or recovered) MP4 file holds.
public struct MP4FileSummary: Sendable, Equatable {
    /// The final path (after the rename from `.part`).
    public var path: String
    public var bytes: Int64
    /// moof+mdat pairs.
    public var fragments: Int
    public var videoSamples: Int
    /// Media duration of the video track, seconds.
    public var duration: Double
    /// Wall-clock time of the first picture (from the ONVIF extension / RTCP), if known.
    public var firstWallClock: Date?
    /// Wall-clock time at the end of the last picture (its start plus its duration), if known:
    /// where a download resumes after a cut.
    public var endWallClock: Date?

    public init(path: String, bytes: Int64, fragments: Int, videoSamples: Int, duration: Double,
                firstWallClock: Date?, endWallClock: Date?) {
        self.path = path
        self.bytes = bytes
        self.fragments = fragments
        self.videoSamples = videoSamples
        self.duration = duration
        self.firstWallClock = firstWallClock
        self.endWallClock = endWallClock
    }
}
