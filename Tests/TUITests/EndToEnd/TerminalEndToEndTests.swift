import Common
import Core
import Foundation
import Store
import Testing
import TestSupport

/// The real `vtrack` binary in tmux: keys in, screens out, as a technician over SSH would use it.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: these end-to-end tests need it (scripts/install-deps --test installs it)"))
struct TerminalEndToEndTests {
    /// A folder for one run's database, key and videos.
    final class Workspace {
        let dir = Scratch("e2e")
        var path: String { dir.path }

        var environment: [String: String] {
            ["LANG": "C.UTF-8", "XDG_DATA_HOME": path + "/data", "XDG_CONFIG_HOME": path + "/config", "TERM": "tmux-256color"]
        }
        var db: String { path + "/vtrack.db" }
        var locations: StoreLocations { StoreLocations(databaseFile: db, keyFile: path + "/config/vtrack/secret.key") }

        /// `vtrack ARGS --db DB` as a shell command line.
        func vtrack(_ args: String = "") -> String { "\(Tmux.quote(BuiltProducts.path("vtrack"))) \(args) --db \(Tmux.quote(db))" }
    }

    /// The widest line on screen.
    static func width(_ screen: String) -> Int { screen.split(separator: "\n").map { (line: Substring) in line.count }.max() ?? 0 }

    @Test func startNavigateResizeAndQuit() throws {
        let ws = Workspace()
        let t = try Tmux(width: 100, height: 30, command: ws.vtrack("--lang en"), environment: ws.environment)
        var r = t.wait(for: "Saved sources")
        #expect(r.ok, "the app opens on devices & sources:\n\(r.screen)")
        #expect(r.screen.contains("1 Devices & sources") && r.screen.contains("q quit"))

        t.keys("a")
        r = t.wait(for: "New ONVIF source")
        #expect(r.ok, "a opens the form:\n\(r.screen)")
        t.type("cam.local")
        r = t.wait(for: "cam.local")
        #expect(r.ok)
        t.keys("Escape")
        #expect(t.wait(for: "Saved sources").ok, "Esc goes back")
        t.keys("?")
        #expect(t.wait(for: "Help — keys").ok)
        t.keys("Escape")
        #expect(t.wait { !$0.contains("Help — keys") }.ok)

        t.resize(width: 80, height: 24)
        r = t.wait { $0.contains("Saved sources") && $0.contains("┌─ Log") && Self.width($0) <= 80 && $0.split(separator: "\n").count <= 24 }
        #expect(r.ok, "re-laid out at 80x24:\n\(r.screen)")
        #expect(r.screen.contains("┌─ Log"))

        t.resize(width: 60, height: 20)
        r = t.wait(for: "too small")
        #expect(r.ok && r.screen.contains("80×24"), "below 80x24 asks for a bigger window:\n\(r.screen)")

        t.resize(width: 200, height: 60)
        r = t.wait { $0.contains("Saved sources") && $0.contains("Found on the network") && Self.width($0) > 150 }
        #expect(r.ok, "re-laid out at 200x60:\n\(r.screen)")

        t.keys("q")
        r = t.wait(for: "EXIT:0")
        #expect(r.ok, "q quits with status 0:\n\(r.screen)")
    }

    @Test func vietnameseAndCtrlC() throws {
        let ws = Workspace()
        let t = try Tmux(width: 90, height: 26, command: ws.vtrack("--lang vi --theme monochrome"), environment: ws.environment)
        var r = t.wait(for: "Nguồn đã lưu")
        #expect(r.ok, "\(r.screen)")
        #expect(r.screen.contains("Thiết bị & nguồn") && r.screen.contains("q thoát"))
        t.keys("C-c")
        r = t.wait(for: "EXIT:0")
        #expect(r.ok && !r.screen.contains("Nguồn đã lưu"), "Ctrl-C leaves and gives the terminal back:\n\(r.screen)")
    }

