import Common
import Foundation
import Simulator
import Store
import Synchronization
import Testing
import TestSupport
@testable import TUI

/// Pause, resume and cancel from the downloads screen, through the glue, against the simulator.
/// Pausing every camera ends the engine's job run (the job is left paused); the keys must still
/// resume or cancel it.
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
    }

    static func phases(_ e: AppEvent) -> [DownloadPhase] {
        if case let .downloadProgress(rows) = e { return rows.map(\.phase) }
        return []
    }

    static func yesterday() -> (Date, Date) {
        let offset = TimeZone.current.secondsFromGMT()
        let today = (Int(Date().timeIntervalSince1970) + offset) / 86_400
        let start = Date(timeIntervalSince1970: Double((today - 1) * 86_400 - offset))
        return (start, start.addingTimeInterval(86_400))
    }

    static func jobState(_ dir: Scratch) throws -> String {
        let repo = try Repository(locations: StoreLocations(databaseFile: dir.path + "/vtrack.db", keyFile: dir.path + "/secret.key"))
        defer { try? repo.close() }
        return try repo.read { try $0.downloadJobs(unfinishedOnly: false) }.first?.state.rawValue ?? "none"
    }

    @Test func pauseAllThenResumeAllThenCancelAll() throws {
        let (sim, dir, runner, conn, keys) = try EngineRecordingsTests.savedSource()
        defer { sim.stop(); runner.shutdown(); _ = dir }
        let rec = Recorder()
        let (from, to) = Self.yesterday()
        runner.run(.startDownload(conn, cameras: keys, from: from, to: to), send: rec.send)
        #expect(rec.wait { Self.phases($0).contains(.running) }, "the download runs: \(rec.all.suffix(3))")

        runner.run(.pauseDownload(camera: nil), send: rec.send)
        #expect(rec.wait { e in let p = Self.phases(e); return !p.isEmpty && p.allSatisfy { if case .paused = $0 { true } else { false } } },
                "every camera pauses")
        #expect(eventually { (try? Self.jobState(dir)) == "paused" }, "the job is left paused")

        let mark = rec.all.count
        runner.run(.resumeDownload(camera: nil), send: rec.send)
        #expect(rec.wait(after: mark) { Self.phases($0).contains(.running) }, "resume all starts it again: \(rec.all.suffix(3))")

        runner.run(.pauseDownload(camera: nil), send: rec.send)
        #expect(eventually { (try? Self.jobState(dir)) == "paused" })
        runner.run(.cancelDownload(camera: nil), send: rec.send)
        #expect(eventually { (try? Self.jobState(dir)) == "cancelled" }, "cancel all ends the paused job for good")
    }

    @Test func resumeOneCameraOfAPausedJobLeavesTheOtherPaused() throws {
        let (sim, dir, runner, conn, keys) = try EngineRecordingsTests.savedSource()
        defer { sim.stop(); runner.shutdown(); _ = dir }
        let rec = Recorder()
        let (from, to) = Self.yesterday()
        runner.run(.startDownload(conn, cameras: keys, from: from, to: to), send: rec.send)
        #expect(rec.wait { Self.phases($0).contains(.running) })
        runner.run(.pauseDownload(camera: nil), send: rec.send)
        #expect(eventually { (try? Self.jobState(dir)) == "paused" })

        let mark = rec.all.count
        runner.run(.resumeDownload(camera: keys[1]), send: rec.send)
        let resumed = rec.wait(after: mark) { e in
            guard case let .downloadProgress(rows) = e else { return false }
            return rows.contains { $0.camera == keys[1] && $0.phase == .running }
                && rows.contains { if $0.camera == keys[0], case .paused = $0.phase { true } else { false } }
        }
        #expect(resumed, "only \(keys[1]) runs again: \(rec.all.suffix(3))")
    }
}
