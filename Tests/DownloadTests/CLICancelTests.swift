import Common
import Foundation
import Store
import Testing
import TestSupport
@testable import Core

/// `vtrack jobs --cancel JOB`, the real binary against a `vtrack-sim` process: a killed job's
/// `.part` is finished and kept, a paused job's files all stay, a job another process runs is
/// left alone, and a done, cancelled or unknown job gets one sentence and status 1.
@Suite(.serialized, .requiresMediaTools) struct CLICancelTests {
    /// Starts `vtrack download … --json` and waits until its progress says `bytes` were written;
    /// nil (with the issue recorded) when it cannot start or ends first.
    static func startDownload(_ home: VTrackHome, _ range: DateInterval, _ extra: [String], untilBytes bytes: Int)
        -> (pid: pid_t, out: String, err: String)? {
        guard let run = home.start(["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end), "--json"] + extra) else {
            Issue.record("cannot start vtrack")
            return nil
        }
        var reached = false
        _ = eventually(timeout: 120) {
            let text = (try? String(contentsOfFile: run.out, encoding: .utf8)) ?? ""
            reached = (jsonLines(text).last { $0["type"] as? String == "progress" }?["bytes"] as? Int ?? 0) >= bytes
            return reached || text.contains("\"type\":\"summary\"")
        }
        if reached { return run }
        kill(run.pid, SIGKILL)
        _ = Spawn.wait(run.pid)
        Issue.record("the download ended (or stalled) before \(bytes) bytes")
        return nil
    }

    static func fileSize(_ path: String) -> Int64? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int64
    }

    /// A job killed (kill -9) in the middle of a file, its `.part` left behind.
    struct KilledJob {
        let sim: SimProcess
        let home: VTrackHome
        let repo: Repository
        let part: DownloadFileRecord
        let partSize: Int64
        var folder: String { (part.path as NSString).deletingLastPathComponent }

        init() throws {
            sim = try SimProcess(["--channels", "1"])
            home = VTrackHome()
            try home.addSource(sim)
            let range = CLIDownloadTests.yesterday(hour: 12, minutes: 20)
            let run = try #require(CLICancelTests.startDownload(home, range, [], untilBytes: 4_000_000))
            kill(run.pid, SIGKILL)
            #expect(Spawn.wait(run.pid) == 128 + SIGKILL)
            repo = try home.repository()
            part = try #require(try repo.read { try $0.downloadFiles(jobID: 1) }.first { $0.state == .writing })
            #expect(try repo.read { try $0.downloadFiles(jobID: 1) }.filter { $0.state == .done }.isEmpty)
            partSize = try #require(CLICancelTests.fileSize(part.path))
            #expect(partSize >= 3_000_000)
        }
    }

