import Common
import Foundation
import Store
import Testing
import TestSupport
@testable import Core

/// Controls on a whole job (the TUI's API): cancelling a running job in one call, and a job that
/// is not running.
@Suite(.serialized, .requiresMediaTools) struct JobControlTests {
    /// One call cancels every camera of a running job: the running ones stop, the queued ones
    /// never start, the files already finished stay whole, and the job can no longer be resumed.
    @Test func cancellingAWholeRunningJobStopsEveryCamera() throws {
        let fx = try EngineFixture()
        let range = try fx.steadyRange(minutes: 30)
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        let cams = ["Camera 01", "Camera 02", "Camera 03"]
        // small files, so some are finished before the cancel
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: cams, maxFileSizeMB: 2,
                                                   parallel: 2, replaySessions: 2))
        #expect(log.wait { _ in (try? fx.repo.read { try $0.downloadFiles(jobID: job.id) })?.contains { $0.state == .done } ?? false })
        try engine.cancel(jobID: job.id)
        #expect(engine.waitUntilIdle(timeout: 60))
        let summary = try #require(log.summaries.last)
        #expect(summary.state == .cancelled)
        #expect(summary.cameras.allSatisfy { $0.state == .cancelled }, "\(summary.cameras.map { ($0.camera, $0.state) })")
        #expect(try fx.repo.read { try $0.downloadJob(id: job.id) }?.state == .cancelled)
        #expect(try fx.repo.read { try $0.downloadCameras(jobID: job.id) }.allSatisfy { $0.state == .cancelled })
        // what was written stays, finished and whole; nothing is left half-written
        let files = try fx.repo.read { try $0.downloadFiles(jobID: job.id) }
        #expect(!files.isEmpty && files.allSatisfy { $0.state == .done })
        for f in files {
            #expect(FileManager.default.fileExists(atPath: f.path))
            #expect(MediaCheck.decodeError(f.path) == nil, "\(f.path)")
        }
        for folder in try fx.repo.read({ try $0.downloadCameras(jobID: job.id) }).map(\.folder) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            #expect(!names.contains { $0.hasSuffix(".part") }, "\(folder): \(names)")
        }
        // a cancelled job is finished: not listed for --resume, not startable
        #expect(try engine.unfinishedJobs().isEmpty)
        #expect(throws: DownloadError.self) { try engine.start(jobID: job.id) }
    }

    /// A job that is not running (created, or left paused) is cancelled in the database.
    @Test func cancellingAJobThatIsNotRunning() throws {
        let fx = try EngineFixture()
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        let job = try engine.createJob(DownloadRequest(sourceName: "sim", range: pastRange(minutes: 5)))
        #expect(try engine.unfinishedJobs().map(\.id) == [job.id])
        try engine.cancel(jobID: job.id)
        #expect(try fx.repo.read { try $0.downloadJob(id: job.id) }?.state == .cancelled)
        #expect(try engine.unfinishedJobs().isEmpty)
        #expect(throws: DownloadError.self) { try engine.start(jobID: job.id) }
    }
}
