import Common
import Core
import Foundation
import Simulator
import Store
import Synchronization
import Testing
import TestSupport
@testable import TUI

/// The terminal app's engine glue against the real simulator on 127.0.0.1 and a real
/// SQLite file: what the screens receive after each command.
@Suite(.serialized) struct EngineRunnerTests {
    static func runner(_ dir: Scratch) -> EngineCommandRunner {
        EngineCommandRunner(locations: StoreLocations(databaseFile: dir.path + "/vtrack.db", keyFile: dir.path + "/secret.key"))
    }

    static func simulator(_ configure: (inout SimulatorConfig) -> Void = { _ in }) throws -> Simulator {
        var config = SimulatorConfig()
        config.port = 0
        configure(&config)
        let sim = Simulator(config: config)
        try sim.start()
        return sim
    }

    /// Runs a command and waits (bounded) for the first event that `until` accepts.
    static func events(_ runner: EngineCommandRunner, _ command: Command, until: @escaping @Sendable (AppEvent) -> Bool) -> [AppEvent] {
        let got = Mutex<[AppEvent]>([])
        let done = DispatchSemaphore(value: 0)
        runner.run(command) { e in
            got.withLock { $0.append(e) }
            if until(e) { done.signal() }
        }
        _ = done.wait(timeout: .now() + 30)
        return got.withLock { $0 }
    }

    @Test func probeListsTheSimulatorsCamerasAndSaveMakesTheirFolders() throws {
        let sim = try Self.simulator()
        defer { sim.stop() }
        let dir = Scratch("tui")
        let runner = Self.runner(dir)
        defer { runner.shutdown() }
        let conn = Connection(name: "nvr_localhost", host: "127.0.0.1", port: sim.httpPort, user: "admin", password: "admin123",
                              videoRoot: dir.path + "/videos")
        let outcome = try runner.probe(conn)
        #expect(outcome.cameras.count == 4)
        #expect(outcome.device.model == sim.config.model)

        // Through update, as the app does it: the grid fills, two are ticked, the save runs.
        var s = Drive.fresh()
        s = update(s, .probeFinished(conn, .success(outcome))).0
        s.cameras.rows[0].selected = true
        s.cameras.rows[2].selected = true
        let (saving, commands) = Drive.press(s, .char("s"))
        guard case let .saveConfig(c, device, cams, selected)? = commands.first else { Issue.record("no save"); return }
        let result = runner.save(c, device: device, cameras: cams, selected: selected)
        guard case let .success(report) = result else { Issue.record("save failed: \(result)"); return }
        #expect(report.ok && report.folders.count == 2)
        for f in report.folders {
            var isDir: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: f.path, isDirectory: &isDir) && isDir.boolValue, "\(f.path) was made")
            #expect(f.path.hasPrefix(dir.path + "/videos/nvr_localhost/"))
            #expect(f.freeGB != nil)
        }
        let saved = update(saving, .saveFinished(result)).0
        #expect(saved.cameras.isSaved && saved.modal == .saveReport)

        // The saved source comes back from the database, without its password in the file.
        let events = Self.events(runner, .loadSources) { if case .sourcesLoaded = $0 { return true }; return false }
        let loaded = events.compactMap { e -> [SavedSource]? in if case let .sourcesLoaded(.success(l)) = e { return l }; return nil }.first
        #expect(loaded?.map(\.name) == ["nvr_localhost"])
        #expect(loaded?.first?.selected == selected && loaded?.first?.port == sim.httpPort)
        let raw = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/vtrack.db"))
        #expect(raw.range(of: Data("admin123".utf8)) == nil, "the password is not in the database in clear")

        // A later test of the saved source uses the saved password.
        var again = conn
        again.password = nil
        #expect(try runner.probe(again).cameras.count == 4)
    }

    @Test func wrongPasswordIsOneSentenceAndNothingIsSaved() throws {
        let sim = try Self.simulator()
        defer { sim.stop() }
        let dir = Scratch("tui")
        let runner = Self.runner(dir)
        defer { runner.shutdown() }
        let conn = Connection(name: "nvr_bad", host: "127.0.0.1", port: sim.httpPort, user: "admin", password: "wrong-pw",
                              videoRoot: dir.path + "/videos")
        let events = Self.events(runner, .probe(conn)) { if case .probeFinished = $0 { return true }; return false }
        guard case let .probeFinished(_, .failure(err))? = events.last else { Issue.record("expected a failure: \(events)"); return }
        #expect(!err.message.en.isEmpty && !err.message.vi.isEmpty)
        #expect(err.message.en.lowercased().contains("password"))
        #expect(!err.message.en.contains("wrong-pw") && !err.message.vi.contains("wrong-pw"))
        let s = update(Drive.press(Drive.fresh(), .char("a")).0, events.last!).0
        #expect(s.screen == .form && s.cameras.rows.isEmpty)
        #expect(try Repository(locations: runner.locations).sources().isEmpty, "nothing saved")
    }

    @Test func unreachableDeviceSaysWhatToCheck() throws {
        let dir = Scratch("tui")
        let runner = Self.runner(dir)
        // A port nothing listens on (the simulator's, after it stopped).
        let sim = try Self.simulator()
        let port = sim.httpPort
        sim.stop()
        let conn = Connection(name: "x", host: "127.0.0.1", port: port, user: "admin", password: "p", videoRoot: dir.path)
        do {
            _ = try runner.probe(conn)
            Issue.record("a closed port must fail")
        } catch {
            let e = EngineFailure(error)
            #expect(e.message.en.contains("127.0.0.1") && !e.message.en.hasPrefix("Unexpected"), "\(e.message.en)")
        }
    }

    @Test func saveIntoAReadOnlyRootReportsTheProblemAndSavesNothing() throws {
        guard getuid() != 0 else {
            // root ignores permissions; use a path under a file instead (cannot create).
            let dir = Scratch("tui")
            _ = FileManager.default.createFile(atPath: dir.path + "/file", contents: Data())
            let runner = Self.runner(dir)
            defer { runner.shutdown() }
            let conn = Connection(name: "nvr_x", host: "127.0.0.1", port: 80, user: "admin", password: "p", videoRoot: dir.path + "/file/videos")
            let r = runner.save(conn, device: DeviceInfo(), cameras: SampleScenes.cameras, selected: [SampleScenes.cameras[0].name])
            switch r {
            case let .success(report): #expect(!report.ok && (report.problem != nil || report.folders.contains { $0.problem != nil }))
            case let .failure(e): #expect(!e.message.en.isEmpty)
            }
            #expect(try Repository(locations: runner.locations).sources().isEmpty, "nothing is half-saved")
            return
        }
        let dir = Scratch("tui")
        try FileManager.default.createDirectory(atPath: dir.path + "/ro", withIntermediateDirectories: true)
        chmod(dir.path + "/ro", 0o555)
        defer { chmod(dir.path + "/ro", 0o755) }
        let runner = Self.runner(dir)
        defer { runner.shutdown() }
        let conn = Connection(name: "nvr_x", host: "127.0.0.1", port: 80, user: "admin", password: "p", videoRoot: dir.path + "/ro")
        let r = runner.save(conn, device: DeviceInfo(), cameras: SampleScenes.cameras, selected: [SampleScenes.cameras[0].name])
        guard case let .success(report) = r else { Issue.record("\(r)"); return }
        #expect(!report.ok)
        #expect(try Repository(locations: runner.locations).sources().isEmpty)
    }

    @Test func streamCheckAsksTheRTSPServer() throws {
        let sim = try Self.simulator()
        let dir = Scratch("tui")
        let runner = Self.runner(dir)
        defer { runner.shutdown() }
        let conn = Connection(name: "n", host: "127.0.0.1", port: sim.httpPort, user: "admin", password: "admin123", videoRoot: dir.path)
        let cams = try runner.probe(conn).cameras
        let seen = Mutex<[String: Bool]>([:])
        let events = Self.events(runner, .checkStreams(conn, cams)) { e in
            if case let .streamChecked(id, ok) = e { seen.withLock { $0[id] = ok } }
            return seen.withLock { $0.count } == cams.count
        }
        #expect(events.count == cams.count)
        #expect(seen.withLock { $0 }.values.allSatisfy { $0 }, "every stream of the simulator answers OPTIONS")
        sim.stop()
        let uri = try #require(cams.first?.mainStream?.uri)
        #expect(!StreamCheck.isReachable(uri, timeout: 2), "a stopped server is not reachable")
        #expect(!StreamCheck.isReachable("rtsp://", timeout: 1))
    }

    @Test func duplicateCameraNamesGetDistinctKeys() {
        var cams = Array(SampleScenes.cameras.prefix(2))
        cams[1].name = cams[0].name
        let conn = SampleScenes.connection
        var s = update(Drive.fresh(), .probeFinished(conn, .success(ProbeOutcome(device: SampleScenes.device, cameras: cams)))).0
        #expect(s.cameras.rows.map(\.key) == ["Cổng trước", "Cổng trước (2)"])
        s = Drive.press(s, .right, .space).0
        #expect(s.cameras.selectedNames == ["Cổng trước (2)"])
    }
}

