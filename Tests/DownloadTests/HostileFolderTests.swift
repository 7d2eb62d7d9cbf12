import Common
import Foundation
import Store
import Testing
import TestSupport
@testable import Core

/// Hostile camera folders, the real `vtrack` against a `vtrack-sim` process: a job's camera
/// folder replaced by a symbolic link out of the video root between two runs is refused at every
/// start (resume, cancel) with one sentence, and nothing is written, recovered or forgotten
/// through it.
@Suite(.serialized, .requiresMediaTools) struct HostileFolderTests {
    /// A job stopped (Ctrl-C, or kill -9 with `.part` left) whose camera folder is then moved out
    /// of the video root and replaced by a link to its new place.
    struct LinkedAwayJob {
        let sim: SimProcess
        let home: VTrackHome
        let repo: Repository
        /// The camera folder as the job stored it (now a link).
        let folder: String
        /// Where it points: outside the video root.
        let outside: String
        /// The files in `outside` (name → size) right after the move.
        let before: [String: Int64]

        init(kill signal: Int32) throws {
            // the link stalls after 3 MB of media: the run is provably in the middle of the job
            // when it is stopped, however fast the machine
            sim = try SimProcess(["--channels", "1", "--rtsp-stall-after", "3000000"])
            home = VTrackHome()
            try home.addSource(sim)
            let range = CLIDownloadTests.yesterday(hour: 12, minutes: 20)
            let run = try #require(CLICancelTests.startDownload(home, range, [], untilBytes: 1_000_000))
            kill(run.pid, signal)
            #expect(Spawn.wait(run.pid) == (signal == SIGINT ? 130 : 128 + signal))
            repo = try home.repository()
            folder = try #require(try repo.read { try $0.downloadCameras(jobID: 1) }.first?.folder)
            outside = home.file("elsewhere")
            try FileManager.default.moveItem(atPath: folder, toPath: outside)
            try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: outside)
            before = Self.listing(outside)
            #expect(!before.isEmpty)
        }

        static func listing(_ dir: String) -> [String: Int64] {
            var out: [String: Int64] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                out[name] = CLICancelTests.fileSize(dir + "/" + name)
            }
            return out
        }
    }

    /// Paused with Ctrl-C, folder swapped for a link out of the root: `--resume` pauses the camera
    /// with one sentence naming the link (in English and Vietnamese), writes nothing there, and
    /// the job and its files stay as they were.
    @Test func aResumeThroughAFolderLinkedOutOfTheRootIsRefused() throws {
        let job = try LinkedAwayJob(kill: SIGINT)
        let rows = try job.repo.read { try $0.downloadFiles(jobID: 1) }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.state == .done })

        let r = job.home.vtrack(["download", "--resume", "1"])
        #expect(r.status == 1, "\(r.err)")
        #expect(r.err.contains("The folder \(job.folder) points outside the video root"), "\(r.err)")
        #expect(r.err.contains("remove that symbolic link"), "\(r.err)")
        let vi = job.home.vtrack(["download", "--resume", "1", "--lang", "vi"])
        #expect(vi.status == 1)
        #expect(vi.err.contains("trỏ ra ngoài thư mục gốc video"), "\(vi.err)")

        #expect(LinkedAwayJob.listing(job.outside) == job.before)
        #expect(try job.repo.read { try $0.downloadJob(id: 1) }?.state == .paused)
        #expect(try job.repo.read { try $0.downloadFiles(jobID: 1) } == rows)
        // a new download of the same camera is refused by the same check
        let range = CLIDownloadTests.yesterday(hour: 14, minutes: 1)
        let fresh = job.home.vtrack(["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end)])
        #expect(fresh.status != 0)
        #expect(fresh.err.contains("points outside the video root"), "\(fresh.err)")
        #expect(LinkedAwayJob.listing(job.outside) == job.before)
    }

    /// Killed (kill -9) with a `.part` left, folder swapped for a link: neither `--resume` nor
    /// `jobs --cancel` finishes (truncates, renames) that `.part` through the link; the row stays
    /// `writing`, for a resume once the folder is back.
    @Test func aPartFileBehindAFolderLinkIsNeverRecoveredThroughIt() throws {
        let job = try LinkedAwayJob(kill: SIGKILL)
        let part = try #require(try job.repo.read { try $0.downloadFiles(jobID: 1) }.first { $0.state == .writing })
        #expect(job.before.keys.contains((part.path as NSString).lastPathComponent))

        let resume = job.home.vtrack(["download", "--resume", "1"])
        #expect(resume.status == 1)
        #expect(resume.err.contains("points outside the video root"), "\(resume.err)")
        let cancel = job.home.vtrack(["jobs", "--cancel", "1"])
        #expect(cancel.status == 1)
        #expect(cancel.err.contains("points outside the video root"), "\(cancel.err)")
        #expect(cancel.err.split(separator: "\n").count == 1, "\(cancel.err)")

        #expect(LinkedAwayJob.listing(job.outside) == job.before)
        #expect(try job.repo.read { try $0.downloadFiles(jobID: 1) }.contains { $0.id == part.id && $0.state == .writing })
        #expect(try job.repo.read { try $0.downloadJob(id: 1) }?.state.isResumable == true)

        // the folder back in its place: the cancel finishes the `.part` there
        try FileManager.default.removeItem(atPath: job.folder)
        try FileManager.default.moveItem(atPath: job.outside, toPath: job.folder)
        let ok = job.home.vtrack(["jobs", "--cancel", "1"])
        #expect(ok.status == 0, "\(ok.err)")
        #expect(try job.repo.read { try $0.downloadFiles(jobID: 1) }.allSatisfy { $0.state == .done })
    }
}
