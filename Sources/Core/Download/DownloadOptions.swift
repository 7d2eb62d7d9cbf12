import Common
import Foundation
import Streaming

/// How the download engine behaves (the per-job settings are in `DownloadRequest`).
public struct DownloadOptions: Sendable {
    /// Reconnects after a dropped link or a busy device (453).
    public var backoff = Backoff()
    /// RTSP timeouts (connect, response, stall).
    public var rtsp = RTSPOptions()
    /// Progress events at most this often, seconds (state changes are sent at once).
    public var progressInterval: Double = 0.25
    /// How often a camera's progress is written to the database, seconds.
    public var databaseInterval: Double = 2
    /// A jump of the pictures' wall-clock time larger than this (seconds) is a gap: the file is split.
    public var gapThreshold: Double = 1.0
    /// Planning (Profile G search) and GetReplayUri retries when the device is unreachable.
    public var planAttempts = 3
    /// Seconds of covered footage per interval that may be missing before a shortfall is reported
    /// (the edges are within one GOP).
    public var shortfallTolerancePerInterval: Double = 2.5

    public init() {}
}
