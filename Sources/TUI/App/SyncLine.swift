import Foundation
import Common

/// One source's unattended sync (`vtrack sync`) as the downloads screen shows it: how far its
/// footage is saved, when the next pass runs, whether a sync process runs it now, and the last
/// error. Read from Core's `SyncService.status` (the database); only sources that were ever
/// synced have one.
public struct SyncLine: Sendable, Equatable {
    public var source: String
    /// The oldest of its cameras' last saved footage (how far behind the source is).
    public var lastSaved: Date?
    public var nextRun: Date?
    /// The sync process running now, if any.
    public var runningPID: Int32?
    public var error: Localized?
    public var cameras: Int

    public init(source: String, lastSaved: Date? = nil, nextRun: Date? = nil, runningPID: Int32? = nil, error: Localized? = nil, cameras: Int = 0) {
        self.source = source; self.lastSaved = lastSaved; self.nextRun = nextRun
        self.runningPID = runningPID; self.error = error; self.cameras = cameras
    }
}