    @Test func crashSignalRestoresTheTerminal() throws {
        let ws = Workspace()
        let t = try Tmux(width: 90, height: 26, command: ws.vtrack("--lang en"), environment: ws.environment)
        #expect(t.wait(for: "Saved sources").ok)
        guard let pid = Self.pid(of: ws.db) else { Issue.record("vtrack's pid not found"); return }
        kill(pid, SIGSEGV)
        let r = t.wait(for: "EXIT:139")
        #expect(r.ok, "a crash ends with the signal's status:\n\(r.screen)")
        #expect(!r.screen.contains("Saved sources"), "and leaves the full-screen mode:\n\(r.screen)")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let ws = Workspace()
        let t = try Tmux(width: 90, height: 26, command: ws.vtrack("--lang en"), environment: ws.environment)
        #expect(t.wait(for: "Saved sources").ok)
        guard let pid = Self.pid(of: ws.db) else { Issue.record("vtrack's pid not found"); return }
        kill(pid, SIGTERM)
        let r = t.wait(for: "EXIT:143")
        #expect(r.ok && !r.screen.contains("Saved sources"), "\(r.screen)")
    }

    /// An SSH session that drops sends SIGHUP: the app leaves and gives the terminal back.
    @Test func hangupRestoresTheTerminal() throws {
        let ws = Workspace()
        let t = try Tmux(width: 90, height: 26, command: ws.vtrack("--lang en"), environment: ws.environment)
        #expect(t.wait(for: "Saved sources").ok)
        guard let pid = Self.pid(of: ws.db) else { Issue.record("vtrack's pid not found"); return }
        kill(pid, SIGHUP)
        let r = t.wait(for: "EXIT:129")
        #expect(r.ok && !r.screen.contains("Saved sources"), "\(r.screen)")
    }

    /// SSH sessions often come with no LANG at all: the app still draws Vietnamese and boxes.
    @Test func noLocaleInTheEnvironmentStillDrawsUTF8() throws {
        let ws = Workspace()
        var env = ws.environment
        env["LANG"] = nil
        let t = try Tmux(width: 90, height: 26, command: "env -u LANG -u LC_ALL -u LC_CTYPE " + ws.vtrack("--lang vi"), environment: env)
        let r = t.wait(for: "Nguồn đã lưu")
        #expect(r.ok && r.screen.contains("┌─ Nguồn đã lưu"), "UTF-8 is forced at start:\n\(r.screen)")
        t.keys("q")
        #expect(t.wait(for: "EXIT:0").ok)
    }

    /// NO_COLOR, and a terminal without colours, get the monochrome theme (the cursor row is
    /// then marked by reverse video, not by a colour nobody sees).
    @Test func noColorAndColourlessTerminalsUseMonochrome() throws {
        let ws = Workspace()
        var env = ws.environment
        env["NO_COLOR"] = "1"
        var t = try Tmux(width: 90, height: 26, command: ws.vtrack("--lang en --theme light"), environment: env)
        var r = t.wait(for: "Saved sources")
        #expect(r.ok && r.screen.contains("en · monochrome"), "NO_COLOR:\n\(r.screen)")
        t.keys("q")
        #expect(t.wait(for: "EXIT:0").ok)

        env = ws.environment
        env["TERM"] = "vt100"
        t = try Tmux(width: 90, height: 26, command: ws.vtrack("--lang en"), environment: env)
        r = t.wait(for: "Saved sources")
        #expect(r.ok && r.screen.contains("en · monochrome"), "TERM=vt100:\n\(r.screen)")
        t.keys("q")
        #expect(t.wait(for: "EXIT:0").ok)
    }

