import Common
import Foundation
import Store
import Streaming

/// What cancelling a job that no process runs kept: its finished files (never deleted), and how
/// its unfinished `.part` files were settled — finished at their last complete fragment as a
/// running camera's cancel does, or deleted when they held none.
public struct CancelledJob: Sendable, Equatable {
    public var jobID: Int64
    /// The one camera cancelled, nil for the whole job.
    public var camera: String?
    /// The job's finished files on disk, all cameras, oldest first.
    public var files: [DownloadFileRecord]
    /// `.part` files finished (now among `files`).
    public var partsFinished: Int
    /// `.part` rows forgotten: no complete fragment, or the file was gone.
    public var partsRemoved: Int

    public var bytes: Int64 { files.reduce(0) { $0 + $1.bytes } }

    /// One sentence saying what was kept.
    public var message: Localized {
        if let camera {
            let size = Format.bytes(bytes)
            return Localized(vi: "Đã huỷ tải camera \(camera) của lượt tải \(jobID); giữ lại \(files.count) tệp đã tải (\(size)) trong thư mục của camera.",
                             en: "Cancelled \(camera) in download job \(jobID); kept the \(files.count) file(s) already downloaded (\(size)) in its folder.")
        }
        if files.isEmpty {
            return Localized(vi: "Đã huỷ lượt tải \(jobID); chưa có tệp nào được tải nên không có tệp nào để giữ.",
                             en: "Cancelled download job \(jobID); nothing had been downloaded yet, so no file was kept.")
        }
        let size = Format.bytes(bytes)
        let partsVI = partsFinished > 0 ? ", trong đó \(partsFinished) tệp đang tải dở đã được đóng lại ở GOP trọn vẹn cuối cùng" : ""
        let partsEN = partsFinished > 0 ? ", including \(partsFinished) unfinished file(s) closed at their last complete GOP" : ""
        return Localized(vi: "Đã huỷ lượt tải \(jobID); giữ lại \(files.count) tệp đã tải (\(size)) trong thư mục của các camera\(partsVI).",
                         en: "Cancelled download job \(jobID); kept the \(files.count) file(s) already downloaded (\(size)) in the cameras' folders\(partsEN).")
    }

    /// Cancels job `jobID` (or one `camera` of it) under its lock: the state is checked again once
    /// the lock is held (a process that started it in between wins), `.part` files are settled,
    /// cameras not done or failed become cancelled, then the job — when no camera is left to run
    /// (the state it then ends in is the one a run would give it).
    static func cancel(jobID: Int64, camera: String? = nil, repository: Repository) throws -> CancelledJob {
        guard try repository.read({ try $0.downloadJob(id: jobID) }) != nil else { throw DownloadError.jobNotFound(jobID) }
        guard let lock = try JobLock(databasePath: repository.path, jobID: jobID) else {
            throw DownloadError.jobRunningElsewhere(jobID, pid: JobLock.holder(databasePath: repository.path, jobID: jobID))
        }
        // removed (while held) when the job ends cancelled or done here: it never runs again
        var ended = false
        defer { lock.release(removingFile: ended) }
        let (job, cameras, rows) = try repository.read { r in
            (try r.downloadJob(id: jobID), try r.downloadCameras(jobID: jobID), try r.downloadFiles(jobID: jobID))
        }
        guard let job else { throw DownloadError.jobNotFound(jobID) }
        guard job.state.isResumable else { throw DownloadError.nothingToCancel(jobID, state: job.state.rawValue) }
        if let camera {
            guard let c = cameras.first(where: { $0.camera == camera }) else {
                throw DownloadError.unknownCameras([camera], known: cameras.map(\.camera))
            }
            guard !c.state.isFinal else { throw DownloadError.cameraFinished(camera, jobID: jobID, state: c.state.rawValue) }
        }
        var finished = 0, removed = 0
        for row in rows where row.state == .writing && (camera == nil || row.camera == camera) {
            let folder = cameras.first { $0.camera == row.camera }?.folder ?? (row.path as NSString).deletingLastPathComponent
            // never finish a `.part` through a folder that has become a link out of the video root
            if let problem = CameraRunner.folderProblem(folder, camera: row.camera, repository: repository) { throw problem }
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
            for c in cameras where !c.state.isFinal && (camera == nil || c.camera == camera) {
                try w.setDownloadCameraState(job: jobID, camera: c.camera, .cancelled)
            }
            if camera == nil {
                try w.setDownloadJobState(jobID, .cancelled)
                ended = true
            } else {
                // the job as a run would leave it: failed, then paused, then cancelled, else done
                let states = cameras.map { $0.camera == camera ? DownloadState.cancelled : $0.state }
                if let left = [DownloadState.failed, .paused, .queued, .running, .retrying].first(where: states.contains) {
                    if left == .failed || left == .paused {
                        let reason = cameras.first { $0.state == left && $0.camera != camera }?.reason
                        try w.setDownloadJobState(jobID, left, reason: reason)
                    }
                } else {
                    try w.setDownloadJobState(jobID, states.contains(.cancelled) ? .cancelled : .done)
                    ended = true
                }
            }
        }
        let kept = try repository.read { try $0.downloadFiles(jobID: jobID) }
            .filter { $0.state == .done && FileManager.default.fileExists(atPath: $0.path) && (camera == nil || $0.camera == camera) }
            .sorted { ($0.start ?? .distantPast, $0.id) < ($1.start ?? .distantPast, $1.id) }
        return CancelledJob(jobID: jobID, camera: camera, files: kept, partsFinished: finished, partsRemoved: removed)
    }
}
