import Common
import Foundation
import Store
import Streaming

/// What cancelling a job that no process runs kept: its finished files (never deleted), and how
/// its unfinished `.part` files were settled — finished at their last complete fragment as a
/// running camera's cancel does, or deleted when they held none.
public struct CancelledJob: Sendable, Equatable {
    public var jobID: Int64
    /// The job's finished files on disk, all cameras, oldest first.
    public var files: [DownloadFileRecord]
    /// `.part` files finished (now among `files`).
    public var partsFinished: Int
    /// `.part` rows forgotten: no complete fragment, or the file was gone.
    public var partsRemoved: Int

    public var bytes: Int64 { files.reduce(0) { $0 + $1.bytes } }

    /// One sentence saying what was kept.
    public var message: Localized {
        if files.isEmpty {
            return Localized(vi: "Đã huỷ lượt tải \(jobID); chưa có tệp nào được tải nên không có tệp nào để giữ.",
                             en: "Cancelled download job \(jobID); nothing had been downloaded yet, so no file was kept.")
        }
        let size = String(format: "%.1f MB", Double(bytes) / 1e6)
        let partsVI = partsFinished > 0 ? ", trong đó \(partsFinished) tệp đang tải dở đã được đóng lại ở GOP trọn vẹn cuối cùng" : ""
        let partsEN = partsFinished > 0 ? ", including \(partsFinished) unfinished file(s) closed at their last complete GOP" : ""
        return Localized(vi: "Đã huỷ lượt tải \(jobID); giữ lại \(files.count) tệp đã tải (\(size)) trong thư mục của các camera\(partsVI).",
                         en: "Cancelled download job \(jobID); kept the \(files.count) file(s) already downloaded (\(size)) in the cameras' folders\(partsEN).")
    }

    /// Cancels job `jobID` under its lock: the state is checked again once the lock is held (a
    /// process that started it in between wins), `.part` files are settled, cameras not done or
    /// failed become cancelled, then the job.
    static func cancel(jobID: Int64, repository: Repository) throws -> CancelledJob {
        guard try repository.read({ try $0.downloadJob(id: jobID) }) != nil else { throw DownloadError.jobNotFound(jobID) }
        guard let lock = try JobLock(databasePath: repository.path, jobID: jobID) else {
            throw DownloadError.jobRunningElsewhere(jobID, pid: JobLock.holder(databasePath: repository.path, jobID: jobID))
        }
        defer { lock.release() }
        let (job, cameras, rows) = try repository.read { r in
            (try r.downloadJob(id: jobID), try r.downloadCameras(jobID: jobID), try r.downloadFiles(jobID: jobID))
        }
        guard let job else { throw DownloadError.jobNotFound(jobID) }
        guard job.state.isResumable else { throw DownloadError.nothingToCancel(jobID, state: job.state.rawValue) }
        var finished = 0, removed = 0
        for row in rows where row.state == .writing {
            let folder = cameras.first { $0.camera == row.camera }?.folder ?? (row.path as NSString).deletingLastPathComponent
            do {
                if try PartFileRecovery.settle(row, folder: folder, cameraFolder: (folder as NSString).lastPathComponent,
                                               repository: repository) {
                    finished += 1
                } else {
                    removed += 1
                }
            } catch StreamingError.fileWrite {
                throw DownloadError.cancelBlocked(jobID, folder: folder)
            }
        }
        try repository.write { w in
            for c in cameras where !c.state.isFinal { try w.setDownloadCameraState(job: jobID, camera: c.camera, .cancelled) }
            try w.setDownloadJobState(jobID, .cancelled)
        }
        let kept = try repository.read { try $0.downloadFiles(jobID: jobID) }
            .filter { $0.state == .done && FileManager.default.fileExists(atPath: $0.path) }
            .sorted { ($0.start ?? .distantPast, $0.id) < ($1.start ?? .distantPast, $1.id) }
        return CancelledJob(jobID: jobID, files: kept, partsFinished: finished, partsRemoved: removed)
    }
}
