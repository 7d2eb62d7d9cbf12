import Foundation
import Common

/// A source saved in the database, as the sources list shows it.
public struct SavedSource: Sendable, Equatable {
    public var name: String
    public var host: String
    public var port: Int
    public var user: String
    /// Every camera found at the last successful test.
    public var cameras: [Camera]
    /// Names of the ticked cameras.
    public var selected: [String]
    public var videoRoot: String?
    /// The last test's outcome, when known in this session.
    public var lastResult: Localized?
    public var lastOK: Bool?

    public init(name: String, host: String, port: Int, user: String, cameras: [Camera] = [], selected: [String] = [],
                videoRoot: String? = nil, lastResult: Localized? = nil, lastOK: Bool? = nil) {
        self.name = name; self.host = host; self.port = port; self.user = user; self.cameras = cameras
        self.selected = selected; self.videoRoot = videoRoot; self.lastResult = lastResult; self.lastOK = lastOK
    }
}

/// A device answering WS-Discovery on the LAN.
public struct FoundDevice: Sendable, Equatable {
    /// The endpoint reference address: the device's identity (never its IP).
    public var id: String
    public var name: String
    public var hardware: String
    public var host: String
    public var port: Int
    /// The device service address chosen among the ones it advertised.
    public var xaddr: String
    /// ONVIF profiles from its scopes: `S`, `G`, `T`.
    public var profiles: [String]
    /// The answer came from outside the receiving interface's subnet.
    public var otherSubnet: Bool

    public init(id: String, name: String, hardware: String = "", host: String, port: Int, xaddr: String = "",
                profiles: [String] = [], otherSubnet: Bool = false) {
        self.id = id; self.name = name; self.hardware = hardware; self.host = host; self.port = port
        self.xaddr = xaddr; self.profiles = profiles; self.otherSubnet = otherSubnet
    }
}

/// One camera in the grid.
public struct CameraRow: Sendable, Equatable {
    public var camera: Camera
    /// The camera's key: its name, made distinct when two cameras share one ("Camera 01 (2)").
    /// Selections, folders and downloads use it.
    public var key: String
    public var selected: Bool
    /// Whether its main stream answered; nil until checked.
    public var reachable: Bool?

    public init(camera: Camera, key: String? = nil, selected: Bool = false, reachable: Bool? = nil) {
        self.camera = camera; self.key = key ?? camera.name; self.selected = selected; self.reachable = reachable
    }
}

/// What saving a selection did: each camera's folder and its free space, with problems in words.
public struct SaveReport: Sendable, Equatable {
    public var videoRoot: String
    public var folders: [Folder]
    /// Free space under the video root, GB.
    public var freeGB: Double?
    /// True when every folder is usable and everything was saved.
    public var ok: Bool
    /// Why nothing was saved, when `ok` is false for the whole save.
    public var problem: Localized?
    /// Things worth knowing that did not stop the save (low disk space, a renamed folder).
    public var notes: [Localized] = []

    public struct Folder: Sendable, Equatable {
        public var camera: String
        public var path: String
        public var freeGB: Double?
        public var problem: Localized?
        public init(camera: String, path: String, freeGB: Double? = nil, problem: Localized? = nil) {
            self.camera = camera; self.path = path; self.freeGB = freeGB; self.problem = problem
        }
    }

    public init(videoRoot: String, folders: [Folder], freeGB: Double? = nil, ok: Bool, problem: Localized? = nil, notes: [Localized] = []) {
        self.videoRoot = videoRoot; self.folders = folders; self.freeGB = freeGB; self.ok = ok; self.problem = problem
        self.notes = notes
    }
}

/// Footage of one camera: the intervals a Profile G search found.
public struct CameraCoverage: Sendable, Equatable {
    public var camera: String
    public var intervals: [Interval]

    /// A span of time with footage, in UTC.
    public struct Interval: Sendable, Equatable {
        public var start: Date
        public var end: Date
        public init(start: Date, end: Date) { self.start = start; self.end = end }
    }

