import Common
import Foundation
import Store

/// What `vtrack sync --status` and the terminal app's downloads screen show of a source.
public struct SyncSourceStatus: Sendable, Equatable {
    public var source: String
    public var lastPassStart: Date?
    public var lastPassEnd: Date?
    public var nextRun: Date?
    /// Why the last pass of the source failed as a whole.
    public var lastError: Localized?
    public var cameras: [SyncCameraStatus]
    /// The process id of the sync running now on this database (nil when none runs).
    public var runningPID: Int32?

    /// The oldest last-saved time of its cameras (the one furthest behind).
    public var lastSaved: Date? { cameras.compactMap(\.lastSaved).min() }
    /// The largest lag of its cameras at `now`.
    public func lag(now: Date) -> TimeInterval? { lastSaved.map { max(0, now.timeIntervalSince($0)) } }
    /// The first error of the source or its cameras.
    public var firstError: Localized? { lastError ?? cameras.compactMap(\.lastError).first }
}

/// One camera's sync state.
public struct SyncCameraStatus: Sendable, Equatable {
    public var camera: String
    /// The end of the last footage saved by sync.
    public var lastSaved: Date?
    /// How far the device has been searched and downloaded.
    public var checkedUntil: Date?
    public var lastPass: Date?
    public var lastError: Localized?
    /// Known gaps of the device (still re-checked, and in all).
    public var gapsPending: Int
    public var gaps: Int
    public var lastJobID: Int64?

    /// Seconds between `now` and the last saved footage.
    public func lag(now: Date) -> TimeInterval? { lastSaved.map { max(0, now.timeIntervalSince($0)) } }
}

extension SyncService {
    /// The sync state of every source with ticked cameras (or of those named), from the database:
    /// what a sync process (this one or another) has recorded.
    public static func status(repository: Repository, sources names: [String] = []) throws -> [SyncSourceStatus] {
        let running = SyncLock.runningPID(databasePath: repository.path)
        return try repository.read { r in
            let all = try r.sources()
            let unknown = names.filter { n in !all.contains { $0.name == n } }
            if !unknown.isEmpty { throw SyncError.unknownSources(unknown) }
            let chosen = names.isEmpty ? all.filter { $0.active && !$0.config.selectedCameras.isEmpty } : all.filter { names.contains($0.name) }
            return try chosen.map { s in
                let rows = try r.syncCameras(sourceID: s.id)
                let gaps = try r.syncGaps(sourceID: s.id)
                let keys = s.config.selectedCameraRecords.map(\.key)
                let cameras = (keys + rows.map(\.camera).filter { !keys.contains($0) }).map { key -> SyncCameraStatus in
                    let row = rows.first { $0.camera == key }
                    let mine = gaps.filter { $0.camera == key }
                    return SyncCameraStatus(camera: key, lastSaved: row?.highWater, checkedUntil: row?.checkedUntil, lastPass: row?.lastPassAt,
                                            lastError: row?.lastError, gapsPending: mine.filter { $0.nextCheckAt != nil }.count,
                                            gaps: mine.count, lastJobID: row?.lastJobID)
                }
                let src = try r.syncSource(id: s.id)
                return SyncSourceStatus(source: s.name, lastPassStart: src?.lastPassStart, lastPassEnd: src?.lastPassEnd,
                                        nextRun: running == nil ? nil : src?.nextRunAt, lastError: src?.lastError, cameras: cameras,
                                        runningPID: running)
            }
        }
    }

    /// The sync state (see ``status(repository:sources:)``) of this service's database.
    public func status() throws -> [SyncSourceStatus] { try Self.status(repository: repository) }
}
