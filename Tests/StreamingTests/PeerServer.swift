import Foundation
import Glibc
@testable import Streaming

/// GStreamer's RTSP server (`shared/peers/rtsp-server.py`), a real third-party peer, started on
/// a free loopback port for one test and stopped after it.
final class PeerServer {
    let process = Process()
    let port: Int

    /// The peers folder: `$VTRACK_PEERS`, else the first `shared/peers` found next to the
    /// project or one of its parent folders (CI puts `shared/` beside the clone).
    static let peersDir: String? = {
        if let env = ProcessInfo.processInfo.environment["VTRACK_PEERS"] { return env }
        var dir = TestSupport.root
        for _ in 0..<4 {
            let candidate = dir.deletingLastPathComponent().appendingPathComponent("shared/peers")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("rtsp-server.py").path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// Why the peer cannot run here, or nil when it can.
    static let unavailableReason: String? = {
        guard let dir = peersDir else { return "shared/peers/rtsp-server.py not found next to the project (set VTRACK_PEERS)" }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return "/usr/bin/python3 missing" }
        guard TestSupport.hasFFmpeg else { return "ffmpeg missing (scripts/install-deps --test)" }
        let r = try? TestSupport.run("/usr/bin/python3", ["-c", "import gi; gi.require_version('GstRtspServer','1.0'); from gi.repository import GstRtspServer"])
        guard r?.status == 0 else { return "GStreamer RTSP server Python bindings missing (scripts/install-deps --test)" }
        _ = dir
        return nil
    }()

    static var available: Bool { unavailableReason == nil }

    /// The clips of make-clips.sh, made once per machine in the temp folder.
    static func clipsDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vtrack-peer-clips").path
        let lock = open(dir + ".lock", O_CREAT | O_RDWR, 0o644)
        flock(lock, LOCK_EX)
        defer { flock(lock, LOCK_UN); Glibc.close(lock) }
        if !FileManager.default.fileExists(atPath: dir + "/h264_1080p_4M_60s.mp4") {
            let r = try TestSupport.run("/bin/bash", [peersDir! + "/make-clips.sh", dir])
            guard r.status == 0 else { throw PlainTestError("make-clips.sh failed: \(r.err)") }
        }
        return dir
    }

    init() throws {
        port = PeerServer.freePort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [PeerServer.peersDir! + "/rtsp-server.py", String(port), try PeerServer.clipsDir()]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // wait for "ready"
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("ready") && Date() < deadline {
            let d = out.fileHandleForReading.availableData
            if d.isEmpty { break }
            text += String(decoding: d, as: UTF8.self)
        }
        guard text.contains("ready") else { stop(); throw PlainTestError("GStreamer RTSP server did not start") }
    }

    func url(_ mount: String) -> String { "rtsp://127.0.0.1:\(port)\(mount)" }

    func stop() {
        if process.isRunning {
            // SIGKILL: a child started from a test thread inherits its blocked SIGTERM
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    static func freePort() -> Int {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(s) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

struct PlainTestError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
