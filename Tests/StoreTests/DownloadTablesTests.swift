import Common
import Foundation
import GRDB
import Testing
import TestSupport
@testable import Store

/// The downloader's tables: jobs, their cameras and files, states and reasons, resumable jobs.
@Suite struct DownloadTablesTests {
    func columns(_ repo: Repository, _ table: String) throws -> [String] {
        try repo.read { try $0.db.columns(in: table).map(\.name) }
    }

    @Test func tablesHaveTheDocumentedColumns() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        #expect(try columns(repo, "download_job") == ["id", "source_id", "source_name", "range_start", "range_end", "cameras", "format",
                                                      "max_file_size_mb", "options", "state", "reason", "created_at", "updated_at", "finished_at"])
        #expect(try columns(repo, "download_camera") == ["job_id", "camera", "folder", "state", "reason", "covered", "replay",
                                                         "media_seconds", "bytes", "updated_at"])
        #expect(try columns(repo, "download_file") == ["id", "job_id", "camera", "path", "start_time", "end_time", "bytes", "duration",
                                                       "state", "created_at", "updated_at"])
    }

    @Test func aJobLivesThroughItsStatesWithItsCamerasAndFiles() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        let source = try repo.write { try $0.addSource(name: "nvr", config: SourceConfig(url: "10.0.0.2")) }
        let range = DateInterval(start: UTC.parse("2026-01-15T08:00:00Z")!, end: UTC.parse("2026-01-15T10:00:00Z")!)
        let job = try repo.write { w in
            try w.createDownloadJob(sourceID: source.id, sourceName: "nvr", range: range,
                                    cameras: [.init(camera: "Camera 02", folder: "/v/nvr/Camera 02"), .init(camera: "Camera 01", folder: "/v/nvr/Camera 01")],
                                    maxFileSizeMB: 200, options: ["parallel": .number(3)])
        }
        #expect(job.state == .queued && job.range == range && job.cameras == ["Camera 02", "Camera 01"])
        #expect(job.format == "mp4" && job.maxFileSizeMB == 200 && job.parallel == 3)

        // the plan and progress of a camera
        let covered = [DateInterval(start: range.start, duration: 1800), DateInterval(start: range.start.addingTimeInterval(3600.5), end: range.end)]
        try repo.write { w in
            try w.setDownloadCameraPlan(job: job.id, camera: "Camera 01", covered: covered, replay: "onvif:REC_1")
            try w.setDownloadCameraProgress(job: job.id, camera: "Camera 01", mediaSeconds: 61.5, bytes: 1234)
            try w.setDownloadCameraState(job: job.id, camera: "Camera 01", .paused,
                                         reason: Localized(vi: "Ổ đĩa đầy.", en: "The disk is full."))
        }
        let cams = try repo.read { try $0.downloadCameras(jobID: job.id) }
        #expect(cams.map(\.camera) == ["Camera 02", "Camera 01"])
        #expect(cams[0].covered == nil && cams[0].state == .queued)
        #expect(cams[1].covered == covered && cams[1].replay == "onvif:REC_1" && cams[1].mediaSeconds == 61.5 && cams[1].bytes == 1234)
        #expect(cams[1].reason?.en == "The disk is full." && cams[1].reason?.vi == "Ổ đĩa đầy.")
        #expect(cams[1].coveredSeconds == 1800 + 3599.5)

        // a file: registered before it exists, then finished under its final name
        let first = Date(timeIntervalSince1970: 1_768_464_000.04)
        let id = try repo.write { try $0.addDownloadFile(job: job.id, camera: "Camera 01", partPath: "/v/a.mp4.part", start: first) }
        var files = try repo.read { try $0.downloadFiles(jobID: job.id) }
        #expect(files.count == 1 && files[0].state == .writing && files[0].path == "/v/a.mp4.part")
        #expect(abs(files[0].start!.timeIntervalSince(first)) < 0.001)
        try repo.write { try $0.finishDownloadFile(id, path: "/v/a_b.mp4", start: first, end: first.addingTimeInterval(60), bytes: 99, duration: 60) }
        files = try repo.read { try $0.downloadFiles(jobID: job.id, camera: "Camera 01") }
        #expect(files.count == 1 && files[0].state == .done && files[0].path == "/v/a_b.mp4" && files[0].bytes == 99 && files[0].duration == 60)
        #expect(try repo.read { try $0.downloadFiles(jobID: job.id, camera: "Camera 02") }.isEmpty)

        // unfinished jobs are the ones --resume continues
        #expect(try repo.read { try $0.downloadJobs(unfinishedOnly: true) }.map(\.id) == [job.id])
        try repo.write { try $0.setDownloadJobState(job.id, .done) }
        let done = try repo.read { try $0.downloadJob(id: job.id) }!
        #expect(done.state == .done && done.finishedAt != nil)
        #expect(try repo.read { try $0.downloadJobs(unfinishedOnly: true) }.isEmpty)
        #expect(try repo.read { try $0.downloadJobs() }.count == 1)

        // time columns are readable by SQLite's date functions
        let t = try repo.read { try String.fetchOne($0.db, sql: "SELECT datetime(range_start) FROM download_job") }
        #expect(t == "2026-01-15 08:00:00")

        try repo.write { try $0.deleteDownloadJob(job.id) }
        #expect(try repo.read { try $0.downloadJobs() }.isEmpty)
        #expect(try repo.read { try Int.fetchOne($0.db, sql: "SELECT COUNT(*) FROM download_file") } == 0)
    }
}
