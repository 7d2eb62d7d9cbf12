import Foundation
import GRDB

extension StoreReader {
    /// Every download job, newest first; with `unfinishedOnly`, only those `--resume` would
    /// continue (queued, running, retrying, paused or failed).
    public func downloadJobs(unfinishedOnly: Bool = false) throws -> [DownloadJobRecord] {
        let filter = unfinishedOnly ? " WHERE state NOT IN ('done', 'cancelled')" : ""
        return try Row.fetchAll(db, sql: "SELECT * FROM download_job\(filter) ORDER BY id DESC").map(DownloadJobRecord.init(row:))
    }

    /// The job with this id.
    public func downloadJob(id: Int64) throws -> DownloadJobRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM download_job WHERE id = ?", arguments: [id]).map(DownloadJobRecord.init(row:))
    }

    /// The cameras of a job, in the order the job lists them.
    public func downloadCameras(jobID: Int64) throws -> [DownloadCameraRecord] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM download_camera WHERE job_id = ?", arguments: [jobID])
            .map(DownloadCameraRecord.init(row:))
        let order = try downloadJob(id: jobID)?.cameras ?? []
        return rows.sorted { (order.firstIndex(of: $0.camera) ?? .max, $0.camera) < (order.firstIndex(of: $1.camera) ?? .max, $1.camera) }
    }

    /// The files of a job (of one camera when given), oldest footage first.
    public func downloadFiles(jobID: Int64, camera: String? = nil) throws -> [DownloadFileRecord] {
        var sql = "SELECT * FROM download_file WHERE job_id = ?"
        var args: StatementArguments = [jobID]
        if let camera {
            sql += " AND camera = ?"
            args += [camera]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY camera, start_time, id", arguments: args).map(DownloadFileRecord.init(row:))
    }
}
