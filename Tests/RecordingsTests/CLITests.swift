import Common
import Core
import Foundation
import ONVIF
import Store
import Testing
import TestSupport

/// `vtrack recordings` against a spawned `vtrack-sim`, both real binaries.
@Suite struct RecordingsCLITests {
    /// `vtrack ARGS --db <db>` in the sandbox's home, in Vietnam's time zone.
    func vtrack(_ args: [String], box: StoreSandbox) -> ProgramOutput {
        box.home.vtrack(args, environment: ["TZ": "Asia/Ho_Chi_Minh"])
    }

    /// Saves the spawned simulator as source `nvr` (all cameras).
    func save(_ sim: SimProcess, in box: StoreSandbox) throws {
        let client = ONVIFClient(address: DeviceAddress(host: "127.0.0.1", port: sim.port), credentials: Credentials(user: "admin", password: "admin123"))
        let probe = try client.probe()
        let tested = TestedSource(name: "nvr", host: "127.0.0.1", port: sim.port, username: "admin", password: "admin123",
                                  device: probe.device, cameras: probe.cameras)
        _ = try SaveConfig(repository: box.repository).save(tested, choice: .all, videoRoot: box.path + "/videos")
    }

    @Test func jsonShape() throws {
        let sim = try SimProcess(["--channels", "3", "--days", "3"])
        let box = try StoreSandbox()
        try save(sim, in: box)
        let from = UTC.iso(secondsAgo(2 * 86_400)), to = UTC.iso(secondsAgo(600))
        let r = vtrack(["recordings", "nvr", "--from", from, "--to", to, "--cameras", "Camera 01,Camera 03", "--json"], box: box)
        #expect(r.status == 0, "\(r.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(object["source"] as? String == "nvr")
        #expect(object["from"] as? String == from)
        #expect(object["to"] as? String == to)
        #expect(object["profile_g"] as? Bool == true)
        #expect(object["playback"] as? String == "onvif_replay")
        #expect(object["no_recordings"] as? Bool == false)
        #expect(object["time_zone"] as? String == "Asia/Ho_Chi_Minh")
        #expect((object["device"] as? [String: Any])?["manufacturer"] as? String == "VTrack")
        let cameras = try #require(object["cameras"] as? [[String: Any]])
        #expect(Set(cameras.compactMap { $0["name"] as? String }) == ["Camera 01", "Camera 03"])
        for c in cameras {
            #expect(c["basis"] as? String == "track_events")
            let intervals = try #require(c["intervals"] as? [[String: Any]])
            let gaps = try #require(c["gaps"] as? [[String: Any]])
            #expect(intervals.count >= 2)
            #expect(gaps.count >= 2) // two nights at least
            let seconds = (intervals + gaps).compactMap { $0["seconds"] as? Double }.reduce(0, +)
            #expect(abs(seconds - (2 * 86_400 - 600)) <= Double(intervals.count + gaps.count)) // rounding of each
            #expect((intervals.first?["start"] as? String)?.hasSuffix("Z") == true)
            let hours = try #require(c["hours"] as? Double)
            #expect(hours > 10 && hours < 48)
            #expect((c["replay_uri"] as? String)?.hasPrefix("rtsp://127.0.0.1:") == true)
            #expect((c["recording_token"] as? String)?.hasPrefix("REC_") == true)
            #expect(c["fallback_url"] is NSNull)
            #expect((c["days"] as? [[String: Any]])?.isEmpty == false)
        }
        #expect(!r.out.contains("admin123"))
    }

    @Test func textAndErrors() throws {
        let sim = try SimProcess(["--channels", "2", "--days", "2"])
        let box = try StoreSandbox()
        try save(sim, in: box)
        let text = vtrack(["recordings", "nvr", "--from=-1d"], box: box)
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.contains("Camera 01:") && text.out.contains("h of footage"))
        #expect(text.out.contains("ONVIF replay (Profile G)"))
        let badTime = vtrack(["recordings", "nvr", "--from", "15/01/2024"], box: box)
        #expect(badTime.status == 64)
        #expect(badTime.err.contains("Cannot read the time “15/01/2024”"))
        let badCamera = vtrack(["recordings", "nvr", "--cameras", "Kitchen"], box: box)
        #expect(badCamera.status == 64)
        #expect(badCamera.err.contains("no camera “Kitchen”"))
        let unknownSource = vtrack(["recordings", "nope"], box: box)
        #expect(unknownSource.status != 0)
        let vi = vtrack(["recordings", "nvr", "--cameras", "Bếp", "--lang", "vi"], box: box)
        #expect(vi.status == 64)
        #expect(vi.err.contains("Nguồn này không có camera “Bếp”"))
        let viText = vtrack(["recordings", "nvr", "--from=-3h", "--lang", "vi"], box: box)
        #expect(viText.out.contains("có hình") && viText.out.contains("Phát lại"))
        let lonely = vtrack(["recordings", "nvr", "--save-url-template"], box: box)
        #expect(lonely.status == 64)
    }

    @Test func noProfileGSentence() throws {
        let sim = try SimProcess(["--no-profile-g"])
        let box = try StoreSandbox()
        try save(sim, in: box)
        let r = vtrack(["recordings", "nvr", "--json"], box: box)
        #expect(r.status == 1)
        #expect(r.err.contains("offers no recordings over ONVIF"))
        #expect(r.out.isEmpty)
    }

    @Test func hikvisionFallbackFromTheCLI() throws {
        let sim = try SimProcess(["--no-profile-g", "--vendor", "hikvision"])
        let box = try StoreSandbox()
        try save(sim, in: box)
        let r = vtrack(["recordings", "nvr", "--from", "2024-01-15T08:00:00Z", "--to", "2024-01-15T09:00:00Z", "--json"], box: box)
        #expect(r.status == 0, "\(r.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(object["playback"] as? String == "hikvision")
        let cameras = try #require(object["cameras"] as? [[String: Any]])
        let first = try #require(cameras.first { ($0["channel"] as? Int) == 1 })
        #expect((first["fallback_url"] as? String)?.hasSuffix("/Streaming/tracks/101?starttime=20240115T080000Z&endtime=20240115T090000Z") == true)
        #expect(first["basis"] as? String == "unknown")
    }
}
