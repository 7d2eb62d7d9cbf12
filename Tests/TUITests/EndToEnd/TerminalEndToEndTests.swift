import Common
import Foundation
import Store
import Testing

/// The real `vtrack` binary in tmux: keys in, screens out, as a technician over SSH would use it.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: these end-to-end tests need it (scripts/install-deps --test installs it)"))
struct TerminalEndToEndTests {
    /// A folder for one run's database, key and videos.
    final class Workspace {
        let path: String
        init() {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("vtrack-e2e-\(UUID().uuidString.prefix(8))").path
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        var environment: [String: String] {
            ["LANG": "C.UTF-8", "XDG_DATA_HOME": path + "/data", "XDG_CONFIG_HOME": path + "/config", "TERM": "tmux-256color"]
        }
        var db: String { path + "/vtrack.db" }
        var locations: StoreLocations { StoreLocations(databaseFile: db, keyFile: path + "/config/vtrack/secret.key") }

        /// `vtrack ARGS --db DB` as a shell command line.
        func vtrack(_ args: String = "") -> String { "\(Tmux.quote(Products.path("vtrack"))) \(args) --db \(Tmux.quote(db))" }
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
        r = t.wait { $0.contains("Saved sources") && Self.width($0) <= 80 && $0.split(separator: "\n").count <= 24 }
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
        let t = try Tmux(width: 100, height: 30, command: "\(Tmux.quote(Products.path("vtrack"))) demo --lang en --folder \(Tmux.quote(ws.path))",
                         environment: ws.environment)
        var r = t.wait(for: "Demo: a simulated 4-channel NVR")
        #expect(r.ok && r.screen.contains("[ Test connection ]"), "\(r.screen)")
        t.keys("Enter")
        r = t.wait(for: "Cameras — nvr_localhost")
        #expect(r.ok, "Enter tests the demo source:\n\(r.screen)")
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
