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

extension DownloadSummary {
    /// A summary built from the last progress when the database cannot give the real one (the job
    /// row is gone, the file is unreadable): totals from the progress, `reason` says why, and the
    /// state is `failed` (what the database holds of the job cannot be trusted).
    init(progress p: JobProgress, reason: Localized, elapsed: Double) {
        jobID = p.jobID
        state = .failed
        self.reason = reason
        range = p.range ?? DateInterval(start: Date(timeIntervalSince1970: 0), duration: 0)
        cameras = p.cameras.map { c in
            Camera(camera: c.camera, state: c.state, reason: c.reason, files: [], bytes: c.bytes, mediaSeconds: c.mediaSeconds,
                   coveredSeconds: c.coveredSeconds ?? 0, gaps: [], shortfallSeconds: 0)
        }
        self.elapsed = elapsed
    }

    /// One sentence for the job's end: its state, files, size and footage, and the reason.
    public var headline: Localized {
        let size = Format.bytes(bytes), hours = Format.hours(mediaSeconds)
        let head: Localized
        switch state {
        case .done: head = Localized(vi: "Lượt tải \(jobID) xong", en: "Download job \(jobID) done")
        case .paused: head = Localized(vi: "Lượt tải \(jobID) tạm dừng (sẽ tải tiếp)", en: "Download job \(jobID) paused (it will resume)")
        case .cancelled: head = Localized(vi: "Lượt tải \(jobID) đã huỷ", en: "Download job \(jobID) cancelled")
        case .failed: head = Localized(vi: "Lượt tải \(jobID) lỗi", en: "Download job \(jobID) failed")
        default: head = Localized(vi: "Lượt tải \(jobID) dừng", en: "Download job \(jobID) stopped")
        }
        let reasonVI = reason.map { " " + $0.vi } ?? "", reasonEN = reason.map { " " + $0.en } ?? ""
        return Localized(vi: "\(head.vi): \(files) tệp, \(size), \(hours) có hình.\(reasonVI)",
                         en: "\(head.en): \(files) file\(files == 1 ? "" : "s"), \(size), \(hours) of footage.\(reasonEN)")
    }
}
