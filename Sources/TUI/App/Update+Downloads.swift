import Foundation
import Common

extension AppState {
    /// Keys on the downloads list. Each control names its job and camera; the rows change only
    /// when the engine reports back.
    mutating func downloadsAction(_ action: Action, _ commands: inout [Command]) {
        switch action {
        case .moveUp: downloads.cursor = clamp(downloads.cursor - 1, downloads.rows.count)
        case .moveDown: downloads.cursor = clamp(downloads.cursor + 1, downloads.rows.count)
        case .pauseResume:
            guard downloads.rows.indices.contains(downloads.cursor) else { return }
            let row = downloads.rows[downloads.cursor]
            switch row.phase {
            case .paused, .failed: commands.append(.resumeDownload(job: row.jobID, camera: row.camera))
            case .queued, .running, .retrying: commands.append(.pauseDownload(job: row.jobID, camera: row.camera))
            case .done, .cancelled: break
            }
        case .pauseResumeAll:
            if downloads.anyActive {
                for id in downloads.jobIDs(where: \.isActive) { commands.append(.pauseDownload(job: id, camera: nil)) }
            } else {
                for id in downloads.jobIDs(where: { if case .paused = $0 { true } else { false } }) {
                    commands.append(.resumeDownload(job: id, camera: nil))
                }
            }
        case .cancelDownload:
            guard downloads.rows.indices.contains(downloads.cursor) else { return }
            let row = downloads.rows[downloads.cursor]
            modal = .confirmCancel(job: row.jobID, camera: row.camera)
        case .cancelAll:
            modal = .confirmCancel(job: nil, camera: nil)
        default:
            break
        }
    }

    /// A job's state and cameras as the engine reported them: the job's rows are replaced in
    /// place (a new job's rows go last), and each camera whose state changed is logged.
    mutating func applyDownloadProgress(_ info: DownloadJobInfo, _ rows: [DownloadRow]) {
        if let i = downloads.jobs.firstIndex(where: { $0.id == info.id }) {
            var kept = info
            if info.phase.isUnfinished && downloads.jobs[i].phase.isUnfinished { kept.summary = downloads.jobs[i].summary }
            downloads.jobs[i] = kept
        } else {
            downloads.jobs.append(info)
        }
        let old = downloads.rows.filter { $0.jobID == info.id }
        let before = Dictionary(old.map { ($0.camera, $0.phase) }, uniquingKeysWith: { a, _ in a })
        for row in rows where before[row.camera] != row.phase { logPhase(row) }
        // keep the cursor on the same row when the list around it changes
        let focused = downloads.rows.indices.contains(downloads.cursor) ? downloads.rows[downloads.cursor] : nil
        let order = Dictionary(downloads.jobs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        downloads.rows = (downloads.rows.filter { $0.jobID != info.id } + rows)
            .enumerated()
            .sorted { (order[$0.element.jobID] ?? .max, $0.offset) < (order[$1.element.jobID] ?? .max, $1.offset) }
            .map(\.element)
        if let focused, let i = downloads.rows.firstIndex(where: { $0.jobID == focused.jobID && $0.camera == focused.camera }) {
            downloads.cursor = i
        }
        clampCursors()
    }

    mutating func logPhase(_ row: DownloadRow) {
        switch row.phase {
        case .done: addLog(.ok, UIText.cameraDone(row.camera, row.files))
        case let .failed(reason): addLog(.error, UIText.cameraProblem(row.camera, reason))
        case let .retrying(reason): addLog(.warning, UIText.cameraProblem(row.camera, reason))
        case let .paused(reason?): addLog(.warning, UIText.cameraProblem(row.camera, reason))
        default: break
        }
    }
}
