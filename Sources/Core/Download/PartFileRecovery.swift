import Foundation
import Store
import Streaming

/// Finishes a `.part` file left by a crash, a kill or a write error: truncated to its last
/// complete fragment (a GOP), its duration written, fsync'd and renamed to its final name
/// `<camera folder>_<first frame>_<end of last frame>.mp4` (see `DownloadFileName`).
enum PartFileRecovery {
    /// The finished file's summary; nil when the `.part` held no complete fragment (it is then
    /// deleted) or no longer exists.
    /// - Throws: `StreamingError.fileWrite` when the file cannot be truncated or renamed (a
    ///   read-only folder): it stays as it is for a later try.
    static func finish(partPath: String, folder: String, cameraFolder: String, fallbackStart: Date?) throws -> MP4FileSummary? {
        guard FileManager.default.fileExists(atPath: partPath) else { return nil }
        let info: MP4Recovery.Inspection
        do {
            info = try MP4Recovery.inspect(path: partPath)
        } catch StreamingError.notRecoverable {
            _ = unlink(partPath)
            return nil
        }
        guard info.summary.fragments > 0 else {
            _ = unlink(partPath)
            return nil
        }
        let start = info.summary.firstWallClock ?? fallbackStart ?? Date(timeIntervalSince1970: 0)
        let end = info.summary.endWallClock ?? start.addingTimeInterval(info.summary.duration)
        let target = DownloadFileName.unused(folder + "/" + DownloadFileName.final(cameraFolder: cameraFolder, start: start, end: end))
        return try MP4Recovery.finalize(partPath: partPath, finalPath: target)
    }

    /// Settles a file row left `writing` (a crash, a kill, a write error): its `.part` is finished
    /// (or, when it has no complete fragment, deleted with its row); a `.part` already renamed is
    /// found by its start; a row whose file is gone is forgotten. True when a finished file is kept.
    /// - Throws: `StreamingError.fileWrite` when the `.part` cannot be finished (row and file stay).
    @discardableResult
    static func settle(_ row: DownloadFileRecord, folder: String, cameraFolder: String, repository: Repository) throws -> Bool {
        var summary: MP4FileSummary?
        if FileManager.default.fileExists(atPath: row.path) {
            summary = try finish(partPath: row.path, folder: folder, cameraFolder: cameraFolder, fallbackStart: row.start)
        } else if let start = row.start {
            summary = findRenamed(folder: folder, cameraFolder: cameraFolder, start: start)
        }
        if let s = summary {
            try repository.write { try $0.finishDownloadFile(row.id, path: s.path, start: s.firstWallClock, end: s.endWallClock, bytes: s.bytes, duration: s.duration) }
        } else {
            try repository.write { try $0.removeDownloadFile(row.id) }
        }
        return summary != nil
    }

    /// A finished file whose rename happened but whose row still says `writing` (killed in
    /// between): the file in `folder` named for `start`, with its summary.
    static func findRenamed(folder: String, cameraFolder: String, start: Date) -> MP4FileSummary? {
        let prefix = DownloadFileName.finalPrefix(cameraFolder: cameraFolder, start: start)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        for name in names.sorted() where name.hasPrefix(prefix) && name.hasSuffix(".mp4") {
            let path = folder + "/" + name
            if var s = try? MP4Recovery.inspect(path: path).summary, s.fragments > 0 {
                s.path = path
                return s
            }
        }
        return nil
    }
}