    /// kill -9 in the middle of a file: the cancel finishes the `.part` at its last complete GOP
    /// and keeps it; the job is then over for good.
    @Test func cancellingAKilledJobFinishesAndKeepsItsUnfinishedFile() throws {
        let job = try KilledJob()
        let (home, repo, part, partSize, folder) = (job.home, job.repo, job.part, job.partSize, job.folder)

        let r = home.vtrack(["jobs", "--cancel", "1"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Cancelled download job 1; kept the 1 file(s) already downloaded"), "\(r.out)")
        #expect(r.out.contains("including 1 unfinished file(s) closed at their last complete GOP"), "\(r.out)")
        #expect(r.out.split(separator: "\n").count == 1)
        #expect(try repo.read { try $0.downloadJob(id: 1) }?.state == .cancelled)
        #expect(try repo.read { try $0.downloadCameras(jobID: 1) }.allSatisfy { $0.state == .cancelled })
        let files = try repo.read { try $0.downloadFiles(jobID: 1) }
        #expect(files.count == 1 && files[0].state == .done && files[0].id == part.id)
        let kept = try #require(files.first)
        #expect(kept.path.hasSuffix(".mp4") && kept.bytes > 0 && kept.bytes <= partSize)
        #expect(MediaCheck.decodeError(kept.path) == nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains { $0.hasSuffix(".part") }, "\(names)")

        // over for good: no resume, no second cancel; the file stays
        let resume = home.vtrack(["download", "--resume", "1"])
        #expect(resume.status == 1)
        #expect(resume.err.contains("already cancelled"), "\(resume.err)")
        let again = home.vtrack(["jobs", "--cancel", "1"])
        #expect(again.status == 1)
        #expect(again.err.contains("Download job 1 is already cancelled: there is nothing to cancel"), "\(again.err)")
        #expect(Self.fileSize(kept.path) == kept.bytes)
        let list = home.vtrack(["jobs", "--json"])
        #expect(list.out.contains("\"state\" : \"cancelled\""), "\(list.out)")
    }

    /// While the killed job's folder is read-only its `.part` cannot be finished: the cancel is
    /// refused with the folder named, and nothing changes; once it is writable, it goes through.
    @Test(.enabled(if: ReadOnlyFolder.canMake, Comment(rawValue: ReadOnlyFolder.unavailableReason)))
    func aCancelThatCannotFinishThePartChangesNothing() throws {
        let job = try KilledJob()
        let restore = try #require(ReadOnlyFolder.make(job.folder), "cannot make \(job.folder) read-only")
        let blocked = job.home.vtrack(["jobs", "--cancel", "1"])
        restore()
        #expect(blocked.status == 1)
        #expect(blocked.err.contains("Download job 1 was not cancelled") && blocked.err.contains(job.folder), "\(blocked.err)")
        #expect(try job.repo.read { try $0.downloadJob(id: 1) }?.state.isResumable == true)
        #expect(try job.repo.read { try $0.downloadFiles(jobID: 1) }.contains { $0.id == job.part.id && $0.state == .writing })
        #expect(FileManager.default.fileExists(atPath: job.part.path))
        // writable again: the cancel goes through
        let r = job.home.vtrack(["jobs", "--cancel", "1"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try job.repo.read { try $0.downloadJob(id: 1) }?.state == .cancelled)
    }

    /// Ctrl-C paused the download: `--cancel --json` keeps every file, exactly as they were.
    @Test func cancellingAPausedJobKeepsEveryFileAndPrintsJSON() throws {
        let sim = try SimProcess(["--channels", "1"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = CLIDownloadTests.yesterday(hour: 12, minutes: 20)
        guard let run = Self.startDownload(home, range, ["--max-file-size-mb", "2"], untilBytes: 6_000_000) else { return }
        kill(run.pid, SIGINT)
        #expect(Spawn.wait(run.pid) == 130)
        let repo = try home.repository()
        #expect(try repo.read { try $0.downloadJob(id: 1) }?.state == .paused)
        let before = try repo.read { try $0.downloadFiles(jobID: 1) }.sorted { $0.start! < $1.start! }
        #expect(before.count >= 3 && before.allSatisfy { $0.state == .done })

        let r = home.vtrack(["jobs", "--cancel", "1", "--json"])
        #expect(r.status == 0, "\(r.err)")
        let out = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.out)")
        #expect(out["job"] as? Int == 1)
        #expect(out["state"] as? String == "cancelled")
        #expect(out["files"] as? [String] == before.map(\.path))
        #expect((out["bytes"] as? NSNumber)?.int64Value == before.reduce(0) { $0 + $1.bytes })
        #expect(out["parts_finished"] as? Int == 0 && out["parts_removed"] as? Int == 0)
        #expect(try repo.read { try $0.downloadJob(id: 1) }?.state == .cancelled)
        #expect(try repo.read { try $0.downloadFiles(jobID: 1) } == before)
        for f in before { #expect(Self.fileSize(f.path) == f.bytes, "\(f.path)") }
    }

    /// A `vtrack download` runs the job (its link stalls, so it lasts): the cancel is refused with
    /// the process's id and how to stop it, and nothing of the job changes; once that download is
    /// stopped with Ctrl-C, the cancel goes through.
    @Test func aJobRunningInAnotherProcessIsLeftAlone() throws {
        let sim = try SimProcess(["--channels", "1", "--rtsp-stall-after", "3000000"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = CLIDownloadTests.yesterday(hour: 12, minutes: 20)
        guard let run = Self.startDownload(home, range, [], untilBytes: 1_000_000) else { return }
        let repo = try home.repository()
        let r = home.vtrack(["jobs", "--cancel", "1"])
        #expect(r.status == 1)
        #expect(r.err.contains("Download job 1 is running in another vtrack process (PID \(run.pid))"), "\(r.err)")
        #expect(r.err.contains("stop it there first"), "\(r.err)")
        let vi = home.vtrack(["jobs", "--cancel", "1", "--lang", "vi"])
        #expect(vi.status == 1)
        #expect(vi.err.contains("đang chạy trong một tiến trình vtrack khác"), "\(vi.err)")
        #expect(kill(run.pid, 0) == 0) // still running
        #expect(try repo.read { try $0.downloadJob(id: 1) }?.state.isResumable == true)
        #expect(try repo.read { try $0.downloadCameras(jobID: 1) }.allSatisfy { $0.state != .cancelled })

        kill(run.pid, SIGINT)
        #expect(Spawn.wait(run.pid) == 130)
        #expect(try repo.read { try $0.downloadJob(id: 1) }?.state == .paused)
        let done = home.vtrack(["jobs", "--cancel", "1"])
        #expect(done.status == 0, "\(done.err)")
        #expect(done.out.contains("Cancelled download job 1"), "\(done.out)")
        #expect(try repo.read { try $0.downloadJob(id: 1) }?.state == .cancelled)
    }

    @Test func cancellingADoneOrUnknownJobIsOneSentence() throws {
        let sim = try SimProcess(["--channels", "1"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = CLIDownloadTests.yesterday(hour: 12, minutes: 1)
        let d = home.vtrack(["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end)])
        #expect(d.status == 0, "\(d.err)")
        let repo = try home.repository()
        let files = try repo.read { try $0.downloadFiles(jobID: 1) }
        #expect(!files.isEmpty)

        let r = home.vtrack(["jobs", "--cancel", "1"])
        #expect(r.status == 1)
        #expect(r.err == "vtrack: Download job 1 is already done: there is nothing to cancel; the files it downloaded stay as they are.\n",
                "\(r.err)")
        #expect(r.out.isEmpty)
        let vi = home.vtrack(["jobs", "--cancel", "1", "--lang", "vi"])
        #expect(vi.status == 1 && vi.err.contains("không còn gì để huỷ"), "\(vi.err)")
        #expect(try repo.read { try $0.downloadJob(id: 1) }?.state == .done)
        #expect(try repo.read { try $0.downloadFiles(jobID: 1) } == files)
        for f in files { #expect(Self.fileSize(f.path) == f.bytes) }

        let unknown = home.vtrack(["jobs", "--cancel", "7", "--json"])
        #expect(unknown.status == 1)
        #expect(unknown.err == "vtrack: There is no download job 7: see the list with `vtrack jobs`.\n", "\(unknown.err)")
        #expect(unknown.out.isEmpty)
        // no lock file is left for a job that does not exist
        #expect(!FileManager.default.fileExists(atPath: home.db + ".download-7.lock"))
    }
}
