import Foundation
import Simulator
import Store
import Testing
import TestSupport
@testable import Core

/// `vtrack sync` as a technician and systemd run it, against `vtrack-sim --time-scale`.
@Suite(.serialized) struct SyncCLITests {
    /// `vtrack-sim` with one channel whose recordings end `behind` seconds ago and grow 60× faster.
    static func sim(behind: Int, extra: [String] = []) throws -> (SimProcess, skew: TimeInterval) {
        let skew = SyncFixture.skewWithFootage(channels: 1, seed: 42, around: Date().addingTimeInterval(-Double(behind)), span: 1800)
        let sim = try SimProcess(["--channels", "1", "--time-scale", "60", "--recordings-behind", "\(behind)", "--record-sub-streams",
                                  "--clock-skew", "\(Int(skew))"] + extra)
        return (sim, skew)
    }

    static func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    static func addSource(_ home: VTrackHome, _ sim: SimProcess) throws {
        let r = home.vtrack(["sources", "add", "sim", "--host", "127.0.0.1:\(sim.httpPort)", "--user", "admin", "--password", "admin123",
                             "--video-root", home.videoRoot])
        guard r.status == 0 else { throw TestFailure(r.err) }
    }

    static func repository(_ home: VTrackHome) throws -> Repository {
        try Repository(locations: StoreLocations(databaseFile: home.db, keyFile: home.keyFile))
    }

