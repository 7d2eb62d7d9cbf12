import Common
import Core
import Foundation
import Testing
import TestSupport
import Store

/// The real `vtrack` binary on a database seeded through the repository.
@Suite struct SourcesCLITests {
    static let cameras = [
        Camera(id: "onvif_h_VS0", name: "Front Door", streamURL: "rtsp://10.0.0.5/ch1", resolution: "1920x1080", codec: "H264", channel: 1, sourceToken: "VS0"),
        Camera(id: "onvif_h_VS1", name: "Kho hàng", streamURL: "rtsp://10.0.0.5/ch2", resolution: "1280x720", codec: "H265", channel: 2, sourceToken: "VS1"),
    ]

    func seed(_ env: VTrackHome, password: String = "Seed-Pass-123") throws {
        let repo = try env.repository()
        _ = try SaveConfig(repository: repo).save(
            TestedSource(name: "nvr_shop", host: "10.0.0.5", port: 8000, username: "admin", password: password,
                         device: DeviceInfo(manufacturer: "Acme", model: "NVR-8"), cameras: Self.cameras),
            choice: .names(["Front Door"]), videoRoot: env.file("videos"))
    }

    @Test func listAndShowNeverPrintThePassword() throws {
        let env = VTrackHome()
        try seed(env)
        let list = env.vtrack(["sources", "list"])
        #expect(list.status == 0)
        #expect(list.out.contains("nvr_shop"))
        #expect(list.out.contains("10.0.0.5:8000"))
        #expect(list.out.contains("1/2"))
        let json = env.vtrack(["sources", "list", "--json"])
        let arr = try #require(jsonObject(json.out) as? [[String: Any]])
        #expect(arr.first?["name"] as? String == "nvr_shop")
        #expect(arr.first?["has_password"] as? Bool == true)
        #expect(arr.first?["selected_cameras"] as? [String] == ["Front Door"])
        let show = env.vtrack(["sources", "show", "nvr_shop"])
        #expect(show.status == 0)
        #expect(show.out.contains("[x] Front Door"))
        #expect(show.out.contains("[ ] Kho hàng"))
        #expect(show.out.contains(env.file("videos/nvr_shop/Front Door")))
        let showJSON = try #require(jsonObject(env.vtrack(["sources", "show", "nvr_shop", "--json"]).out) as? [String: Any])
        #expect((showJSON["camera_paths"] as? [String: String])?["Front Door"] == env.file("videos/nvr_shop/Front Door"))
        #expect((showJSON["detected_cameras"] as? [Any])?.count == 2)
        for r in [list, json, show] {
            #expect(!r.out.contains("Seed-Pass-123") && !r.err.contains("Seed-Pass-123"))
        }
    }

    @Test func selectChangesCamerasAndFolders() throws {
        let env = VTrackHome()
        try seed(env)
        let r = env.vtrack(["sources", "select", "nvr_shop", "--cameras", "all", "--json"])
        #expect(r.status == 0, "\(r.err)")
        let obj = try #require(jsonObject(r.out) as? [String: Any])
        let validation = try #require(obj["validation"] as? [String: Any])
        #expect(validation["validation_status"] as? String == "success")
        #expect((validation["camera_paths"] as? [String: String])?.keys.sorted() == ["Front Door", "Kho hàng"])
        #expect(FileManager.default.fileExists(atPath: env.file("videos/nvr_shop/Kho hàng")))
        let cfg = try env.repository().processingConfig()
        #expect(cfg.selectedCameras == ["Front Door", "Kho hàng"])
        let bad = env.vtrack(["sources", "select", "nvr_shop", "--cameras", "Back Door"])
        #expect(bad.status != 0)
        #expect(bad.err == "vtrack: This source has no camera \"Back Door\": choose among Front Door, Kho hàng.\n")
    }

