import Common
import Foundation
import Store
import Testing
import TestSupport
@testable import Core

/// Two downloads of the same camera and range, the real `vtrack` against a `vtrack-sim` process:
/// the one that starts second is refused with one sentence naming the other job (running: wait
/// or stop it; paused: `--resume` it), nothing is written twice, and a refused new job does not
/// linger. Also: the job lock file goes away when a job ends done or cancelled.
@Suite(.serialized, .requiresMediaTools) struct OverlappingJobTests {
    static func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    static func lockFiles(_ home: VTrackHome) -> [String] {
        let dir = (home.db as NSString).deletingLastPathComponent
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.contains(".download-") }.sorted()
    }

    /// Started together: exactly one runs (its link stalls after 3 MB, so it is provably still
    /// running when the other decides), the other exits 1 naming it, and its job is gone.
    @Test func twoDownloadsStartedTogetherOneIsRefusedNamingTheOther() throws {
        let sim = try SimProcess(["--channels", "1", "--rtsp-stall-after", "3000000"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = CLIDownloadTests.yesterday(hour: 12, minutes: 20)
        let args = ["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end), "--cameras", "Camera 01", "--json"]
        let a = try #require(home.start(args))
        let b = try #require(home.start(args))
        // the refused one ends by itself; the other downloads until the stall
        var loser: (pid: pid_t, out: String, err: String)?, winner: (pid: pid_t, out: String, err: String)?
        var status: Int32?
        _ = eventually(timeout: 120) {
            if let s = Spawn.exited(a.pid) { (loser, winner, status) = (a, b, s); return true }
            if let s = Spawn.exited(b.pid) { (loser, winner, status) = (b, a, s); return true }
            return false
        }
        let lost = try #require(loser), won = try #require(winner)
        #expect(status == 1, "\(Self.text(lost.err))")
        let repo = try home.repository()
        let jobs = try repo.read { try $0.downloadJobs() }
        #expect(jobs.count == 1, "\(jobs)")   // the refused job, never started, is not kept
        let kept = try #require(jobs.first)
        let err = Self.text(lost.err)
        #expect(err.contains("Download job \(kept.id) is already downloading Camera 01 over an overlapping time range (PID \(won.pid))"), "\(err)")
        #expect(err.split(separator: "\n").count == 1, "\(err)")
        // the other one goes on: bytes keep coming until the stall, then Ctrl-C pauses it
        #expect(eventually(timeout: 120) {
            (jsonLines(Self.text(won.out)).last { $0["type"] as? String == "progress" }?["bytes"] as? Int ?? 0) >= 1_000_000
        })
        #expect(Spawn.exited(won.pid) == nil)
        kill(won.pid, SIGINT)
        #expect(Spawn.wait(won.pid) == 130)
        let files = try repo.read { try $0.downloadFiles(jobID: kept.id) }
        #expect(!files.isEmpty && files.allSatisfy { $0.state == .done })
        let folder = try #require(try repo.read { try $0.downloadCameras(jobID: kept.id) }.first?.folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains { $0.hasSuffix("_2.mp4") || $0.hasSuffix(".part") }, "\(names)")
        #expect(names.filter { $0.hasSuffix(".mp4") }.count == files.count, "\(names)")
    }

    /// A paused job covers the camera: a new download of an overlapping range is refused and
    /// points to `--resume` (in English and Vietnamese), with nothing written and no new job kept.
    @Test func aPausedJobIsContinuedNotDownloadedAgain() throws {
        let sim = try SimProcess(["--channels", "1", "--rtsp-stall-after", "3000000"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = CLIDownloadTests.yesterday(hour: 12, minutes: 20)
        let run = try #require(CLICancelTests.startDownload(home, range, ["--cameras", "Camera 01"], untilBytes: 1_000_000))
        kill(run.pid, SIGINT)
        #expect(Spawn.wait(run.pid) == 130)
        let repo = try home.repository()
        let before = try repo.read { try $0.downloadFiles(jobID: 1) }

        let later = DateInterval(start: range.start.addingTimeInterval(600), duration: 1200)
        let r = home.vtrack(["download", "sim", "--from", isoZ(later.start), "--to", isoZ(later.end)])
        #expect(r.status == 1)
        #expect(r.err.contains("Download job 1 (paused) is unfinished and already covers Camera 01"), "\(r.err)")
        #expect(r.err.contains("`vtrack download --resume 1`"), "\(r.err)")
        let vi = home.vtrack(["download", "sim", "--from", isoZ(later.start), "--to", isoZ(later.end), "--lang", "vi"])
        #expect(vi.status == 1)
        #expect(vi.err.contains("Lượt tải 1 (") && vi.err.contains("`vtrack download --resume 1`"), "\(vi.err)")
        #expect(try repo.read { try $0.downloadJobs() }.map(\.id) == [1])
        #expect(try repo.read { try $0.downloadFiles(jobID: 1) } == before)
    }

    /// A job's lock file is removed when the job ends done, or is cancelled.
    @Test func theLockFileGoesWhenTheJobEnds() throws {
        let sim = try SimProcess(["--channels", "2"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = CLIDownloadTests.yesterday(hour: 12, minutes: 1)
        let done = home.vtrack(["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end), "--cameras", "Camera 01"])
        #expect(done.status == 0, "\(done.err)")
        #expect(!Self.lockFiles(home).contains { $0.hasSuffix(".download-1.lock") }, "\(Self.lockFiles(home))")

        // a stopped job, then cancelled: its lock file goes with the cancel
        let repo = try home.repository()
        let engine = DownloadEngine(repository: repo, queue: DispatchQueue(label: "test")) { _ in }
        let job = try engine.createJob(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 02"]))
        let lock = try #require(try JobLock(databasePath: repo.path, jobID: job.id))
        lock.release()
        #expect(Self.lockFiles(home).contains { $0.hasSuffix(".download-\(job.id).lock") })
        let cancel = home.vtrack(["jobs", "--cancel", "\(job.id)"])
        #expect(cancel.status == 0, "\(cancel.err)")
        #expect(!Self.lockFiles(home).contains { $0.hasSuffix(".download-\(job.id).lock") }, "\(Self.lockFiles(home))")
        #expect(!Self.lockFiles(home).contains { $0.hasSuffix(".download-1.lock") })
    }
}
