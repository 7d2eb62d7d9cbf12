import Common
import Foundation

/// What a sync tells its front (the CLI's lines or JSON, the terminal app), on the front's queue.
public enum SyncEvent: Sendable {
    /// A pass begins over these sources.
    case passStarted(at: Date, sources: [String])
    /// A sync job of a source was made (or resumed) over a range for some cameras.
    case jobStarted(source: String, jobID: Int64, range: DateInterval, cameras: [String], resumed: Bool)
    /// A sync job's progress (the download engine's events).
    case download(DownloadEvent)
    /// A camera could not be brought up to date in this pass (device down, camera busy…).
    case cameraProblem(source: String, camera: String, Localized)
    /// A whole source failed in this pass (unreachable, password unavailable…).
    case sourceFailed(source: String, Localized)
    /// A known gap of the device now has footage, which is fetched.
    case gapFilled(source: String, camera: String, found: [DateInterval])
    /// Retention deleted (or, in a dry run, would delete) a file.
    case deletion(RetentionDeletion)
    /// A pass ended.
    case passFinished(SyncPassSummary)
}

/// What one pass did.
public struct SyncPassSummary: Sendable, Equatable {
    public var started: Date
    public var ended: Date
    public var sources: [String]
    /// Jobs run (made or resumed).
    public var jobs: [Int64] = []
    public var files = 0
    public var bytes: Int64 = 0
    public var mediaSeconds: Double = 0
    /// Sentences of what went wrong (per source or camera).
    public var problems: [Localized] = []
    /// Files retention deleted.
    public var deletions: [RetentionDeletion] = []
    /// True when the pass was stopped (SIGTERM) before its end.
    public var interrupted = false

    public init(started: Date, ended: Date, sources: [String]) {
        self.started = started
        self.ended = ended
        self.sources = sources
    }
}