    /// The workflow against `vtrack-sim`: add the source, test it, see 4 cameras, tick 2, save,
    /// and the two folders exist; then pick yesterday.
    @Test func addTestTickSaveAgainstTheSimulator() throws {
        let sim = try SimProcess(["--channels", "4"])
        let ws = Workspace()
        let root = ws.path + "/videos"
        let t = try Tmux(width: 120, height: 40, command: ws.vtrack("--lang en"), environment: ws.environment)
        #expect(t.wait(for: "Saved sources").ok)
        t.keys("a")
        #expect(t.wait(for: "New ONVIF source").ok)
        t.type("127.0.0.1")
        t.keys("Down", "C-u")
        t.type("\(sim.port)")
        t.keys("Down", "C-u")
        t.type("admin")
        t.keys("Down")
        t.type("admin123")
        t.keys("Down", "C-u")
        t.type("nvr_sim")
        t.keys("Down", "C-u")
        t.type(root)
        var r = t.wait(for: root)
        #expect(r.ok, "\(r.screen)")
        #expect(!r.screen.contains("admin123"), "the password is masked")
        t.keys("C-t")
        r = t.wait(for: "4 cameras found")
        #expect(r.ok, "the test succeeds:\n\(r.screen)")
        r = t.wait(for: "Cameras — nvr_sim")
        #expect(r.ok && r.screen.contains("Camera 01") && r.screen.contains("Camera 04"), "the grid shows 4 cameras:\n\(r.screen)")
        t.keys("Space", "l", "Space")
        r = t.wait(for: "2 ticked")
        #expect(r.ok, "\(r.screen)")
        t.keys("s")
        r = t.wait(for: "Enter: go on to the dates")
        #expect(r.ok, "the save report opens:\n\(r.screen)")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root + "/nvr_sim")) ?? []
        #expect(folders.count == 2, "two camera folders exist: \(folders)")
        let repo = try Repository(locations: ws.locations)
        #expect(try repo.sources().map(\.name) == ["nvr_sim"])
        #expect(try repo.processingConfig().cameraPaths.count == 2)
        try repo.close()
        t.keys("Enter")
        r = t.wait(for: "Date range — 2 cameras")
        #expect(r.ok, "\(r.screen)")
        t.keys("y")
        r = t.wait { !$0.contains("––––-––-––") }
        #expect(r.ok, "yesterday fills the range:\n\(r.screen)")
        t.keys("q")
        #expect(t.wait(for: "EXIT:0").ok)
    }

    @Test func wrongPasswordSaysSoAndSavesNothing() throws {
        let sim = try SimProcess(["--channels", "4"])
        let ws = Workspace()
        let t = try Tmux(width: 100, height: 30, command: ws.vtrack("--lang en"), environment: ws.environment)
        #expect(t.wait(for: "Saved sources").ok)
        t.keys("a")
        #expect(t.wait(for: "New ONVIF source").ok)
        t.type("127.0.0.1")
        t.keys("Down", "C-u")
        t.type("\(sim.port)")
        t.keys("Down", "Down")
        t.type("not-the-password")
        t.keys("C-t")
        let r = t.wait { $0.contains("✗") && $0.lowercased().contains("password") }
        #expect(r.ok, "a clear sentence about the password:\n\(r.screen)")
        #expect(!r.screen.contains("not-the-password"))
        #expect(r.screen.contains("New ONVIF source"), "stays on the form")
        t.keys("Escape")
        #expect(t.wait(for: "Saved sources (0)").ok)
        t.keys("q")
        #expect(t.wait(for: "EXIT:0").ok)
        let repo = try Repository(locations: ws.locations)
        #expect(try repo.sources().isEmpty, "nothing saved")
    }

    @Test func demoOpensOnTheSimulatorReadyToTest() throws {
        let ws = Workspace()
        let t = try Tmux(width: 100, height: 30, command: "\(Tmux.quote(BuiltProducts.path("vtrack"))) demo --lang en --folder \(Tmux.quote(ws.path))",
                         environment: ws.environment)
        var r = t.wait(for: "Demo: a simulated 4-channel NVR")
        #expect(r.ok && r.screen.contains("[ Test connection ]"), "\(r.screen)")
        r = t.wait(for: "Found VTrack Simulated NVR")
        #expect(r.ok, "WS-Discovery (unicast to the demo's responder) finds the simulator:\n\(r.screen)")
        t.keys("Enter")
        r = t.wait(for: "Cameras — nvr_localhost")
        #expect(r.ok, "Enter tests the demo source:\n\(r.screen)")
        t.keys("q")
        #expect(t.wait(for: "EXIT:0").ok)
    }

    /// A terminal type this machine has no terminfo entry for: the demo says so in one sentence
    /// (not ncurses' own exit) and leaves nothing behind — the simulator is stopped and the
    /// temporary demo folder removed.
    @Test func demoOnAnUnknownTerminalSaysSoAndCleansUp() throws {
        let ws = Workspace()
        let tmp = ws.path + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        var env = ws.environment
        env["TERM"] = "vtrack-no-such-terminal"
        env["TMPDIR"] = tmp
        let t = try Tmux(width: 220, height: 30, command: "\(Tmux.quote(BuiltProducts.path("vtrack"))) demo --lang en", environment: env)
        let r = t.wait(for: "EXIT:")
        #expect(r.ok && r.screen.contains("EXIT:1"), "\(r.screen)")
        #expect(r.screen.contains("Cannot open the app on a terminal of type “vtrack-no-such-terminal” (TERM)"), "\(r.screen)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: tmp)) == [], "the temporary demo folder is removed")
    }

