import Common
import Foundation
import Simulator
import Store
import Synchronization
import Testing
import TestSupport
@testable import TUI

/// Pause, resume and cancel from the downloads screen, through the glue, against the simulator.
/// Every control names its job and camera; a job whose run ended (every camera paused) is still
/// resumed or cancelled one camera at a time, and a second job is never touched.
@Suite(.serialized) struct EngineDownloadControlTests {
    /// Every event the runner sent, for waiting on.
    final class Recorder: Sendable {
        private let events = Mutex<[AppEvent]>([])
        var send: @Sendable (AppEvent) -> Void { { [self] e in events.withLock { $0.append(e) } } }
        var all: [AppEvent] { events.withLock { $0 } }

        /// Waits (bounded; not a measurement) until an event after `from` matches.
        func wait(after from: Int = 0, timeout: Double = 60, _ match: (AppEvent) -> Bool) -> Bool {
            eventually(timeout: timeout) { all.dropFirst(from).contains(where: match) }
        }

        /// The id of the `n`th job the engine took.
        func job(_ n: Int) -> Int64? {
            var ids: [Int64] = []
            _ = eventually { ids = all.compactMap { if case let .downloadStarted(id) = $0 { id } else { nil } }; return ids.count > n }
            return ids.count > n ? ids[n] : nil
        }
    }

    /// The rows a progress event reports for `job`.
    static func rows(_ e: AppEvent, job: Int64) -> [DownloadRow] {
        if case let .downloadProgress(info, rows) = e, info.id == job { return rows }
        return []
    }

    static func phase(_ e: AppEvent, job: Int64, camera: String) -> DownloadPhase? {
        rows(e, job: job).first { $0.camera == camera }?.phase
    }

    static func isPaused(_ p: DownloadPhase?) -> Bool { if case .paused = p { true } else { false } }

    static func day(_ back: Int) -> (Date, Date) {
        let offset = TimeZone.current.secondsFromGMT()
        let today = (Int(Date().timeIntervalSince1970) + offset) / 86_400
        let start = Date(timeIntervalSince1970: Double((today - back) * 86_400 - offset))
        return (start, start.addingTimeInterval(86_400))
    }

    static func states(_ dir: Scratch, job: Int64) throws -> (job: String, cameras: [String: String]) {
        let repo = try Repository(locations: StoreLocations(databaseFile: dir.path + "/vtrack.db", keyFile: dir.path + "/secret.key"))
        defer { try? repo.close() }
        return try repo.read { r in
            (try r.downloadJob(id: job)?.state.rawValue ?? "none",
             Dictionary(try r.downloadCameras(jobID: job).map { ($0.camera, $0.state.rawValue) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    @Test func pauseAllThenResumeAllThenCancelAll() throws {
        let (sim, dir, runner, conn, keys) = try EngineRecordingsTests.savedSource()
        defer { sim.stop(); runner.shutdown(); _ = dir }
        let rec = Recorder()
        let (from, to) = Self.day(1)
        runner.run(.startDownload(conn, cameras: keys, from: from, to: to), send: rec.send)
        let job = try #require(rec.job(0))
        #expect(rec.wait { Self.rows($0, job: job).contains { $0.phase == .running } }, "the download runs: \(rec.all.suffix(3))")

        runner.run(.pauseDownload(job: job, camera: nil), send: rec.send)
        #expect(rec.wait { e in let r = Self.rows(e, job: job); return !r.isEmpty && r.allSatisfy { Self.isPaused($0.phase) } },
                "every camera pauses")
        #expect(rec.wait { if case .downloadFinished(job, .paused(_), _) = $0 { true } else { false } }, "the run ends with its summary")
        #expect(eventually { (try? Self.states(dir, job: job).job) == "paused" }, "the job is left paused")

        let mark = rec.all.count
        runner.run(.resumeDownload(job: job, camera: nil), send: rec.send)
        #expect(rec.wait(after: mark) { Self.rows($0, job: job).contains { $0.phase == .running } }, "resume all starts it again: \(rec.all.suffix(3))")

        runner.run(.pauseDownload(job: job, camera: nil), send: rec.send)
        #expect(eventually { (try? Self.states(dir, job: job).job) == "paused" })
        let beforeCancel = rec.all.count
        runner.run(.cancelDownload(job: job, camera: nil), send: rec.send)
        #expect(eventually { (try? Self.states(dir, job: job).job) == "cancelled" }, "cancel all ends the paused job for good")
        #expect(rec.wait(after: beforeCancel) { e in let r = Self.rows(e, job: job); return !r.isEmpty && r.allSatisfy { $0.phase == .cancelled } },
                "the rows learn it from the engine")
    }

    @Test func resumeOrCancelOneCameraOfAPausedJobLeavesTheOtherAlone() throws {
        let (sim, dir, runner, conn, keys) = try EngineRecordingsTests.savedSource()
        defer { sim.stop(); runner.shutdown(); _ = dir }
        let rec = Recorder()
        let (from, to) = Self.day(1)
        runner.run(.startDownload(conn, cameras: keys, from: from, to: to), send: rec.send)
        let job = try #require(rec.job(0))
        #expect(rec.wait { Self.rows($0, job: job).contains { $0.phase == .running } })
        runner.run(.pauseDownload(job: job, camera: nil), send: rec.send)
        #expect(eventually { (try? Self.states(dir, job: job).job) == "paused" })

        var mark = rec.all.count
        runner.run(.resumeDownload(job: job, camera: keys[1]), send: rec.send)
        let resumed = rec.wait(after: mark) { e in
            Self.phase(e, job: job, camera: keys[1]) == .running && Self.isPaused(Self.phase(e, job: job, camera: keys[0]))
        }
        #expect(resumed, "only \(keys[1]) runs again: \(rec.all.suffix(3))")
        #expect(!rec.all.dropFirst(mark).contains { Self.phase($0, job: job, camera: keys[0]).map { $0.isActive } ?? false },
                "\(keys[0]) never ran or queued in between")

        runner.run(.pauseDownload(job: job, camera: keys[1]), send: rec.send)
        #expect(eventually { (try? Self.states(dir, job: job).job) == "paused" })
        // cancel one camera of the stopped job: the other stays paused, the job stays resumable
        mark = rec.all.count
        runner.run(.cancelDownload(job: job, camera: keys[0]), send: rec.send)
        #expect(rec.wait(after: mark) { e in
            Self.phase(e, job: job, camera: keys[0]) == .cancelled && Self.isPaused(Self.phase(e, job: job, camera: keys[1]))
        }, "\(rec.all.suffix(3))")
        let after = try Self.states(dir, job: job)
        #expect(after.job == "paused" && after.cameras == [keys[0]: "cancelled", keys[1]: "paused"])
    }

