import Common
import Foundation
import Store

/// What a job achieved, per camera and in total: files, bytes, media duration, the gaps in the
/// range (no footage on the device) and any shortfall (footage the device had but that did not
/// arrive).
public struct DownloadSummary: Sendable, Equatable {
    public struct Camera: Sendable, Equatable {
        public var camera: String
        public var state: DownloadState
        public var reason: Localized?
        public var files: [String]
        public var bytes: Int64
        /// Media seconds in this job's files.
        public var mediaSeconds: Double
        /// Seconds of footage the device has in the range.
        public var coveredSeconds: Double
        /// Parts of the range without footage.
        public var gaps: [DateInterval]
        /// Covered seconds that did not arrive (beyond one GOP per interval), 0 when none.
        public var shortfallSeconds: Double
    }

    public var jobID: Int64
    public var state: DownloadState
    public var reason: Localized?
    public var range: DateInterval
    public var cameras: [Camera]
    /// Wall-clock seconds this run took.
    public var elapsed: Double

    public var files: Int { cameras.reduce(0) { $0 + $1.files.count } }
    public var bytes: Int64 { cameras.reduce(0) { $0 + $1.bytes } }
    public var mediaSeconds: Double { cameras.reduce(0) { $0 + $1.mediaSeconds } }
    public var gaps: Int { cameras.reduce(0) { $0 + $1.gaps.count } }
    public var shortfallSeconds: Double { cameras.reduce(0) { $0 + $1.shortfallSeconds } }
}