    // MARK: Downloads

    /// Types a new source for `sim` into the form, tests it, ticks the first two cameras, saves,
    /// and goes on to the dates screen. Returns the last screen.
    @discardableResult
    static func addTickSave(_ t: Tmux, port: Int, root: String) -> String {
        t.keys("a")
        t.wait(for: "New ONVIF source")
        t.type("127.0.0.1")
        t.keys("Down", "C-u")
        t.type("\(port)")
        t.keys("Down", "C-u")
        t.type("admin")
        t.keys("Down")
        t.type("admin123")
        t.keys("Down", "C-u")
        t.type("nvr_sim")
        t.keys("Down", "C-u")
        t.type(root)
        t.wait(for: root)
        t.keys("C-t")
        t.wait(for: "Cameras — nvr_sim")
        t.keys("Space", "l", "Space")
        t.wait(for: "2 ticked")
        t.keys("s")
        t.wait(for: "Enter: go on to the dates")
        t.keys("Enter")
        return t.wait(for: "Date range — 2 cameras").screen
    }

    /// A stretch of yesterday (local time) where both ticked cameras have footage for `minutes`
    /// minutes, as `HH:MM` texts, found with the same Profile G search the app uses.
    static func footageWindow(_ ws: Workspace, minutes: Int) throws -> (start: String, end: String)? {
        let offset = TimeZone.current.secondsFromGMT()
        let now = Date()
        let today = (Int(now.timeIntervalSince1970) + offset) / 86_400
        let dayStart = Date(timeIntervalSince1970: Double((today - 1) * 86_400 - offset))
        let day = DateInterval(start: dayStart, duration: 86_400)
        let repo = try Repository(locations: ws.locations)
        defer { try? repo.close() }
        let report = try Recordings(repository: repo).report(RecordingsRequest(sourceName: "nvr_sim", range: day))
        var common = [day]
        for cam in report.cameras {
            common = common.flatMap { a in cam.coverage.intervals.compactMap { b in a.intersection(with: b) } }
        }
        // whole minutes inside, with a minute of margin at each end
        for i in common {
            let first = (Int(i.start.timeIntervalSince(dayStart)) + 59) / 60 + 1
            let last = Int(i.end.timeIntervalSince(dayStart)) / 60 - 1
            if last - first >= minutes {
                func hhmm(_ m: Int) -> String { String(format: "%02d:%02d", m / 60, m % 60) }
                return (hhmm(first), hhmm(first + minutes))
            }
        }
        return nil
    }

    /// Picks yesterday with the given times on the dates screen and confirms the download.
    @discardableResult
    static func download(_ t: Tmux, from: String, to: String) -> String {
        t.keys("y", "Tab", "C-u")
        t.type(from)
        t.keys("Enter", "C-u")
        t.type(to)
        t.keys("Enter", "Tab")               // end time → log pane → calendar
        t.wait(for: to)
        t.keys("d")
        t.wait(for: "Download?")
        t.keys("y")
        return t.wait(for: "Downloads — ").screen
    }

