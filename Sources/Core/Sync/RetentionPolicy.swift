import Foundation

/// What retention keeps: at most `maxDays` of footage per camera, and free space on each disk
/// holding camera folders above a floor. The oldest finished files go first; a `.part`, a file
/// of an unfinished job, and a file with footage inside the last `protectRecent` seconds never go.
public struct RetentionPolicy: Sendable, Equatable {
    /// Footage older than this many days is deleted; nil = no age limit.
    public var maxDays: Int?
    /// Keep at least this many bytes free (`--min-free SIZE`); wins over `minFreeFraction`.
    public var minFreeBytes: Int64?
    /// Keep at least this fraction of each disk free (default 10 %).
    public var minFreeFraction: Double = 0.10
    /// Files whose footage ends within this many seconds of now are never deleted (one day).
    public var protectRecent: TimeInterval = 86_400
    /// Only say what would be deleted.
    public var dryRun = false

    public init(maxDays: Int? = nil, minFreeBytes: Int64? = nil, minFreeFraction: Double = 0.10, dryRun: Bool = false) {
        self.maxDays = maxDays
        self.minFreeBytes = minFreeBytes
        self.minFreeFraction = minFreeFraction
        self.dryRun = dryRun
    }
}

/// A file retention deleted (or would delete, in a dry run).
public struct RetentionDeletion: Sendable, Equatable {
    public enum Reason: String, Sendable, Equatable {
        /// Older than `maxDays`.
        case maxDays = "max_days"
        /// Its disk had less free space than the floor.
        case minFree = "min_free"
    }

    public var source: String
    public var camera: String
    public var path: String
    public var start: Date?
    public var end: Date?
    public var bytes: Int64
    public var reason: Reason
    /// False in a dry run.
    public var deleted: Bool
}