/// Coverage and downloads through the glue, against the simulator's Profile G services.
@Suite(.serialized) struct EngineRecordingsTests {
    /// A saved source with two ticked cameras on a fresh simulator.
    static func savedSource() throws -> (Simulator, Scratch, EngineCommandRunner, Connection, [String]) {
        let sim = try EngineRunnerTests.simulator()
        let dir = Scratch("tui")
        let runner = EngineRunnerTests.runner(dir)
        let conn = Connection(name: "nvr_localhost", host: "127.0.0.1", port: sim.httpPort, user: "admin", password: "admin123",
                              videoRoot: dir.path + "/videos")
        let outcome = try runner.probe(conn)
        let keys = Array(Store.CameraKeys.keys(for: outcome.cameras).prefix(2))
        guard case .success = runner.save(conn, device: outcome.device, cameras: outcome.cameras, selected: keys) else {
            throw PlainError(vi: "lưu lỗi", en: "save failed")
        }
        return (sim, dir, runner, conn, keys)
    }

    @Test func coverageComesFromTheProfileGSearch() throws {
        let (sim, dir, runner, conn, keys) = try Self.savedSource()
        defer { sim.stop(); runner.shutdown(); _ = dir }
        let to = Date()
        let from = to.addingTimeInterval(-2 * 86_400)
        let events = EngineRunnerTests.events(runner, .loadCoverage(conn, cameras: keys, from: from, to: to)) {
            if case .coverageLoaded = $0 { return true }; return false
        }
        guard case let .coverageLoaded(f, t, .success(list))? = events.last else { Issue.record("\(events)"); return }
        #expect(f == from && t == to)
        #expect(list.map(\.camera) == keys)
        let hours = list.map { $0.seconds(from: from, to: to) / 3600 }
        #expect(hours.allSatisfy { $0 > 1 && $0 < 48 }, "footage with gaps over two days: \(hours)")
    }
}
