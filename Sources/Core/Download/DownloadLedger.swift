import Foundation
import Streaming

/// Where a camera's downloader records its files as they come and go, so that a process killed
/// at any instant leaves a database that `--resume` can finish from: a row is added before a
/// `.part` file is created and completed after the file is renamed.
protocol DownloadLedger: AnyObject {
    /// A file is about to be created at `partPath`; returns its row id.
    func fileOpening(partPath: String, start: Date) throws -> Int64
    /// The file with row `id` is finished (fsync'd, renamed).
    func fileFinished(_ id: Int64, _ summary: MP4FileSummary) throws
    /// The file with row `id` held nothing worth keeping and is gone.
    func fileDropped(_ id: Int64)
}
