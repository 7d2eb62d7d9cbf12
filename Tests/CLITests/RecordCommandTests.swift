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

    // MARK: Ctrl-C and the terminal

    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func runTool(_ path: String, _ args: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// Ctrl-C (SIGINT) during a recording without `--duration`: the session is torn down, the
    /// `.part` file is finished and renamed, exit 0, and the file plays without a single error.
    @Test(.enabled(if: tool("ffprobe") != nil && tool("ffmpeg") != nil, "ffmpeg/ffprobe are not installed"))
    func ctrlCEndsTheFileCleanly() throws {
        let s = try ProbeCommandTests.Sim()
        let url = "rtsp://127.0.0.1:\(s.sim.rtspPort)\(s.sim.model.channels[0].sub.rtspPath)"
        let out = Self.tempFile("ctrl-c.mp4")
        let dir = (out as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: BinaryRunner.path("vtrack"))
        p.arguments = ["record", url, "--user", "admin", "-o", out]
        var env = ProcessInfo.processInfo.environment
        env["VTRACK_PASSWORD"] = "p@ss/w?rd%"
        env["LANG"] = "C.UTF-8"
        p.environment = env
        _ = FileManager.default.createFile(atPath: dir + "/stdout", contents: nil)
        _ = FileManager.default.createFile(atPath: dir + "/stderr", contents: nil)
        p.standardOutput = FileHandle(forWritingAtPath: dir + "/stdout")
        p.standardError = FileHandle(forWritingAtPath: dir + "/stderr")
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Wait until more than one GOP (2 s of the 360p clip, ~60 KB) is in the .part file.
        var size = 0
        for _ in 0..<600 where size < 120_000 && p.isRunning {
            size = ((try? FileManager.default.attributesOfItem(atPath: out + ".part"))?[.size] as? NSNumber)?.intValue ?? 0
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(size >= 120_000, "the recording never grew (\(size) bytes)")
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        let stdout = (try? String(contentsOfFile: dir + "/stdout", encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: dir + "/stderr", encoding: .utf8)) ?? ""
        #expect(p.terminationReason == .exit && p.terminationStatus == 0, "stderr: \(stderr)")
        #expect(stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: out + ".part"))
        #expect(stdout.hasPrefix("Saved \(out): "), "stdout: \(stdout)")
        var teardowns = 0
        for _ in 0..<100 where teardowns == 0 {
            teardowns = s.sim.rtspServer?.statistics.teardowns ?? 0
            if teardowns == 0 { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(teardowns == 1)
        let pictures = Int(stdout.split(separator: " ").dropFirst(2).first ?? "") ?? -1
        #expect(pictures >= 30)
        let probe = try Self.runTool(Self.tool("ffprobe")!, ["-v", "error", "-select_streams", "v:0", "-count_packets",
                                                             "-show_entries", "stream=codec_name,nb_read_packets", "-of", "csv=p=0", out])
        #expect(probe.status == 0 && probe.out.trimmingCharacters(in: .whitespacesAndNewlines) == "h264,\(pictures)", "ffprobe: \(probe.out) \(probe.err)")
        let decode = try Self.runTool(Self.tool("ffmpeg")!, ["-v", "error", "-xerror", "-i", out, "-f", "null", "-"])
        #expect(decode.status == 0 && decode.err.isEmpty, "ffmpeg: \(decode.err)")
    }

    /// On a terminal (`script` gives it one) a self-overwriting progress line is shown and cleared;
    /// without a terminal (every other test) standard error stays empty.
    @Test(.enabled(if: tool("script") != nil, "script(1) is not installed"))
    func progressIsShownOnATerminalOnly() throws {
        let s = try ProbeCommandTests.Sim()
        let url = "rtsp://127.0.0.1:\(s.sim.rtspPort)\(s.sim.model.channels[0].sub.rtspPath)"
        let out = Self.tempFile("tty.mp4")
        let dir = (out as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cmd = [BinaryRunner.path("vtrack"), "record", url, "--user", "admin", "--duration", "2", "-o", out]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let typescript = dir + "/typescript"
        let r = try Self.runTool(Self.tool("script")!, ["-qec", cmd, typescript], environment: ["VTRACK_PASSWORD": "p@ss/w?rd%"])
        #expect(r.status == 0, "\(r.out) \(r.err)")
        let text = (try? String(contentsOfFile: typescript, encoding: .utf8)) ?? ""
        #expect(text.contains("\r● REC 00:00:0"), "\(text)")
        #expect(text.contains(" pictures "))
        #expect(text.contains("\r\u{1B}[K")) // cleared before the summary
        #expect(text.contains("Saved \(out): 30 pictures"))
        #expect(FileManager.default.fileExists(atPath: out))
    }
}
