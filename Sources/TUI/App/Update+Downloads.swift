import Foundation
import Common

extension AppState {
    mutating func downloadsAction(_ action: Action, _ commands: inout [Command]) {
        switch action {
        case .moveUp: downloads.cursor = clamp(downloads.cursor - 1, downloads.rows.count)
        case .moveDown: downloads.cursor = clamp(downloads.cursor + 1, downloads.rows.count)
        case .pauseResume:
            guard downloads.rows.indices.contains(downloads.cursor) else { return }
            let name = downloads.rows[downloads.cursor].camera
            if case .paused = downloads.rows[downloads.cursor].phase {
                downloads.rows[downloads.cursor].phase = .queued
                commands.append(.resumeDownload(camera: name))
            } else {
                downloads.rows[downloads.cursor].phase = .paused(nil)
                commands.append(.pauseDownload(camera: name))
            }
        case .pauseResumeAll:
            if downloads.anyActive {
                for i in downloads.rows.indices where downloads.rows[i].phase.isActive { downloads.rows[i].phase = .paused(nil) }
                commands.append(.pauseDownload(camera: nil))
            } else {
                for i in downloads.rows.indices {
                    if case .paused = downloads.rows[i].phase { downloads.rows[i].phase = .queued }
                }
                commands.append(.resumeDownload(camera: nil))
            }
        case .cancelDownload:
            guard downloads.rows.indices.contains(downloads.cursor) else { return }
            modal = .confirmCancel(camera: downloads.rows[downloads.cursor].camera)
        case .cancelAll:
            modal = .confirmCancel(camera: nil)
        default:
            break
        }
    }
}
