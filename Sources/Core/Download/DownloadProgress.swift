import Common
import Foundation
import Store

/// One camera's progress, as delivered to the fronts.
public struct CameraProgress: Sendable, Equatable {
    /// The camera key (name).
    public var camera: String
    public var state: DownloadState
    /// Why it is retrying, paused or failed (one sentence), or a warning once done (a shortfall).
    public var reason: Localized?
    /// Seconds of footage planned (the covered intervals); nil while planning.
    public var coveredSeconds: Double?
    /// Seconds of footage downloaded so far.
    public var mediaSeconds: Double
    public var bytes: Int64
    /// Recent speed, bytes per second (0 when idle).
    public var bytesPerSecond: Double
    /// Recent speed in media seconds per wall-clock second ("×real time").
    public var realTimeFactor: Double
    /// Seconds left at the recent speed; nil when unknown.
    public var eta: Double?
    /// Files finished so far (this job).
    public var files: Int
    /// Wall-clock time of the footage reached.
    public var position: Date?

    public init(camera: String, state: DownloadState = .queued) {
        self.camera = camera
        self.state = state
        mediaSeconds = 0
        bytes = 0
        bytesPerSecond = 0
        realTimeFactor = 0
        files = 0
    }

    /// 0…1 of the covered footage (1 once done).
    public var fraction: Double {
        if state == .done { return 1 }
        guard let c = coveredSeconds, c > 0 else { return 0 }
        return min(1, mediaSeconds / c)
    }
}

/// A job's progress: every camera, and the totals.
public struct JobProgress: Sendable, Equatable {
    public var jobID: Int64
    /// The source the job downloads from, and its range (UTC).
    public var sourceName: String
    public var range: DateInterval?
    public var state: DownloadState
    public var reason: Localized?
    public var cameras: [CameraProgress]

    public init(jobID: Int64, sourceName: String = "", range: DateInterval? = nil, state: DownloadState, reason: Localized? = nil,
                cameras: [CameraProgress]) {
        self.jobID = jobID
        self.sourceName = sourceName
        self.range = range
        self.state = state
        self.reason = reason
        self.cameras = cameras
    }

    public var coveredSeconds: Double { cameras.reduce(0) { $0 + ($1.coveredSeconds ?? 0) } }
    public var mediaSeconds: Double { cameras.reduce(0) { $0 + min($1.mediaSeconds, $1.coveredSeconds ?? $1.mediaSeconds) } }
    public var bytes: Int64 { cameras.reduce(0) { $0 + $1.bytes } }
    public var bytesPerSecond: Double { cameras.reduce(0) { $0 + $1.bytesPerSecond } }
    public var realTimeFactor: Double { cameras.reduce(0) { $0 + $1.realTimeFactor } }
    public var files: Int { cameras.reduce(0) { $0 + $1.files } }
    /// 0…1 of all covered footage.
    public var fraction: Double {
        let c = coveredSeconds
        if state == .done { return 1 }
        return c > 0 ? min(1, mediaSeconds / c) : 0
    }
    /// Seconds left: the slowest running camera's ETA, counting queued ones at the current speed.
    public var eta: Double? {
        let left = coveredSeconds - mediaSeconds
        let rate = realTimeFactor
        guard left > 0 else { return 0 }
        return rate > 0 ? left / rate : nil
    }

    public func camera(_ key: String) -> CameraProgress? { cameras.first { $0.camera == key } }
}

/// What the engine tells its front, on the queue the front chose. Keyed by job id (and, inside a
/// `JobProgress`, by camera): these events are the only download state a front shows.
public enum DownloadEvent: Sendable, Equatable {
    /// The job's progress changed (coalesced: at most every `DownloadOptions.progressInterval`,
    /// and at each state change) — also for a job that is not running, when a control changed it
    /// (one camera of a stopped job cancelled).
    case progress(JobProgress)
    /// The job stopped running in this engine: done, failed, paused or cancelled. Carries the
    /// final summary. Every run ends with exactly one, whatever happened (a summary that cannot be
    /// read from the database is replaced by one built from the last progress, with the reason).
    case stopped(DownloadSummary)

    /// The job the event is about.
    public var jobID: Int64 {
        switch self {
        case let .progress(p): return p.jobID
        case let .stopped(s): return s.jobID
        }
    }
}