    public init(camera: String, intervals: [Interval]) { self.camera = camera; self.intervals = intervals }

    /// Seconds of footage between `from` and `to`.
    public func seconds(from: Date, to: Date) -> Double {
        var total = 0.0
        for i in intervals {
            let s = max(i.start, from), e = min(i.end, to)
            if e > s { total += e.timeIntervalSince(s) }
        }
        return total
    }
}

/// The state of one camera's download.
public enum DownloadPhase: Sendable, Equatable {
    case queued
    case running
    /// Reconnecting after a dropped link, with the reason.
    case retrying(Localized)
    /// Paused by the user (nil) or by a problem to fix (disk full, folder read-only).
    case paused(Localized?)
    case done
    case failed(Localized)
    case cancelled

    /// Still has work to do and is not held.
    public var isActive: Bool {
        switch self {
        case .queued, .running, .retrying: return true
        default: return false
        }
    }

    /// Not finished (active or paused): resumes next time.
    public var isUnfinished: Bool {
        switch self {
        case .queued, .running, .retrying, .paused: return true
        default: return false
        }
    }
}

/// A download job as the engine last reported it: its source, range and state, and the sentence
/// it ended with.
public struct DownloadJobInfo: Sendable, Equatable {
    public var id: Int64
    public var source: String
    public var from: Date?
    public var to: Date?
    public var phase: DownloadPhase
    /// How its last run ended (files, size, footage, reason), once it stopped.
    public var summary: Localized?

    public init(id: Int64, source: String, from: Date? = nil, to: Date? = nil, phase: DownloadPhase = .queued, summary: Localized? = nil) {
        self.id = id; self.source = source; self.from = from; self.to = to; self.phase = phase; self.summary = summary
    }
}

/// Progress of one camera's download in one job.
public struct DownloadRow: Sendable, Equatable {
    /// The job it belongs to (two jobs can download the same camera).
    public var jobID: Int64
    public var camera: String
    public var phase: DownloadPhase
    /// Seconds of footage written, and to write.
    public var mediaDone: Double
    public var mediaTotal: Double
    public var bytes: Int64
    public var bytesPerSecond: Double
    /// Footage seconds per wall-clock second.
    public var realtimeFactor: Double
    public var etaSeconds: Double?
    public var files: Int

    public init(jobID: Int64 = 0, camera: String, phase: DownloadPhase = .queued, mediaDone: Double = 0, mediaTotal: Double = 0, bytes: Int64 = 0,
                bytesPerSecond: Double = 0, realtimeFactor: Double = 0, etaSeconds: Double? = nil, files: Int = 0) {
        self.jobID = jobID; self.camera = camera; self.phase = phase; self.mediaDone = mediaDone; self.mediaTotal = mediaTotal; self.bytes = bytes
        self.bytesPerSecond = bytesPerSecond; self.realtimeFactor = realtimeFactor; self.etaSeconds = etaSeconds; self.files = files
    }

    /// 0…1 of the footage done (1 when done, even with nothing to fetch).
    public var fraction: Double {
        if phase == .done { return 1 }
        guard mediaTotal > 0 else { return 0 }
        return min(1, max(0, mediaDone / mediaTotal))
    }
}

/// One line of the session log. Never holds a password (texts come from `Localized`
/// sentences built by the app and the engines' user-facing errors).
public struct LogLine: Sendable, Equatable {
    public enum Level: Sendable, Equatable { case info, ok, warning, error }
    public var time: Date
    public var level: Level
    public var text: Localized
    public init(time: Date, level: Level, text: Localized) { self.time = time; self.level = level; self.text = text }
}

/// An engine's failure as the UI shows it: one sentence in both languages.
public struct EngineFailure: UserFacingError, Equatable {
    public let message: Localized
    public init(_ message: Localized) { self.message = message }
    /// Wraps any error: a `UserFacingError` keeps its sentence; anything else gets a generic one
    /// (with the error's text redacted).
    public init(_ error: any Error) {
        if let u = error as? any UserFacingError {
            message = u.message
        } else {
            message = .unexpected(error)
        }
    }
}
