import Foundation
import Simulator
import Testing
import TestSupport

/// `vtrack probe` as a user runs it: the built binary against a simulator in this process.
@Suite struct ProbeCommandTests {
    final class Sim {
        let sim: Simulator
        init(_ configure: (inout SimulatorConfig) -> Void = { _ in }) throws {
            var c = SimulatorConfig()
            c.port = 0
            c.password = "p@ss/w?rd%"
            configure(&c)
            sim = Simulator(config: c)
            try sim.start()
        }
        deinit { sim.stop() }
        var address: String { "127.0.0.1:\(sim.httpPort)" }
    }

    @Test func jsonHasDeviceAndCameras() throws {
        let s = try Sim { $0.channels = 6 }
        let r = BinaryRunner.run("vtrack", ["probe", s.address, "--user", "admin", "--json"], environment: ["VTRACK_PASSWORD": "p@ss/w?rd%"])
        #expect(r.status == 0, "stderr: \(r.err)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(Set(obj.keys) == ["device", "cameras"])
        let device = try #require(obj["device"] as? [String: Any])
        #expect(device["manufacturer"] as? String == "VTrack")
        #expect(device["model"] as? String == "SIM-NVR")
        let cameras = try #require(obj["cameras"] as? [[String: Any]])
        #expect(cameras.count == 6)
        for (cam, ch) in zip(cameras, s.sim.model.channels) {
            for key in ["id", "name", "description", "stream_url", "resolution", "codec", "capabilities", "channel", "source_token", "main_stream", "sub_stream"] {
                #expect(cam[key] != nil, "missing \(key)")
            }
            #expect(cam["source_token"] as? String == ch.sourceToken)
            #expect(cam["stream_url"] as? String == "rtsp://127.0.0.1:\(s.sim.rtspPort)\(ch.main.rtspPath)")
        }
        #expect(!r.out.contains("p@ss"))
    }

    @Test func textTableListsEveryChannel() throws {
        let s = try Sim { $0.channels = 3 }
        let r = BinaryRunner.run("vtrack", ["probe", s.address, "--user", "admin", "--password-stdin"], stdin: "p@ss/w?rd%\n")
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.out.contains("Device: VTrack SIM-NVR"))
        for ch in s.sim.model.channels {
            #expect(r.out.contains(ch.name))
            #expect(r.out.contains("rtsp://127.0.0.1:\(s.sim.rtspPort)\(ch.sub.rtspPath)"))
        }
        #expect(r.out.contains("1920x1080 H264"))
        #expect(r.out.contains("640x360 H265"))
    }

    @Test func wrongPasswordExitsWithOneSentence() throws {
        let s = try Sim()
        let r = BinaryRunner.run("vtrack", ["probe", s.address, "--user", "admin", "--password", "Wr0ng-s3cret"])
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(r.err.contains("refused user “admin”"))
        #expect(!r.err.contains("Wr0ng-s3cret"))
        #expect(s.sim.stats.failedLogins <= 3)
    }

    @Test func vietnameseErrors() throws {
        let s = try Sim()
        let port = s.sim.httpPort
        s.sim.stop() // now nothing listens there
        let r = BinaryRunner.run("vtrack", ["probe", "127.0.0.1:\(port)", "--user", "admin", "--lang", "vi"], environment: ["VTRACK_PASSWORD": "x"])
        #expect(r.status == 1)
        #expect(r.err.contains("từ chối kết nối"))
    }

    @Test func noPasswordAndNoTerminalIsExplained() throws {
        let s = try Sim()
        let r = BinaryRunner.run("vtrack", ["probe", s.address, "--user", "admin"])
        #expect(r.status == 1)
        #expect(r.err.contains("VTRACK_PASSWORD"))
        #expect(s.sim.stats.totalRequests == 0)
    }

    @Test func badAddressIsExplained() throws {
        let r = BinaryRunner.run("vtrack", ["probe", "host:99999"])
        #expect(r.status == 64)
        #expect(r.err.contains("The port 99999 in “host:99999” is out of range"))
        let odd = BinaryRunner.run("vtrack", ["probe", "ho st"])
        #expect(odd.status == 64)
        #expect(odd.err.contains("HOST:PORT"))
    }

    @Test func simulatorExecutablePrintsReadyAndStopsOnSIGTERM() throws {
        let sim = try SimProcess(["--channels", "2", "--auth", "digest"])
        #expect(sim.readyLine.hasPrefix("ready http://127.0.0.1:"))
        #expect(sim.readyLine.hasSuffix("/onvif/device_service"))
        let r = BinaryRunner.run("vtrack", ["probe", "127.0.0.1:\(sim.httpPort)", "--user", "admin", "--json"], environment: ["VTRACK_PASSWORD": "admin123"])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(sim.stop() == 0)
    }
}