    /// Two jobs at once (two ranges of the same cameras): pausing, resuming and cancelling one
    /// never touches the other.
    @Test func twoJobsAreControlledApart() throws {
        let (sim, dir, runner, conn, keys) = try EngineRecordingsTests.savedSource()
        defer { sim.stop(); runner.shutdown(); _ = dir }
        let rec = Recorder()
        let (fromA, toA) = Self.day(1), (fromB, toB) = Self.day(2)
        runner.run(.startDownload(conn, cameras: keys, from: fromA, to: toA), send: rec.send)
        let a = try #require(rec.job(0))
        runner.run(.startDownload(conn, cameras: keys, from: fromB, to: toB), send: rec.send)
        let b = try #require(rec.job(1))
        #expect(a != b)
        #expect(rec.wait { Self.rows($0, job: a).contains { $0.phase == .running } })
        // the device gives one replay session at a time: job b's cameras may wait their turn
        #expect(rec.wait { !Self.rows($0, job: b).isEmpty })

        runner.run(.pauseDownload(job: a, camera: keys[0]), send: rec.send)
        #expect(rec.wait { Self.isPaused(Self.phase($0, job: a, camera: keys[0])) })
        #expect(!rec.all.contains { Self.isPaused(Self.phase($0, job: b, camera: keys[0])) }, "job \(b)'s \(keys[0]) is not paused")
        #expect(try Self.states(dir, job: b).cameras[keys[0]] != "paused")

        var mark = rec.all.count
        runner.run(.cancelDownload(job: b, camera: nil), send: rec.send)
        #expect(eventually { (try? Self.states(dir, job: b).job) == "cancelled" })
        #expect(rec.wait(after: mark) { if case .downloadFinished(b, .cancelled, _) = $0 { true } else { false } })
        #expect(try Self.states(dir, job: a).job == "running", "job \(a) runs on")

        mark = rec.all.count
        runner.run(.resumeDownload(job: a, camera: keys[0]), send: rec.send)
        #expect(rec.wait(after: mark) { Self.phase($0, job: a, camera: keys[0])?.isActive == true })
        #expect(try Self.states(dir, job: b).job == "cancelled", "job \(b) stays cancelled")
        runner.run(.cancelDownload(job: a, camera: nil), send: rec.send)
        #expect(eventually { (try? Self.states(dir, job: a).job) == "cancelled" })
    }
}
