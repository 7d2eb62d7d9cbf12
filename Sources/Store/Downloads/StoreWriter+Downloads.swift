import Common
import Foundation
import GRDB

extension StoreWriter {
    /// One camera of a new job: its key and absolute folder.
    public struct NewDownloadCamera: Sendable, Equatable {
        public var camera: String
        public var folder: String
        public init(camera: String, folder: String) {
            self.camera = camera
            self.folder = folder
        }
    }

    /// Creates a job (state `queued`) with one `download_camera` row per camera.
    public func createDownloadJob(sourceID: Int64, sourceName: String, range: DateInterval, cameras: [NewDownloadCamera],
                                  format: String = "mp4", maxFileSizeMB: Int = 500,
                                  options: [String: JSONValue] = [:]) throws -> DownloadJobRecord {
        let now = DownloadTime.text(Date())
        let names = try String(decoding: JSONEncoder().encode(cameras.map(\.camera)), as: UTF8.self)
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        let opts = try String(decoding: enc.encode(options), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO download_job (source_id, source_name, range_start, range_end, cameras, format, max_file_size_mb,
                options, state, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)
            """, arguments: [sourceID, sourceName, DownloadTime.text(range.start), DownloadTime.text(range.end), names, format,
                             maxFileSizeMB, opts, now, now])
        let id = db.lastInsertedRowID
        for c in cameras {
            try db.execute(sql: "INSERT INTO download_camera (job_id, camera, folder, state, updated_at) VALUES (?, ?, ?, 'queued', ?)",
                           arguments: [id, c.camera, c.folder, now])
        }
        guard let job = try read.downloadJob(id: id) else { throw StoreError.database(reason: "insert lost") }
        return job
    }

    /// Sets a job's state and reason (nil clears it); a final state also sets `finished_at`.
    public func setDownloadJobState(_ id: Int64, _ state: DownloadState, reason: Localized? = nil) throws {
        let now = DownloadTime.text(Date())
        try db.execute(sql: "UPDATE download_job SET state = ?, reason = ?, updated_at = ?, finished_at = ? WHERE id = ?",
                       arguments: [state.rawValue, DownloadReason.encode(reason), now, state.isFinal ? now : nil, id])
    }

    /// Changes a job's options (merged over the stored ones), e.g. a new `parallel` on resume.
    public func updateDownloadJobOptions(_ id: Int64, _ options: [String: JSONValue]) throws {
        guard let job = try read.downloadJob(id: id) else { return }
        let merged = job.options.merging(options) { _, new in new }
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        try db.execute(sql: "UPDATE download_job SET options = ?, updated_at = ? WHERE id = ?",
                       arguments: [String(decoding: try enc.encode(merged), as: UTF8.self), DownloadTime.text(Date()), id])
    }

    /// Sets one camera's state and reason (nil clears it).
    public func setDownloadCameraState(job: Int64, camera: String, _ state: DownloadState, reason: Localized? = nil) throws {
        try db.execute(sql: "UPDATE download_camera SET state = ?, reason = ?, updated_at = ? WHERE job_id = ? AND camera = ?",
                       arguments: [state.rawValue, DownloadReason.encode(reason), DownloadTime.text(Date()), job, camera])
    }

    /// Records a camera's plan: the intervals with footage and how they are replayed.
    public func setDownloadCameraPlan(job: Int64, camera: String, covered: [DateInterval], replay: String) throws {
        try db.execute(sql: "UPDATE download_camera SET covered = ?, replay = ?, updated_at = ? WHERE job_id = ? AND camera = ?",
                       arguments: [DownloadTime.intervalsJSON(covered), replay, DownloadTime.text(Date()), job, camera])
    }

    /// Records how far a camera got.
    public func setDownloadCameraProgress(job: Int64, camera: String, mediaSeconds: Double, bytes: Int64) throws {
        try db.execute(sql: "UPDATE download_camera SET media_seconds = ?, bytes = ?, updated_at = ? WHERE job_id = ? AND camera = ?",
                       arguments: [mediaSeconds, bytes, DownloadTime.text(Date()), job, camera])
    }

    /// Registers a file about to be created (state `writing`, `path` = the `.part` path). Call it
    /// before creating the file, so every `.part` on disk has a row that `--resume` finds.
    public func addDownloadFile(job: Int64, camera: String, partPath: String, start: Date?) throws -> Int64 {
        let now = DownloadTime.text(Date())
        try db.execute(sql: """
            INSERT INTO download_file (job_id, camera, path, start_time, state, created_at, updated_at)
            VALUES (?, ?, ?, ?, 'writing', ?, ?)
            """, arguments: [job, camera, partPath, start.map(DownloadTime.text), now, now])
        return db.lastInsertedRowID
    }

    /// Marks a file finished under its final name with its real times and size.
    public func finishDownloadFile(_ id: Int64, path: String, start: Date?, end: Date?, bytes: Int64, duration: Double) throws {
        try db.execute(sql: """
            UPDATE download_file SET path = ?, start_time = ?, end_time = ?, bytes = ?, duration = ?, state = 'done', updated_at = ?
            WHERE id = ?
            """, arguments: [path, start.map(DownloadTime.text), end.map(DownloadTime.text), bytes, duration,
                             DownloadTime.text(Date()), id])
    }

    /// Forgets a file row (its `.part` held nothing worth keeping).
    public func removeDownloadFile(_ id: Int64) throws {
        try db.execute(sql: "DELETE FROM download_file WHERE id = ?", arguments: [id])
    }

    /// Deletes a job with its camera and file rows (the files on disk stay).
    public func deleteDownloadJob(_ id: Int64) throws {
        try db.execute(sql: "DELETE FROM download_file WHERE job_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM download_camera WHERE job_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM download_job WHERE id = ?", arguments: [id])
    }
}