    /// A sync runs (loop mode, between passes); a second one says which process holds the lock
    /// and exits 1; `--status` names the running one; SIGTERM ends the first with 0.
    @Test func twoSyncsAtOnceTheSecondNamesTheHolder() throws {
        let (sim, _) = try Self.sim(behind: 600)
        let home = VTrackHome("sync2")
        try Self.addSource(home, sim)
        guard let first = home.start(["sync", "--interval", "1h", "--since", "12m", "--lag", "0", "--no-retention"]) else {
            Issue.record("cannot start vtrack"); return
        }
        let passed = eventually(timeout: 120) { Self.text(first.out).contains("Sync pass done") || Spawn.exited(first.pid) != nil }
        #expect(passed && Spawn.exited(first.pid) == nil, "\(Self.text(first.out)) \(Self.text(first.err))")
        let second = home.vtrack(["sync", "--once"])
        #expect(second.status == 1)
        #expect(second.err.contains("already running in process \(first.pid)"), "\(second.err)")
        let status = home.vtrack(["sync", "--status", "--json"])
        #expect(status.status == 0, "\(status.err)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [[String: Any]])
        #expect(list.first?["running_pid"] as? Int == Int(first.pid))
        let cams = try #require(list.first?["cameras"] as? [[String: Any]])
        #expect(cams.first?["last_saved"] is String, "\(status.out)")
        #expect(list.first?["next_run"] is String, "\(status.out)")
        // SIGHUP: the settings read again and a pass at once (not in an hour)
        kill(first.pid, SIGHUP)
        #expect(eventually(timeout: 120) { Self.text(first.out).components(separatedBy: "Sync pass done").count == 3 },
                "\(Self.text(first.out))")
        kill(first.pid, SIGTERM)
        #expect(Spawn.wait(first.pid) == 0)
        // the lock is free again
        let text = home.vtrack(["sync", "--status"])
        #expect(text.out.contains("No sync process is running"), "\(text.out)")
        #expect(text.out.contains("Camera 01"))
    }

    /// kill -9 of `vtrack sync --once` in the middle of a replay (held there by the simulator):
    /// the next sync resumes that job from its saved footage and the files hold every picture once.
    @Test func killNineThenTheNextSyncResumesFromTheHighWaterMark() throws {
        let (sim, skew) = try Self.sim(behind: 600, extra: ["--rtsp-hold-after", "3000000"])
        let home = VTrackHome("sync9")
        try Self.addSource(home, sim)
        let started = Date()
        guard let run = home.start(["sync", "--once", "--since", "12m", "--lag", "0", "--no-retention", "--max-file-size-mb", "1"]) else {
            Issue.record("cannot start vtrack"); return
        }
        var ended: Int32?
        let held = eventually(timeout: 120) {
            if sim.process.output.contains("held 1 ") { return true }
            ended = Spawn.exited(run.pid)
            return ended != nil
        }
        #expect(held && ended == nil, "\(Self.text(run.out)) \(Self.text(run.err))")
        guard held, ended == nil else { return }
        kill(run.pid, SIGKILL)
        #expect(Spawn.wait(run.pid) == 128 + SIGKILL)
        kill(sim.pid, SIGUSR1)
        let repo = try Self.repository(home)
        let killed = try #require(try repo.read { try $0.downloadJobs() }.first)
        #expect(killed.state == .running)
        let kept = try repo.read { try $0.downloadFiles(jobID: killed.id) }.filter { $0.state == .done }
        #expect(!kept.isEmpty)

        let again = home.vtrack(["sync", "--once", "--since", "12m", "--lag", "0", "--no-retention", "--max-file-size-mb", "1"])
        #expect(again.status == 0, "\(again.out) \(again.err)")
        #expect(again.out.contains("Job \(killed.id) continues"), "\(again.out)")
        #expect(try repo.read { try $0.downloadJob(id: killed.id) }?.state == .done)
        // every file of the killed job stayed; together with the rest they hold the footage once
        let files = try repo.read { r in try r.downloadJobs().flatMap { try r.downloadFiles(jobID: $0.id) } }.filter { $0.state == .done }
        #expect(Set(kept.map(\.path)).isSubset(of: Set(files.map(\.path))))
        let mark = try #require(try repo.read { try $0.syncCamera(sourceID: 1, camera: "Camera 01") }?.highWater)
        let span = DateInterval(start: started.addingTimeInterval(-720 + 5), end: mark)
        let timeline = RecordingTimeline(channel: 1, seed: 42, start: span.start.addingTimeInterval(skew - 86_400))
        let footage = timeline.footage(in: DateInterval(start: span.start.addingTimeInterval(skew), end: span.end.addingTimeInterval(skew)),
                                       now: span.end.addingTimeInterval(skew))
            .map { DateInterval(start: $0.start.addingTimeInterval(-skew), end: $0.end.addingTimeInterval(-skew)) }
        checkSyncCoverage(files: files, footage: footage, span: span, camera: "Camera 01")
        let dir = home.videoRoot + "/sim/Camera 01"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        #expect(!names.contains { $0.hasSuffix(".part") })
        #expect(names.filter { $0.hasSuffix(".mp4") }.count == files.count)
    }

    /// `--install-service` writes units with this binary, the database and the folders, and only
    /// prints the two systemctl commands.
    @Test func installServiceWritesTheUnitsAndPrintsTheCommands() throws {
        let home = VTrackHome("syncunit")
        let units = home.file("units")
        let loop = home.vtrack(["sync", "--install-service", "--user", "--unit-dir", units, "--interval", "15m", "--lag", "2m"])
        #expect(loop.status == 0, "\(loop.err)")
        #expect(loop.out.contains("systemctl --user daemon-reload"))
        #expect(loop.out.contains("systemctl --user enable --now vtrack-sync.service"))
        let service = Self.text(units + "/vtrack-sync.service")
        let binary = URL(fileURLWithPath: BuiltProducts.path("vtrack")).resolvingSymlinksInPath().path
        #expect(service.contains("ExecStart=\(binary) sync --db \(home.db) --interval 15m --lag 2m --since 86400s"), "\(service)")
        #expect(service.contains("Type=simple"))
        #expect(service.contains("ExecReload=/bin/kill -HUP $MAINPID"))
        #expect(service.contains("Environment=XDG_CONFIG_HOME=\(home.file("config"))"), "\(service)")
        #expect(service.contains("ReadWritePaths=\(home.file("data")) "), "\(service)")
        #expect(service.contains("WantedBy=default.target"))
        #expect(!FileManager.default.fileExists(atPath: units + "/vtrack-sync.timer"))

        let once = home.vtrack(["sync", "--install-service", "--user", "--unit-dir", units, "--once", "--interval", "30m"])
        #expect(once.status == 0, "\(once.err)")
        #expect(once.out.contains("systemctl --user enable --now vtrack-sync.timer"))
        let oneshot = Self.text(units + "/vtrack-sync.service")
        #expect(oneshot.contains("Type=oneshot"))
        #expect(oneshot.contains(" sync --db \(home.db) --once --lag 300s"), "\(oneshot)")
        let timer = Self.text(units + "/vtrack-sync.timer")
        #expect(timer.contains("OnUnitInactiveSec=1800s"))
        #expect(timer.contains("WantedBy=timers.target"))
    }
}
