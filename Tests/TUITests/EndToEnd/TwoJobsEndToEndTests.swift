import Common
import Core
import Foundation
import Store
import Testing
import TestSupport

/// Two download jobs at once in the real app (two ranges of the same cameras): a key on a row acts
/// on that row's job only. The simulator paces replays at real time (`--replay-pace 1`), so both
/// jobs are still running while the keys are pressed: nothing here waits for time to pass.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: these end-to-end tests need it (scripts/install-deps --test installs it)"))
struct TwoJobsEndToEndTests {
    typealias E2E = TerminalEndToEndTests

    /// Every camera's state in every job, from the database.
    static func states(_ ws: E2E.Workspace) -> [Int64: [String: DownloadState]] {
        guard let repo = try? Repository(locations: ws.locations) else { return [:] }
        defer { try? repo.close() }
        let jobs = (try? repo.read { r in try r.downloadJobs().map { ($0.id, try r.downloadCameras(jobID: $0.id)) } }) ?? []
        return Dictionary(jobs.map { ($0.0, Dictionary($0.1.map { ($0.camera, $0.state) }, uniquingKeysWith: { a, _ in a })) },
                          uniquingKeysWith: { a, _ in a })
    }

    static func minutes(_ hhmm: String) -> Int {
        let p = hhmm.split(separator: ":").compactMap { Int($0) }
        return p[0] * 60 + p[1]
    }

    static func hhmm(_ m: Int) -> String { String(format: "%02d:%02d", m / 60, m % 60) }

    @Test func pauseResumeAndCancelOneJobLeaveTheOtherAlone() throws {
        let sim = try SimProcess(["--channels", "4", "--replay-pace", "1"])
        let ws = E2E.Workspace()
        let t = try Tmux(width: 120, height: 40, command: ws.vtrack("--lang en"), environment: ws.environment)
        #expect(t.wait(for: "Saved sources").ok)
        E2E.addTickSave(t, port: sim.port, root: ws.path + "/videos")
        guard let (from, to) = try E2E.footageWindow(ws, minutes: 20) else { Issue.record("no footage yesterday"); return }
        let middle = Self.hhmm((Self.minutes(from) + Self.minutes(to)) / 2)

        // job 1: the first half of the window
        _ = E2E.download(t, from: from, to: middle)
        var r = t.wait { $0.contains(" running") }
        #expect(r.ok, "job 1 runs:\n\(r.screen)")
        // job 2: the second half, started from the dates screen while job 1 runs
        t.keys("4")
        #expect(t.wait(for: "Date range — 2 cameras").ok)
        t.keys("Tab", "C-u")
        t.type(middle)
        t.keys("Enter", "C-u")
        t.type(to)
        t.keys("Enter", "Tab")
        #expect(t.wait(for: to).ok)
        t.keys("d")
        r = t.wait(for: "Download?")
        #expect(r.ok, "a second download may start while one runs:\n\(r.screen)")
        t.keys("y")
        r = t.wait { $0.contains("Job 1 · nvr_sim") && $0.contains("Job 2 · nvr_sim") }
        #expect(r.ok, "each job's cameras stand under its own header:\n\(r.screen)")
        #expect(eventually { Self.states(ws).count == 2 && Self.states(ws).values.allSatisfy { $0.count == 2 } })
        let cams = try #require(Self.states(ws)[1]?.keys.sorted())

        // rows: job 1's two cameras, then job 2's; the cursor starts on job 1's first camera.
        // Cancel job 2's first camera.
        t.keys("j", "j", "x")
        r = t.wait(for: "Cancel the download of \(cams[0])?")
        #expect(r.ok, "\(r.screen)")
        t.keys("Enter")
        #expect(eventually { Self.states(ws)[2]?[cams[0]] == .cancelled }, "job 2's \(cams[0]) is cancelled: \(Self.states(ws))")
        var now = Self.states(ws)
        #expect(now[1]?.values.allSatisfy { $0 != .cancelled } == true, "job 1 is untouched: \(now)")
        #expect(now[2]?[cams[1]] != .cancelled, "job 2's other camera goes on: \(now)")

        // Pause job 1's first camera, then resume it.
        t.keys("k", "k", "p")
        #expect(eventually { Self.states(ws)[1]?[cams[0]] == .paused }, "job 1's \(cams[0]) pauses: \(Self.states(ws))")
        now = Self.states(ws)
        #expect(now[2]?[cams[1]] != .paused && now[1]?[cams[1]] != .paused, "nothing else pauses: \(now)")
        r = t.wait { $0.contains("paused") }
        #expect(r.ok, "the row shows it once the engine says so:\n\(r.screen)")
        t.keys("p")
        #expect(eventually { Self.states(ws)[1]?[cams[0]] != .paused }, "and resumes: \(Self.states(ws))")
        now = Self.states(ws)
        #expect(now[2]?[cams[0]] == .cancelled, "job 2's cancelled camera stays cancelled: \(now)")

        t.keys("q")
        r = t.wait(for: "Quit?")
        #expect(r.ok, "\(r.screen)")
        t.keys("y")
        #expect(t.wait(for: "EXIT:0").ok)
    }
}
