import Foundation
import Simulator
import Testing
import TestSupport

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
        let r = BinaryRunner.run("vtrack", ["record", url, "--user", "admin", "--duration", "2", "-o", out],
                                     environment: ["VTRACK_PASSWORD": "p@ss/w?rd%"])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.out.hasPrefix("Saved \(out): 30 pictures, 2.0 s"))
        #expect(FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: out + ".part"))
        #expect(!(r.out + r.err).contains("p@ss"))
    }

    @Test func wrongPasswordIsOneSentence() throws {
        let s = try ProbeCommandTests.Sim()
        let out = Self.tempFile("x.mp4")
        let r = BinaryRunner.run("vtrack", ["record", "rtsp://admin:nope@127.0.0.1:\(s.sim.rtspPort)/live/ch01/sub", "-o", out, "--duration", "1"])
        #expect(r.status == 1)
        #expect(r.err == "The device rejected the RTSP user name \"admin\" or password; check the account and password.\n")
        #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: out + ".part"))
    }

    @Test func badURLAndClosedPortAreOneSentence() throws {
        let bad = BinaryRunner.run("vtrack", ["record", "http://x/y", "-o", Self.tempFile("y.mp4")])
        #expect(bad.status == 64 && bad.err.hasPrefix("The RTSP address \"http://x/y\" is not valid"))
        let vi = BinaryRunner.run("vtrack", ["record", "rtsp://127.0.0.1:1/x", "-o", Self.tempFile("z.mp4"), "--lang", "vi"])
        #expect(vi.status == 1 && vi.err.hasPrefix("127.0.0.1 từ chối kết nối ở cổng RTSP 1"))
        #expect(vi.err.split(separator: "\n").count == 1)
    }

    // MARK: Ctrl-C and the terminal

    /// Ctrl-C (SIGINT) during a recording without `--duration`: the session is torn down, the
    /// `.part` file is finished and renamed, exit 0, and the file plays without a single error.
    @Test(.enabled(if: MediaCheck.available, "ffmpeg/ffprobe are not installed"))
    func ctrlCEndsTheFileCleanly() throws {
        let s = try ProbeCommandTests.Sim()
        let url = "rtsp://127.0.0.1:\(s.sim.rtspPort)\(s.sim.model.channels[0].sub.rtspPath)"
        let out = Self.tempFile("ctrl-c.mp4")
        let dir = (out as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pid = try #require(Spawn.start(BinaryRunner.path("vtrack"), ["record", url, "--user", "admin", "-o", out],
                                           environment: BinaryRunner.environment(["VTRACK_PASSWORD": "p@ss/w?rd%"]),
                                           stdout: dir + "/stdout", stderr: dir + "/stderr"))
        // Wait until more than one GOP (2 s of the 360p clip, ~60 KB) is in the .part file.
        var size = 0
        var status: Int32?
        _ = eventually {
            size = ((try? FileManager.default.attributesOfItem(atPath: out + ".part"))?[.size] as? NSNumber)?.intValue ?? 0
            status = Spawn.exited(pid)
            return size >= 120_000 || status != nil
        }
        #expect(size >= 120_000, "the recording never grew (\(size) bytes)")
        if status == nil {
            kill(pid, SIGINT)
            status = Spawn.wait(pid)
        }
        let stdout = (try? String(contentsOfFile: dir + "/stdout", encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: dir + "/stderr", encoding: .utf8)) ?? ""
        #expect(status == 0, "stderr: \(stderr)")
        #expect(stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: out + ".part"))
        #expect(stdout.hasPrefix("Saved \(out): "), "stdout: \(stdout)")
        #expect(eventually { (s.sim.rtspServer?.statistics.teardowns ?? 0) > 0 })
        #expect(s.sim.rtspServer?.statistics.teardowns == 1)
        let pictures = Int(stdout.split(separator: " ").dropFirst(2).first ?? "") ?? -1
        #expect(pictures >= 30)
        let probe = MediaCheck.probe(out)
        #expect(probe?.codec == "h264" && probe?.packets == pictures, "ffprobe: \(String(describing: probe))")
        #expect(MediaCheck.decodeError(out) == nil, "ffmpeg: \(MediaCheck.decodeError(out) ?? "")")
    }

    /// On a terminal (`script` gives it one) a self-overwriting progress line is shown and cleared;
    /// without a terminal (every other test) standard error stays empty.
    @Test(.enabled(if: Tools.find("script") != nil, "script(1) is not installed"))
    func progressIsShownOnATerminalOnly() throws {
        let s = try ProbeCommandTests.Sim()
        let url = "rtsp://127.0.0.1:\(s.sim.rtspPort)\(s.sim.model.channels[0].sub.rtspPath)"
        let out = Self.tempFile("tty.mp4")
        let dir = (out as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cmd = [BinaryRunner.path("vtrack"), "record", url, "--user", "admin", "--duration", "2", "-o", out]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let typescript = dir + "/typescript"
        let r = Spawn.run(try #require(Tools.find("script")), ["-qec", cmd, typescript],
                          environment: BinaryRunner.environment(["VTRACK_PASSWORD": "p@ss/w?rd%"]))
        #expect(r.status == 0, "\(r.out) \(r.err)")
        let text = (try? String(contentsOfFile: typescript, encoding: .utf8)) ?? ""
        #expect(text.contains("\r● REC 00:00:0"), "\(text)")
        #expect(text.contains(" pictures "))
        #expect(text.contains("\r\u{1B}[K")) // cleared before the summary
        #expect(text.contains("Saved \(out): 30 pictures"))
        #expect(FileManager.default.fileExists(atPath: out))
    }
}
