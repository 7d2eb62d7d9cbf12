import Common
import Foundation
import Simulator
import Store
import Testing
import TestSupport

/// `vtrack sources add/test` (the real binary) against the simulator started in-process on 127.0.0.1.
@Suite struct SourcesAddCLITests {
    static func simulator(_ change: (inout SimulatorConfig) -> Void = { _ in }) throws -> Simulator {
        var c = SimulatorConfig()
        c.host = "127.0.0.1"
        c.port = 0
        c.channels = 4
        change(&c)
        let sim = Simulator(config: c)
        try sim.start()
        return sim
    }

    func add(_ env: VTrackHome, _ sim: Simulator, name: String = "nvr_sim", password: String = "admin123", extra: [String] = []) throws -> ProgramOutput {
        env.vtrack(["sources", "add", name, "--host", "127.0.0.1", "--port", "\(sim.httpPort)", "--user", "admin",
                        "--password-stdin", "--video-root", env.file("videos")] + extra, stdin: password + "\n")
    }

    @Test func addTestsTheDeviceSavesItAndMakesTheFolders() throws {
        let sim = try Self.simulator()
        defer { sim.stop() }
        let env = VTrackHome()
        let r = try add(env, sim)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Saved source \"nvr_sim\": 4 cameras found, 4 selected."))
        #expect(r.out.contains("✓ Camera 01"))
        let repo = try env.repository()
        let s = try repo.requireSource(named: "nvr_sim")
        #expect(s.sourceType == "nvr")
        #expect(s.config.port == sim.httpPort)
        #expect(s.config.detectedCameras.map(\.name).sorted() == ["Camera 01", "Camera 02", "Camera 03", "Camera 04"])
        #expect(s.config.device?.manufacturer == "VTrack")
        #expect(try repo.password(for: s) == "admin123")
        let pc = try repo.processingConfig()
        #expect(pc.videoRoot == env.file("videos"))
        #expect(pc.cameraPaths["Camera 03"] == env.file("videos/nvr_sim/Camera 03"))
        #expect(FileManager.default.fileExists(atPath: env.file("videos/nvr_sim/Camera 04")))
        #expect(!r.out.contains("admin123") && !r.err.contains("admin123"))
        try repo.close()
        let raw = ["", "-wal", "-shm"].compactMap { FileManager.default.contents(atPath: env.db + $0) }.reduce(Data(), +)
        #expect(raw.range(of: Data("admin123".utf8)) == nil)

        let t = env.vtrack(["sources", "test", "nvr_sim"])
        #expect(t.status == 0, "\(t.err)")
        #expect(t.out.contains("Connected to \"nvr_sim\""))
    }

    @Test func addWithASelectionAndJSON() throws {
        let sim = try Self.simulator()
        defer { sim.stop() }
        let env = VTrackHome()
        let r = try add(env, sim, extra: ["--select", "camera 02,Camera 04", "--json"])
        #expect(r.status == 0, "\(r.err)")
        let obj = try #require(jsonObject(r.out) as? [String: Any])
        #expect(((obj["source"] as? [String: Any])?["selected_cameras"] as? [String])?.sorted() == ["Camera 02", "Camera 04"])
        #expect((obj["validation"] as? [String: Any])?["validation_status"] as? String == "success")
        #expect(try env.repository().processingConfig().selectedCameras.sorted() == ["Camera 02", "Camera 04"])
    }

    @Test func badInputIsRefusedWithOneSentenceAndNothingSaved() throws {
        let sim = try Self.simulator()
        defer { sim.stop() }
        let env = VTrackHome()
        let port = env.vtrack(["sources", "add", "x", "--host", "127.0.0.1", "--port", "70000", "--user", "admin", "--password-stdin"], stdin: "a\n")
        #expect(port.status == 64)
        #expect(port.err.hasPrefix("vtrack: Port \"70000\" is not valid"))
        let empty = env.vtrack(["sources", "add", "  ", "--host", "127.0.0.1", "--user", "admin", "--password-stdin"], stdin: "a\n")
        #expect(empty.status == 64)
        #expect(empty.err == "vtrack: The source name is empty: give it a name, for example shop_nvr.\n")
        let unknown = try add(env, sim, extra: ["--select", "Camera 99"])
        #expect(unknown.status == 64)
        #expect(unknown.err.contains("This source has no camera \"Camera 99\""))
        #expect(try env.repository().sources().isEmpty)

        #expect(try add(env, sim).status == 0)
        let requestsBefore = sim.stats
        let dup = try add(env, sim)
        #expect(dup.status == 64)
        #expect(dup.err.hasPrefix("vtrack: A source named \"nvr_sim\" already exists"))
        #expect(sim.stats == requestsBefore) // refused before contacting the device
        let viDup = env.vtrack(["sources", "add", "nvr_sim", "--host", "127.0.0.1", "--user", "admin", "--password-stdin"],
                                   stdin: "x\n", lang: "vi_VN.UTF-8")
        #expect(viDup.err.hasPrefix("vtrack: Đã có nguồn tên \"nvr_sim\""))
    }

    /// Each bad input gets its one sentence in the user's language (`LANG`) and exit 64, before any
    /// network traffic.
    @Test(arguments: ["en_US.UTF-8", "vi_VN.UTF-8"])
    func badInputInEitherLanguage(lang: String) throws {
        let env = VTrackHome()
        let vi = lang.hasPrefix("vi")
        func run(_ args: [String]) throws -> ProgramOutput {
            env.vtrack(["sources", "add"] + args + ["--user", "admin", "--password-stdin"], stdin: "a\n", lang: lang)
        }
        for port in ["70000", "0", "eighty"] {
            let r = try run(["x", "--host", "127.0.0.1", "--port", port])
            #expect(r.status == 64)
            #expect(r.err == (vi ? "vtrack: Cổng \"\(port)\" không hợp lệ: nhập số từ 1 đến 65535 (ONVIF thường là 80, 8000, 8080 hoặc 2020).\n"
                                 : "vtrack: Port \"\(port)\" is not valid: enter a number from 1 to 65535 (ONVIF is often 80, 8000, 8080 or 2020).\n"))
        }
        for name in ["", "   "] {
            let r = try run([name, "--host", "127.0.0.1"])
            #expect(r.status == 64)
            #expect(r.err == (vi ? "vtrack: Tên nguồn đang trống: hãy đặt một tên, ví dụ nvr_cua_hang.\n"
                                 : "vtrack: The source name is empty: give it a name, for example shop_nvr.\n"))
        }
        try env.repository().write { tx in _ = try tx.addSource(name: "taken", config: SourceConfig(url: "10.0.0.9")) }
        let dup = try run(["taken", "--host", "10.0.0.9"])
        #expect(dup.status == 64)
        #expect(dup.err.hasPrefix(vi ? "vtrack: Đã có nguồn tên \"taken\"" : "vtrack: A source named \"taken\" already exists"))
        for cmd in [["sources", "show", "ghost"], ["sources", "test", "ghost"], ["config", "set", "colour", "red"]] {
            let r = env.vtrack(cmd, lang: lang)
            #expect(r.status == 64, "\(cmd)")
            #expect(r.err.hasPrefix("vtrack: ") && r.err.split(separator: "\n").count == 1, "\(cmd): \(r.err)")
            #expect(r.err.contains(vi ? "Không có" : "There is no"), "\(cmd): \(r.err)")
        }
        #expect(try env.repository().sources().map(\.name) == ["taken"])
    }

    @Test func testPrintsJSON() throws {
        let sim = try Self.simulator()
        defer { sim.stop() }
        let env = VTrackHome()
        #expect(try add(env, sim, extra: ["--select", "Camera 01"]).status == 0)
        let t = env.vtrack(["sources", "test", "nvr_sim", "--json"])
        #expect(t.status == 0, "\(t.err)")
        let obj = try #require(jsonObject(t.out) as? [String: Any])
        #expect(obj["added"] as? [String] == [])
        #expect(obj["missing"] as? [String] == [])
        let save = try #require(obj["save"] as? [String: Any])
        #expect(save["created"] as? Bool == false)
        #expect((save["source"] as? [String: Any])?["selected_cameras"] as? [String] == ["Camera 01"])
        #expect((save["validation"] as? [String: Any])?["validation_status"] as? String == "success")
        #expect(!t.out.contains("admin123"))
    }

    @Test func aWrongPasswordOrAnUnusableFolderSavesNothing() throws {
        let sim = try Self.simulator()
        defer { sim.stop() }
        let env = VTrackHome()
        let wrong = try add(env, sim, password: "not-the-password")
        #expect(wrong.status == 1)
        #expect(wrong.err.hasPrefix("vtrack: "))
        #expect(wrong.err.split(separator: "\n").count == 1)
        #expect(!wrong.err.contains("not-the-password"))
        _ = FileManager.default.createFile(atPath: env.file("videos"), contents: Data())
        let folder = try add(env, sim)
        #expect(folder.status == 1)
        #expect(folder.err.contains("Source \"nvr_sim\" was not saved"))
        #expect(try env.repository().sources().isEmpty)
        #expect(try env.repository().processingConfig().rowID == nil)
    }

    @Test func aLostKeyIsFixedByReEnteringThePassword() throws {
        let sim = try Self.simulator()
        defer { sim.stop() }
        let env = VTrackHome()
        #expect(try add(env, sim).status == 0)
        try FileManager.default.removeItem(atPath: env.file("config/vtrack/secret.key"))
        let t = env.vtrack(["sources", "test", "nvr_sim"])
        #expect(t.status == 1)
        #expect(t.err.contains("re-enter the password"))
        let fixed = try add(env, sim, extra: ["--update"])
        #expect(fixed.status == 0, "\(fixed.err)")
        #expect(fixed.out.contains("Updated source \"nvr_sim\""))
        #expect(env.vtrack(["sources", "test", "nvr_sim"]).status == 0)
    }

    @Test func anUnreachableDeviceSavesNothing() throws {
        let sim = try Self.simulator()
        let port = sim.httpPort
        sim.stop()
        let env = VTrackHome()
        let r = env.vtrack(["sources", "add", "gone", "--host", "127.0.0.1", "--port", "\(port)", "--user", "admin",
                                "--password-stdin", "--timeout", "2"], stdin: "x\n")
        #expect(r.status == 1)
        #expect(r.err.hasPrefix("vtrack: "))
        #expect(try env.repository().sources().isEmpty)
    }
}
