import Common
import Foundation
import GRDB

/// A row of `sync_camera`: how far unattended sync has brought one camera of a source.
public struct SyncCameraRecord: Sendable, Equatable {
    public var sourceID: Int64
    /// The camera key (name).
    public var camera: String
    /// The end of the last footage saved by sync (UTC); nil before the first file.
    public var highWater: Date?
    /// Everything before this has been searched and downloaded, or is a known gap of the device;
    /// the next pass starts here. Nil before the first pass that found footage.
    public var checkedUntil: Date?
    /// The last sync job of this camera.
    public var lastJobID: Int64?
    /// When the last pass over this camera ended.
    public var lastPassAt: Date?
    /// Why the last pass did not bring the camera up to date; nil when it did.
    public var lastError: Localized?
    public var updatedAt: Date?

    public init(sourceID: Int64, camera: String, highWater: Date? = nil, checkedUntil: Date? = nil, lastJobID: Int64? = nil,
                lastPassAt: Date? = nil, lastError: Localized? = nil) {
        self.sourceID = sourceID
        self.camera = camera
        self.highWater = highWater
        self.checkedUntil = checkedUntil
        self.lastJobID = lastJobID
        self.lastPassAt = lastPassAt
        self.lastError = lastError
    }

    init(row: Row) {
        sourceID = row["source_id"]
        camera = row["camera"] ?? ""
        highWater = DownloadTime.date(row["high_water"])
        checkedUntil = DownloadTime.date(row["checked_until"])
        lastJobID = row["last_job_id"]
        lastPassAt = DownloadTime.date(row["last_pass_at"])
        lastError = DownloadReason.decode(row["last_error"])
        updatedAt = DownloadTime.date(row["updated_at"])
    }
}

/// A row of `sync_gap`: a part of a camera's timeline where the device had no footage.
public struct SyncGapRecord: Sendable, Equatable {
    public var id: Int64
    public var sourceID: Int64
    public var camera: String
    public var range: DateInterval
    /// How many times it was searched again since it was found.
    public var checks: Int
    /// When it is to be searched again; nil once it is not re-checked any more.
    public var nextCheckAt: Date?
    public var foundAt: Date?

    init(row: Row) {
        id = row["id"]
        sourceID = row["source_id"]
        camera = row["camera"] ?? ""
        let s = DownloadTime.date(row["gap_start"]) ?? Date(timeIntervalSince1970: 0)
        let e = DownloadTime.date(row["gap_end"]) ?? s
        range = DateInterval(start: s, end: max(s, e))
        checks = row["checks"] ?? 0
        nextCheckAt = DownloadTime.date(row["next_check_at"])
        foundAt = DownloadTime.date(row["found_at"])
    }
}

/// A row of `sync_source`: the last and next sync pass of a source.
public struct SyncSourceRecord: Sendable, Equatable {
    public var sourceID: Int64
    public var lastPassStart: Date?
    public var lastPassEnd: Date?
    public var nextRunAt: Date?
    /// Why the last pass of this source failed as a whole (device unreachable…); nil when it did not.
    public var lastError: Localized?

    public init(sourceID: Int64, lastPassStart: Date? = nil, lastPassEnd: Date? = nil, nextRunAt: Date? = nil, lastError: Localized? = nil) {
        self.sourceID = sourceID
        self.lastPassStart = lastPassStart
        self.lastPassEnd = lastPassEnd
        self.nextRunAt = nextRunAt
        self.lastError = lastError
    }

    init(row: Row) {
        sourceID = row["source_id"]
        lastPassStart = DownloadTime.date(row["last_pass_start"])
        lastPassEnd = DownloadTime.date(row["last_pass_end"])
        nextRunAt = DownloadTime.date(row["next_run_at"])
        lastError = DownloadReason.decode(row["last_error"])
    }
}

/// A row of `sync_deletion`: a file retention deleted.
public struct SyncDeletionRecord: Sendable, Equatable {
    public var id: Int64
    public var sourceID: Int64?
    public var camera: String
    public var path: String
    public var start: Date?
    public var end: Date?
    public var bytes: Int64
    /// `max_days` or `min_free`.
    public var reason: String
    public var deletedAt: Date?

    init(row: Row) {
        id = row["id"]
        sourceID = row["source_id"]
        camera = row["camera"] ?? ""
        path = row["path"] ?? ""
        start = DownloadTime.date(row["start_time"])
        end = DownloadTime.date(row["end_time"])
        bytes = row["bytes"] ?? 0
        reason = row["reason"] ?? ""
        deletedAt = DownloadTime.date(row["deleted_at"])
    }
}
