import Foundation
import Simulator
import Testing

/// `vtrack record` as a user runs it: the built binary against the simulator's RTSP server.
@Suite struct RecordCommandTests {
    static func tempFile(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vtrack-record-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    @Test func recordsTheStreamURIOfACamera() throws {
        let s = try ProbeCommandTests.Sim()
        let url = "rtsp://127.0.0.1:\(s.sim.rtspPort)\(s.sim.model.channels[1].sub.rtspPath)"
        let out = Self.tempFile("cam.mp4")
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let r = try BinaryRunner.run("vtrack", ["record", url, "--user", "admin", "--duration", "2", "-o", out],
                                     environment: ["VTRACK_PASSWORD": "p@ss/w?rd%"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.hasPrefix("Saved \(out): 30 pictures, 2.0 s"))
        #expect(FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: out + ".part"))
        #expect(!(r.stdout + r.stderr).contains("p@ss"))
    }

    @Test func wrongPasswordIsOneSentence() throws {
        let s = try ProbeCommandTests.Sim()
        let out = Self.tempFile("x.mp4")
        let r = try BinaryRunner.run("vtrack", ["record", "rtsp://admin:nope@127.0.0.1:\(s.sim.rtspPort)/live/ch01/sub", "-o", out, "--duration", "1"])
        #expect(r.status == 1)
        #expect(r.stderr == "The device rejected the RTSP user name \"admin\" or password; check the account and password.\n")
        #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: out + ".part"))
    }

    @Test func badURLAndClosedPortAreOneSentence() throws {
        let bad = try BinaryRunner.run("vtrack", ["record", "http://x/y", "-o", Self.tempFile("y.mp4")])
        #expect(bad.status == 1 && bad.stderr.hasPrefix("The RTSP address \"http://x/y\" is not valid"))
        let vi = try BinaryRunner.run("vtrack", ["record", "rtsp://127.0.0.1:1/x", "-o", Self.tempFile("z.mp4"), "--lang", "vi"])
        #expect(vi.status == 1 && vi.stderr.hasPrefix("127.0.0.1 từ chối kết nối ở cổng RTSP 1"))
        #expect(vi.stderr.split(separator: "\n").count == 1)
    }
}