    /// MP4 files under a camera folder, and whether ffprobe reads each one (nil: no ffprobe here).
    static func mp4s(in folder: String) -> [(path: String, readable: Bool?)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".mp4") }.sorted()
        return names.map { name in
            let path = folder + "/" + name
            guard Tools.find("ffprobe") != nil else { return (path, nil) }
            return (path, (MediaCheck.probe(path)?.packets ?? 0) > 0)
        }
    }

    /// The full workflow: add, test, 4 cameras, tick 2, save, yesterday, download, every bar at
    /// 100 %, MP4 files in both folders that ffprobe reads.
    @Test func downloadYesterdayToTheEnd() throws {
        let sim = try SimProcess(["--channels", "4"])
        let ws = Workspace()
        let root = ws.path + "/videos"
        let t = try Tmux(width: 120, height: 40, command: ws.vtrack("--lang en"), environment: ws.environment)
        #expect(t.wait(for: "Saved sources").ok)
        let dates = Self.addTickSave(t, port: sim.port, root: root)
        #expect(dates.contains("Date range — 2 cameras"), "\(dates)")
        guard let (from, to) = try Self.footageWindow(ws, minutes: 3) else { Issue.record("no footage yesterday"); return }
        let screen = Self.download(t, from: from, to: to)
        #expect(screen.contains("Downloads — "), "\(screen)")
        let r = t.wait(timeout: 240) { $0.contains("Downloads 2/2 done 100%") }
        #expect(r.ok, "every bar reaches 100 %:\n\(r.screen)")
        #expect(r.screen.components(separatedBy: "100%").count - 1 >= 3, "two cameras and the overall bar at 100 %")
        let cams = (try? FileManager.default.contentsOfDirectory(atPath: root + "/nvr_sim")) ?? []
        #expect(cams.count == 2)
        for cam in cams {
            let files = Self.mp4s(in: root + "/nvr_sim/" + cam)
            #expect(!files.isEmpty, "\(cam) has MP4 files")
            for f in files { #expect(f.readable == true, "ffprobe reads \(f.path) (nil: no ffprobe — scripts/test installs it)") }
        }
        t.keys("q")
        #expect(t.wait(for: "EXIT:0").ok, "nothing runs any more: q leaves without asking")
    }

    /// Quit while downloading (the app asks), then start again: the job resumes by itself and ends.
    @Test func quitAndRestartResumesTheDownload() throws {
        let sim = try SimProcess(["--channels", "4"])
        let ws = Workspace()
        let root = ws.path + "/videos"
        var t = try Tmux(width: 120, height: 40, command: ws.vtrack("--lang en"), environment: ws.environment)
        #expect(t.wait(for: "Saved sources").ok)
        Self.addTickSave(t, port: sim.port, root: root)
        guard let (from, to) = try Self.footageWindow(ws, minutes: 40) else { Issue.record("no footage yesterday"); return }
        Self.download(t, from: from, to: to)
        var r = t.wait(timeout: 60) { $0.contains(" running") && $0.contains(" MB ") }
        #expect(r.ok, "the download runs:\n\(r.screen)")
        t.keys("q")
        r = t.wait(for: "Quit?")
        #expect(r.ok && r.screen.contains("resumes"), "quitting while downloading asks first:\n\(r.screen)")
        t.keys("y")
        r = t.wait(for: "EXIT:0")
        #expect(r.ok, "\(r.screen)")
        let repo = try Repository(locations: ws.locations)
        let unfinished = try repo.read { try $0.downloadJobs(unfinishedOnly: true) }
        try repo.close()
        #expect(unfinished.count == 1, "the job is left unfinished")

        t = try Tmux(width: 120, height: 40, command: ws.vtrack("--lang en"), environment: ws.environment)
        r = t.wait(for: "Resuming 1 unfinished download job")
        #expect(r.ok, "the restarted app resumes it:\n\(r.screen)")
        t.keys("5")
        r = t.wait(timeout: 300) { $0.contains("Downloads 2/2 done 100%") }
        #expect(r.ok, "and it ends:\n\(r.screen)")
        let cams = (try? FileManager.default.contentsOfDirectory(atPath: root + "/nvr_sim")) ?? []
        #expect(cams.count == 2, "both camera folders: \(cams)")
        for cam in cams {
            let folder = root + "/nvr_sim/" + cam
            let all = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            #expect(!all.contains { $0.hasSuffix(".part") }, "no .part file left in \(cam)")
            let files = Self.mp4s(in: folder)
            #expect(!files.isEmpty)
            for f in files { #expect(f.readable == true, "ffprobe reads \(f.path) (nil: no ffprobe — scripts/test installs it)") }
        }
        t.keys("q")
        #expect(t.wait(for: "EXIT:0").ok)
    }

    /// The pid of the `vtrack` process started with this database (not the shell around it).
    static func pid(of db: String) -> pid_t? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        for e in entries {
            guard let pid = pid_t(e),
                  let cmd = FileManager.default.contents(atPath: "/proc/\(e)/cmdline") else { continue }
            let args = cmd.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if args.first?.hasSuffix("/vtrack") == true, args.contains(db) { return pid }
        }
        return nil
    }
}
