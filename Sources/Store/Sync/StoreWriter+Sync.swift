import Common
import Foundation
import GRDB

extension StoreWriter {
    /// Saves one camera's sync state (inserted or replaced).
    public func saveSyncCamera(_ r: SyncCameraRecord) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO sync_camera (source_id, camera, high_water, checked_until, last_job_id, last_pass_at, last_error, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.sourceID, r.camera, r.highWater.map(DownloadTime.text), r.checkedUntil.map(DownloadTime.text), r.lastJobID,
                             r.lastPassAt.map(DownloadTime.text), DownloadReason.encode(r.lastError), DownloadTime.text(Date())])
    }

    /// Records a gap of the device (no footage in `range`), to be searched again at `nextCheckAt`.
    @discardableResult
    public func addSyncGap(sourceID: Int64, camera: String, range: DateInterval, checks: Int = 0, nextCheckAt: Date?) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO sync_gap (source_id, camera, gap_start, gap_end, checks, next_check_at, found_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [sourceID, camera, DownloadTime.text(range.start), DownloadTime.text(range.end), checks,
                             nextCheckAt.map(DownloadTime.text), DownloadTime.text(Date())])
        return db.lastInsertedRowID
    }

    /// A gap searched again: how many times, and when next (nil: never again).
    public func updateSyncGap(_ id: Int64, checks: Int, nextCheckAt: Date?) throws {
        try db.execute(sql: "UPDATE sync_gap SET checks = ?, next_check_at = ? WHERE id = ?",
                       arguments: [checks, nextCheckAt.map(DownloadTime.text), id])
    }

    /// Forgets a gap (footage was found in it; what is left of it is added again).
    public func removeSyncGap(_ id: Int64) throws {
        try db.execute(sql: "DELETE FROM sync_gap WHERE id = ?", arguments: [id])
    }

    /// Saves a source's pass times and error (inserted or replaced).
    public func saveSyncSource(_ r: SyncSourceRecord) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO sync_source (source_id, last_pass_start, last_pass_end, next_run_at, last_error, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [r.sourceID, r.lastPassStart.map(DownloadTime.text), r.lastPassEnd.map(DownloadTime.text),
                             r.nextRunAt.map(DownloadTime.text), DownloadReason.encode(r.lastError), DownloadTime.text(Date())])
    }

    /// Retention deleted a file: its `download_file` row goes (so no resume downloads it again and
    /// nothing lists it) and the deletion is logged in `sync_deletion`, in one transaction.
    public func recordSyncDeletion(file: DownloadFileRecord, sourceID: Int64?, reason: String) throws {
        try db.execute(sql: """
            INSERT INTO sync_deletion (source_id, camera, path, start_time, end_time, bytes, reason, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [sourceID, file.camera, file.path, file.start.map(DownloadTime.text), file.end.map(DownloadTime.text), file.bytes,
                             reason, DownloadTime.text(Date())])
        try db.execute(sql: "DELETE FROM download_file WHERE id = ?", arguments: [file.id])
    }
}
