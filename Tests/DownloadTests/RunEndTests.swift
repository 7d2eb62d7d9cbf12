import Common
import Foundation
import Store
import Testing
import TestSupport
@testable import Core

/// Every path out of a job's run ends with its `.stopped` event: a summary that cannot be read
/// back still gives one (built from the last progress, with the reason), so a front waiting for it
/// never hangs.
@Suite(.serialized) struct RunEndTests {
    struct SummaryFault: Error, UserFacingError {
        var message: Localized { Localized(vi: "cơ sở dữ liệu không đọc được", en: "the database cannot be read") }
    }

    @Test func aSummaryThatCannotBeBuiltStillEndsTheRun() throws {
        let fx = try EngineFixture()
        let range = try fx.steadyRange(minutes: 2)
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log, summary: { _, _, _, _ in throw SummaryFault() })
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01"]))
        #expect(engine.waitUntilIdle(timeout: 120), "the run ends")
        let summary = try #require(log.summaries.last, "a .stopped event came: \(log.all.suffix(2))")
        #expect(summary.jobID == job.id && summary.state == .failed)
        #expect(summary.cameras.first?.state == .done, "the camera's own state is what the run saw")
        #expect(summary.reason == DownloadError.summaryUnavailable(job.id, SummaryFault().message).message)
        #expect(summary.reason?.en.contains("the database cannot be read") == true)
        // the totals come from the last progress
        #expect(summary.bytes > 0 && summary.cameras.map(\.camera) == ["Camera 01"])
        #expect(log.summaries.count == 1, "exactly one end")
    }

    /// A device that refuses the search: the run ends with `.stopped`, and its last progress
    /// shows the cameras failed with the reason, never still "queued".
    @Test func aJobWhosePlanningFailsShowsItsCamerasFailed() throws {
        struct RefusingAccess: RecordingAccess {
            func plan(_ cameras: [DownloadCamera], in range: DateInterval) throws -> [PlannedCamera] { throw SummaryFault() }
            func replayAddress(_ replay: ReplaySource, camera: DownloadCamera, piece: DateInterval) throws -> ReplayAddress {
                throw SummaryFault()
            }
            func fallback(for camera: DownloadCamera) -> ReplaySource? { nil }
            var rtspCredentials: (user: String, password: String)? { nil }
            func deviceClockOffset() throws -> Double { 0 }
        }
        let fx = try EngineFixture()
        let range = try fx.steadyRange(minutes: 2)
        let log = EventLog()
        let engine = DownloadEngine(repository: fx.repo, options: .testing, queue: DispatchQueue(label: "test.events"),
                                    access: { _, _ in RefusingAccess() }, onEvent: { log.append($0) })
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01"]))
        #expect(engine.waitUntilIdle(timeout: 120))
        let summary = try #require(log.summaries.last)
        #expect(summary.jobID == job.id && summary.state == .failed && summary.reason == SummaryFault().message)
        let last = try #require(log.all.compactMap { e -> JobProgress? in if case .progress(let p) = e { p } else { nil } }.last)
        #expect(last.cameras.map(\.state) == [.failed], "\(last.cameras)")
        #expect(last.cameras.first?.reason == SummaryFault().message)
    }

    /// Through the binary: another program deletes the job while `vtrack download` runs (its rows
    /// go with it), so the run cannot read its summary back. `vtrack download` ends with one
    /// sentence and status 1 instead of waiting for an end that never comes.
    @Test func vtrackDownloadEndsWhenItsJobIsDeletedUnderIt() throws {
        let sim = try SimProcess(["--channels", "1"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = CLIDownloadTests.yesterday(hour: 12, minutes: 20)
        guard let run = home.start(["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end), "--max-file-size-mb", "2"])
        else { Issue.record("cannot start vtrack"); return }
        let repo = try home.repository()
        // triggered by progress: the first finished file
        let started = eventually(timeout: 60) {
            ((try? repo.read { try $0.downloadFiles(jobID: 1) }) ?? []).contains { $0.state == .done }
        }
        #expect(started, "a file was written")
        let delete = Spawn.run("/usr/bin/python3", ["-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], timeout=30)
            c.execute("PRAGMA foreign_keys=ON")
            c.execute("DELETE FROM download_job WHERE id = 1")
            c.commit()
            """, home.db])
        #expect(delete.status == 0, "\(delete.err)")
        let status = Spawn.wait(run.pid)
        let err = (try? String(contentsOfFile: run.err, encoding: .utf8)) ?? ""
        #expect(status == 1, "\(err)")
        #expect(err.contains("summary could not be read back from the database"), "\(err)")
        #expect(!err.contains("Fatal error") && !err.contains("admin123"), "\(err)")
    }
}