    @Test func removeKeepsTheFolders() throws {
        let env = VTrackHome()
        try seed(env)
        let r = env.vtrack(["sources", "remove", "nvr_shop"])
        #expect(r.status == 0)
        #expect(r.out.contains("Removed source \"nvr_shop\""))
        #expect(try env.repository().sources().isEmpty)
        #expect(try env.repository().processingConfig().cameraPaths.isEmpty)
        #expect(FileManager.default.fileExists(atPath: env.file("videos/nvr_shop/Front Door")))
    }

    @Test func unknownSourceGetsOneSentenceInEitherLanguage() throws {
        let env = VTrackHome()
        #expect(env.vtrack(["config", "set", "default_days", "1"]).status == 0) // a database without that source
        for cmd in [["sources", "show", "ghost"], ["sources", "remove", "ghost"], ["sources", "select", "ghost", "--cameras", "all"],
                    ["paths", "check", "ghost"]] {
            let en = env.vtrack(cmd)
            #expect(en.status != 0)
            #expect(en.err == "vtrack: There is no source named \"ghost\": see the list with `vtrack sources list`.\n")
            let vi = env.vtrack(cmd, lang: "vi_VN.UTF-8")
            #expect(vi.status != 0)
            #expect(vi.err == "vtrack: Không có nguồn nào tên \"ghost\": xem danh sách bằng `vtrack sources list`.\n")
        }
    }

    @Test func configShowAndSet() throws {
        let env = VTrackHome()
        try seed(env)
        let show = env.vtrack(["config", "show"])
        #expect(show.out.contains("video_root        \(env.file("videos"))"))
        #expect(env.vtrack(["config", "set", "frame_rate", "12.5"]).out == "frame_rate = 12.5\n")
        #expect(try env.repository().processingConfig().frameRate == 12.5)
        let bad = env.vtrack(["config", "set", "frame_rate", "fast"])
        #expect(bad.status == 64)
        #expect(bad.err == "vtrack: The value \"fast\" is not valid for frame_rate: expected a number > 0.\n")
        let unknown = env.vtrack(["config", "set", "colour", "red"])
        #expect(unknown.status == 64)
        #expect(unknown.err.hasPrefix("vtrack: There is no setting \"colour\""))
        // A new video root moves the folders.
        let moved = env.vtrack(["config", "set", "video_root", env.file("v2"), "--json"])
        #expect(moved.status == 0, "\(moved.err)")
        #expect(FileManager.default.fileExists(atPath: env.file("v2/nvr_shop/Front Door")))
        #expect(try env.repository().processingConfig().cameraPaths["Front Door"] == env.file("v2/nvr_shop/Front Door"))
        // An unusable one changes nothing and says why.
        _ = FileManager.default.createFile(atPath: env.file("plainfile"), contents: Data())
        let refused = env.vtrack(["config", "set", "video_root", env.file("plainfile")])
        #expect(refused.status == 1)
        #expect(refused.err.contains("exists but is not a folder"))
        #expect(try env.repository().processingConfig().videoRoot == env.file("v2"))
    }

    @Test func pathsCheckReportsAndExitsNonZeroOnAProblem() throws {
        let env = VTrackHome()
        try seed(env)
        let ok = env.vtrack(["paths", "check"])
        #expect(ok.status == 0)
        #expect(ok.out.contains("✓ Front Door"))
        #expect(ok.out.contains("GB free"))
        let json = try #require(jsonObject(env.vtrack(["paths", "check", "nvr_shop", "--json"]).out) as? [[String: Any]])
        #expect(json.first?["validation_status"] as? String == "success")
        #expect((json.first?["disk_space_gb"] as? Double ?? 0) > 0)
        // A file where the camera's folder should be.
        try FileManager.default.removeItem(atPath: env.file("videos/nvr_shop/Front Door"))
        _ = FileManager.default.createFile(atPath: env.file("videos/nvr_shop/Front Door"), contents: Data())
        let bad = env.vtrack(["paths", "check"])
        #expect(bad.status == 1)
        #expect(bad.out.contains("✗ Front Door"))
        #expect(bad.out.contains("exists but is not a folder"))
    }

