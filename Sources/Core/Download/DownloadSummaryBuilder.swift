import Foundation
import Store

/// Builds a job's `DownloadSummary` from the database: files, bytes and media seconds per camera,
/// the gaps of the range (no footage), and any shortfall beyond the per-interval tolerance.
public enum DownloadSummaryBuilder {
    /// How a run reads its summary at the end (tests replace it to make it fail).
    public typealias Build = @Sendable (Repository, Int64, DownloadOptions, Double) throws -> DownloadSummary

    @Sendable
    public static func build(_ repository: Repository, _ jobID: Int64, _ options: DownloadOptions, _ elapsed: Double) throws -> DownloadSummary {
        try build(repository: repository, jobID: jobID, options: options, elapsed: elapsed)
    }

    static func build(repository: Repository, jobID: Int64, options: DownloadOptions, elapsed: Double,
                      now: Date = Date()) throws -> DownloadSummary {
        try repository.read { r in
            guard let job = try r.downloadJob(id: jobID) else { throw DownloadError.jobNotFound(jobID) }
            let cameras = try r.downloadCameras(jobID: jobID)
            let files = try r.downloadFiles(jobID: jobID).filter { $0.state == .done }
            let upTo = DateInterval(start: job.range.start, end: max(job.range.start, min(job.range.end, now)))
            var out: [DownloadSummary.Camera] = []
            for c in cameras {
                let mine = files.filter { $0.camera == c.camera }
                let covered = c.covered ?? []
                let coveredSeconds = IntervalSet.measure(covered)
                let media = mine.reduce(0) { $0 + $1.duration }
                let tolerance = options.shortfallTolerancePerInterval * Double(max(1, covered.count))
                let missing = coveredSeconds - media
                let shortfall = c.state == .done && missing > tolerance ? missing : 0
                out.append(DownloadSummary.Camera(camera: c.camera, state: c.state, reason: c.reason, files: mine.map(\.path),
                                                  bytes: mine.reduce(0) { $0 + $1.bytes }, mediaSeconds: media,
                                                  coveredSeconds: coveredSeconds,
                                                  gaps: c.covered == nil ? [] : IntervalSet.gaps(in: upTo, covered: covered),
                                                  shortfallSeconds: shortfall))
            }
            return DownloadSummary(jobID: jobID, state: job.state, reason: job.reason, range: job.range, cameras: out, elapsed: elapsed)
        }
    }
}
