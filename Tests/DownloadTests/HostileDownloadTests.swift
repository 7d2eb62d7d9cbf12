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

}