    /// Every `sources`, `config` and `paths` subcommand prints JSON with `--json` (list, show, select
    /// and paths check are covered above; add and test in SourcesAddCLITests).
    @Test func configRemoveAndPathsSpeakJSON() throws {
        let env = VTrackHome()
        try seed(env)
        let show = try #require(jsonObject(env.vtrack(["config", "show", "--json"]).out) as? [String: Any])
        #expect(show["video_root"] as? String == env.file("videos"))
        #expect(show["database"] as? String == env.db)
        #expect(show["key_file"] as? String == env.file("config/vtrack/secret.key"))
        #expect((show["camera_paths"] as? [String: String])?["Front Door"] == env.file("videos/nvr_shop/Front Door"))
        #expect(show["selected_cameras"] as? [String] == ["Front Door"])
        #expect(show.keys.contains("frame_rate") && show.keys.contains("db_path"))

        let set = env.vtrack(["config", "set", "default_days", "14", "--json"])
        #expect(set.status == 0, "\(set.err)")
        let setObj = try #require(jsonObject(set.out) as? [String: Any])
        #expect(setObj["key"] as? String == "default_days")
        #expect(setObj["value"] as? Double == 14)
        #expect((setObj["validations"] as? [Any])?.isEmpty == true)
        let moved = try #require(jsonObject(env.vtrack(["config", "set", "video_root", env.file("v2"), "--json"]).out) as? [String: Any])
        #expect(moved["value"] as? String == env.file("v2"))
        let validations = try #require(moved["validations"] as? [[String: Any]])
        #expect(validations.count == 1)
        #expect(validations.first?["validation_status"] as? String == "success")
        #expect((validations.first?["camera_paths"] as? [String: String])?["Front Door"] == env.file("v2/nvr_shop/Front Door"))

        let all = try #require(jsonObject(env.vtrack(["paths", "check", "--json"]).out) as? [[String: Any]])
        #expect(all.count == 1)
        #expect(all.first?["video_root"] as? String == env.file("v2"))

        let removed = env.vtrack(["sources", "remove", "nvr_shop", "--json"])
        #expect(removed.status == 0, "\(removed.err)")
        #expect((jsonObject(removed.out) as? [String: String]) == ["removed": "nvr_shop"])
        #expect(env.vtrack(["sources", "list", "--json"]).out == "[]\n")
        #expect(env.vtrack(["paths", "check", "--json"]).out == "[]\n")

        // Bad input with --json: nothing on standard output, the sentence on standard error.
        let ghost = env.vtrack(["sources", "show", "nvr_shop", "--json"])
        #expect(ghost.status == 64)
        #expect(ghost.out.isEmpty)
        #expect(ghost.err == "vtrack: There is no source named \"nvr_shop\": see the list with `vtrack sources list`.\n")
    }

    @Test func theDatabaseComesFromDbOrTheXDGFolder() throws {
        let env = VTrackHome()
        // a command that writes makes the database; one that only looks (config show) never does
        #expect(env.vtrack(["config", "set", "default_days", "2"], db: false).status == 0)
        let r = env.vtrack(["config", "show"], db: false)
        #expect(r.status == 0)
        #expect(r.out.contains("Database: \(env.file("share/vtrack/vtrack.db"))"))
        #expect(FileManager.default.fileExists(atPath: env.file("share/vtrack/vtrack.db")))
        let attrs = try FileManager.default.attributesOfItem(atPath: env.file("share/vtrack"))
        #expect(((attrs[.posixPermissions] as? NSNumber)?.intValue ?? 0) & 0o777 == 0o700)
        #expect(env.vtrack(["config", "set", "default_days", "2", "--db", env.file("elsewhere/my.db")], db: false).status == 0)
        let custom = env.vtrack(["config", "show", "--db", env.file("elsewhere/my.db")], db: false)
        #expect(custom.out.contains("Database: \(env.file("elsewhere/my.db"))"))
    }
}
