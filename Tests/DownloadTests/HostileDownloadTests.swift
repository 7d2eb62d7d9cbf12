import Common
import Core
import Foundation
import Testing
import TestSupport

/// `vtrack download` asked for something it cannot do: refused by one sentence, and nothing
/// left behind (no job row, no folder).
@Suite struct HostileDownloadTests {
    static let cameras = [
        Camera(id: "onvif_h_VS0", name: "Front Door", streamURL: "rtsp://10.0.0.5/ch1", resolution: "1920x1080", codec: "H264", channel: 1, sourceToken: "VS0"),
        Camera(id: "onvif_h_VS1", name: "Yard", streamURL: "rtsp://10.0.0.5/ch2", resolution: "1280x720", codec: "H265", channel: 2, sourceToken: "VS1"),
    ]

    /// Saves source `shop` (10.0.0.5: never contacted) with "Front Door" selected.
    func seed(_ env: VTrackHome) throws {
        _ = try SaveConfig(repository: try env.repository()).save(
            TestedSource(name: "shop", host: "10.0.0.5", port: 8000, username: "admin", password: "Seed-Pass-123",
                         device: DeviceInfo(manufacturer: "Acme", model: "NVR-8"), cameras: Self.cameras),
            choice: .names(["Front Door"]), videoRoot: env.videoRoot)
    }

    func jobCount(_ env: VTrackHome) throws -> Int {
        let r = env.vtrack(["jobs", "--json"])
        #expect(r.status == 0, "\(r.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [Any]).count
    }

    @Test func aLostKeyFileLeavesNoQueuedJob() throws {
        let env = VTrackHome("dl")
        try seed(env)
        try FileManager.default.removeItem(atPath: env.keyFile)
        for _ in 0..<2 {
            let r = env.vtrack(["download", "shop", "--from=-1h", "--cameras", "Yard"])
            #expect(r.status == 1, "\(r.status): \(r.err)")
            #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
            #expect(r.err.contains("cannot be read because the key file \(env.keyFile) was lost or changed"), "\(r.err)")
        }
        #expect(try jobCount(env) == 0)
        #expect(!FileManager.default.fileExists(atPath: env.videoRoot + "/shop/Yard"), "a folder was made for a refused job")
        #expect(!FileManager.default.fileExists(atPath: env.keyFile), "a new key was made by a refusal")
    }

    @Test func anEmptyCameraListIsNotTheSavedSelection() throws {
        let env = VTrackHome("dl")
        try seed(env)
        for list in ["", " , "] {
            let r = env.vtrack(["download", "shop", "--from=-1h", "--cameras", list])
            #expect(r.status == 64, "\(r.status): \(r.err)")
            #expect(r.err == "vtrack: --cameras is empty: name the cameras (A,B), or leave --cameras out to use the source's selected cameras.\n")
            let rec = env.vtrack(["recordings", "shop", "--cameras", list])
            #expect(rec.status == 64 && rec.err.contains("--cameras is empty"), "\(rec.err)")
        }
        #expect(try jobCount(env) == 0)
    }

    @Test func aRangeOfDecadesIsRefused() throws {
        let env = VTrackHome("dl")
        try seed(env)
        let early = env.vtrack(["download", "shop", "--from=-99999999999d"])
        #expect(early.status == 64, "\(early.status): \(early.err)")
        #expect(early.err.split(separator: "\n").count == 1 && early.err.contains("before 2000: check --from"), "\(early.err)")
        let long = env.vtrack(["download", "shop", "--from", "2001-01-01", "--to", "2003-01-01"])
        #expect(long.status == 64 && long.err.contains("more than 366: choose a shorter one"), "\(long.err)")
        let rec = env.vtrack(["recordings", "shop", "--from=-10000d"])
        #expect(rec.status == 64 && rec.err.contains("before 2000"), "\(rec.err)")
        #expect(try jobCount(env) == 0)
    }

    @Test(.enabled(if: ReadOnlyFolder.canMake, Comment(rawValue: ReadOnlyFolder.unavailableReason)))
    func anUnwritableFolderIsADownloadSentence() throws {
        let env = VTrackHome("dl")
        try seed(env)
        let folder = env.videoRoot + "/shop/Front Door"
        let restore = try #require(ReadOnlyFolder.make(folder))
        defer { restore() }
        let r = env.vtrack(["download", "shop", "--from=-1h"])
        #expect(r.status == 1, "\(r.status): \(r.err)")
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        #expect(r.err.hasPrefix("vtrack: The download from source \"shop\" was not started: "), "\(r.err)")
        #expect(!r.err.contains("was not saved"))
        #expect(try jobCount(env) == 0)
    }

    @Test func aFailureIsOneSentenceWithoutLogLines() throws {
        let sim = try SimProcess(["--channels", "1", "--no-track-events"])
        let home = VTrackHome("dl")
        try home.addSource(sim)
        let night = CLIDownloadTests.yesterday(hour: 2, minutes: 5) // inside the nightly off-hours: no footage
        try #require(CLIDownloadTests.footage(channel: 1, in: night).isEmpty)
        let r = home.vtrack(["download", "sim", "--from", isoZ(night.start), "--to", isoZ(night.end)])
        #expect(r.status == 1)
        // the sentence (and how to continue), no log-format line of the engine
        #expect(r.err.hasPrefix("vtrack: " + DownloadError.noFootage.message.en + "\n"), "\(r.err)")
        #expect(!r.err.contains("vtrack.download"), "\(r.err)")
        // (the same range again would be refused as a second download of job 1's footage: resume it)
        let verbose = home.vtrack(["download", "--resume", "1", "--verbose"])
        #expect(verbose.status == 1)
        #expect(verbose.err.contains("vtrack.download"), "--verbose shows the engine's log lines: \(verbose.err)")
    }
}
