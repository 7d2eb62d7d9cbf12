import Foundation
import GRDB

extension StoreReader {
    /// Every camera sync has seen of a source, by camera name.
    public func syncCameras(sourceID: Int64) throws -> [SyncCameraRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM sync_camera WHERE source_id = ? ORDER BY camera", arguments: [sourceID])
            .map(SyncCameraRecord.init(row:))
    }

    /// One camera's sync state.
    public func syncCamera(sourceID: Int64, camera: String) throws -> SyncCameraRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM sync_camera WHERE source_id = ? AND camera = ?", arguments: [sourceID, camera])
            .map(SyncCameraRecord.init(row:))
    }

    /// The known gaps of a source (of one camera when given), oldest first.
    public func syncGaps(sourceID: Int64, camera: String? = nil) throws -> [SyncGapRecord] {
        var sql = "SELECT * FROM sync_gap WHERE source_id = ?"
        var args: StatementArguments = [sourceID]
        if let camera {
            sql += " AND camera = ?"
            args += [camera]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY camera, gap_start, id", arguments: args).map(SyncGapRecord.init(row:))
    }

    /// A source's last and next pass.
    public func syncSource(id: Int64) throws -> SyncSourceRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM sync_source WHERE source_id = ?", arguments: [id]).map(SyncSourceRecord.init(row:))
    }

    /// The files retention deleted, newest first.
    public func syncDeletions(limit: Int = 1000) throws -> [SyncDeletionRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM sync_deletion ORDER BY id DESC LIMIT ?", arguments: [limit]).map(SyncDeletionRecord.init(row:))
    }

    /// The finished files of a source's camera from jobs that are over (done or cancelled), oldest
    /// footage first: what retention may delete (a file of an unfinished job would be downloaded
    /// again by its resume).
    public func finishedFiles(sourceID: Int64, camera: String) throws -> [DownloadFileRecord] {
        try Row.fetchAll(db, sql: """
            SELECT f.* FROM download_file f JOIN download_job j ON f.job_id = j.id
            WHERE j.source_id = ? AND f.camera = ? AND f.state = 'done' AND j.state IN ('done', 'cancelled')
            ORDER BY f.start_time, f.id
            """, arguments: [sourceID, camera]).map(DownloadFileRecord.init(row:))
    }
}
