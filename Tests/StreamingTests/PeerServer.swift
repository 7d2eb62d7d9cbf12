import Foundation
import Glibc
@testable import Streaming
import TestSupport

/// GStreamer's RTSP server (`shared/peers/rtsp-server.py`), a real third-party peer, started on
/// a free loopback port for one test and stopped after it.
final class PeerServer {
    let process: ChildProcess
    let port: Int

    /// The peers folder: `$VTRACK_PEERS`, else the first `shared/peers` found next to the
    /// project or one of its parent folders (CI puts `shared/` beside the clone).
    static let peersDir: String? = {
        if let env = ProcessInfo.processInfo.environment["VTRACK_PEERS"] { return env }
        var dir = StreamingSupport.root
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
        guard MediaCheck.available else { return "ffmpeg missing (scripts/install-deps --test)" }
        let r = Spawn.run("/usr/bin/python3", ["-c", "import gi; gi.require_version('GstRtspServer','1.0'); from gi.repository import GstRtspServer"])
        guard r.status == 0 else { return "GStreamer RTSP server Python bindings missing (scripts/install-deps --test)" }
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
            let r = Spawn.run("/bin/bash", [peersDir! + "/make-clips.sh", dir])
            guard r.status == 0 else { throw TestFailure("make-clips.sh failed: \(r.err)") }
        }
        return dir
    }

    init() throws {
        port = freePort()
        process = try ChildProcess("/usr/bin/python3", [PeerServer.peersDir! + "/rtsp-server.py", String(port), try PeerServer.clipsDir()],
                                   releaseSignal: SIGKILL)
        // wait for "ready" (30 s at most, a bound), or for the server to end
        let p = process
        guard eventually(timeout: 30, { p.output.contains("ready") || p.exited != nil }), p.output.contains("ready") else {
            stop()
            throw TestFailure("GStreamer RTSP server did not start: \(p.errorOutput)")
        }
    }

    func url(_ mount: String) -> String { "rtsp://127.0.0.1:\(port)\(mount)" }

    func stop() { process.stop(SIGKILL) }
}
