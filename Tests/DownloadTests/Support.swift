import Foundation
import Store
import Streaming
import Testing
@testable import Core

/// A fresh folder under /tmp, removed when released.
final class Scratch: Sendable {
    let path: String

    init(_ label: String = "dl") {
        let p = NSTemporaryDirectory() + "vtrack-\(label)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        path = URL(fileURLWithPath: p).resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    func locations() -> StoreLocations {
        StoreLocations(databaseFile: file("data/vtrack.db"), keyFile: file("config/secret.key"))
    }

    func folder(_ name: String) -> String {
        let f = file(name)
        try! FileManager.default.createDirectory(atPath: f, withIntermediateDirectories: true)
        return f
    }
}

/// The simulator's looping clips as access units with continuous RTP time and wall-clock times
/// on a grid of 1/fps seconds — what a replay of them delivers, without the network.
struct ClipPictures: CustomTestStringConvertible {
    let codec: VideoCodec
    let fps: Int
    let pictures: [(data: [UInt8], key: Bool)]
    let parameterSets: ParameterSets

    static let h264 = ClipPictures(file: "main_1080p25.h264", codec: .h264, fps: 25)
    static let h265 = ClipPictures(file: "sub_360p15.h265", codec: .h265, fps: 15)

    /// How a parameterized test names it (not megabytes of picture bytes in the log).
    var testDescription: String { "\(codec) \(fps) fps, \(pictures.count) pictures" }

    init(file: String, codec: VideoCodec, fps: Int) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bytes = [UInt8](try! Data(contentsOf: root.appendingPathComponent("Sources/Simulator/RTSP/Assets/" + file)))
        let stream = ElementaryStream(codec: codec, annexB: bytes)
        self.codec = codec
        self.fps = fps
        parameterSets = stream.parameterSets
        pictures = stream.pictures.map { pic in
            var data: [UInt8] = []
            for nal in pic.nalUnits {
                let t = ElementaryStream.nalType(codec, nal)
                let skip = codec == .h264 ? (t == 7 || t == 8 || t == 9) : (t == 32 || t == 33 || t == 34 || t == 35)
                if skip { continue }
                let n = UInt32(nal.count)
                data += [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
                data += nal
            }
            return (data, pic.isKeyframe)
        }
    }

    /// Pictures per GOP (keyframe to keyframe).
    var gop: Int { pictures.indices.dropFirst().first { pictures[$0].key } ?? pictures.count }

    /// Picture number `n` of the grid (n/fps seconds since 1970); `rtpBase` offsets the RTP time.
    func unit(_ n: Int64, rtpBase: Int64 = 0, discontinuity: Bool = false, wallClock: Bool = true) -> AccessUnit {
        let p = pictures[Int(n % Int64(pictures.count))]
        return AccessUnit(codec: codec, timestamp: rtpBase + n * Int64(90_000 / fps),
                          wallClock: wallClock ? Date(timeIntervalSince1970: Double(n) / Double(fps)) : nil,
                          isKeyframe: p.key, data: p.data, parameterSets: parameterSets, discontinuity: discontinuity)
    }

    /// The grid number of the picture at or after `date`.
    func index(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * Double(fps)).rounded(.up)) }
    /// The grid number of the keyframe at or before `date`.
    func keyframe(atOrBefore date: Date) -> Int64 {
        var n = Int64((date.timeIntervalSince1970 * Double(fps)).rounded(.down))
        while !pictures[Int(n % Int64(pictures.count))].key { n -= 1 }
        return n
    }
    func time(_ n: Int64) -> Date { Date(timeIntervalSince1970: Double(n) / Double(fps)) }
}

/// A ledger in memory (the engine's is the database).
final class MemoryLedger: DownloadLedger {
    var opened: [Int64: String] = [:]
    var finished: [Int64: MP4FileSummary] = [:]
    var dropped: [Int64] = []
    private var next: Int64 = 1

    func fileOpening(partPath: String, start: Date) throws -> Int64 {
        defer { next += 1 }
        opened[next] = partPath
        return next
    }
    func fileFinished(_ id: Int64, _ summary: MP4FileSummary) throws { finished[id] = summary }
    func fileDropped(_ id: Int64) { dropped.append(id) }
}

/// ffprobe / ffmpeg as the judges of a file.
enum MediaCheck {
    struct Probe: Equatable {
        var codec: String
        var packets: Int
        var duration: Double
    }

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/ffprobe") }

    static func probe(_ path: String) -> Probe? {
        let (status, out, _) = run("/usr/bin/ffprobe", ["-v", "error", "-select_streams", "v:0", "-count_packets",
                                                         "-show_entries", "stream=codec_name,nb_read_packets:format=duration", "-of", "json", path])
        guard status == 0, let obj = try? JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any],
              let stream = (obj["streams"] as? [[String: Any]])?.first else { return nil }
        let packets = Int(stream["nb_read_packets"] as? String ?? "") ?? 0
        let duration = Double((obj["format"] as? [String: Any])?["duration"] as? String ?? "") ?? 0
        return Probe(codec: stream["codec_name"] as? String ?? "", packets: packets, duration: duration)
    }

    /// `ffmpeg -v error -xerror -i F -f null -`: nil when clean, else what it said.
    static func decodeError(_ path: String) -> String? {
        let (status, _, err) = run("/usr/bin/ffmpeg", ["-nostdin", "-v", "error", "-xerror", "-i", path, "-f", "null", "-"])
        if status == 0 && err.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return nil }
        return "exit \(status): \(err)"
    }

    static func run(_ tool: String, _ args: [String]) -> (Int32, String, String) {
        Spawn.run(tool, args)
    }
}

/// Runs a program to completion with posix_spawn (Foundation's `Process` is not safe to use from
/// many test threads at once on Linux), output captured through temporary files.
enum Spawn {
    static func run(_ tool: String, _ args: [String], environment: [String: String]? = nil) -> (Int32, String, String) {
        let dir = NSTemporaryDirectory() + "vtrack-spawn-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outPath = dir + "/out", errPath = dir + "/err"
        guard let pid = start(tool, args, environment: environment, stdout: outPath, stderr: errPath) else { return (-1, "", "cannot run \(tool)") }
        let status = wait(pid)
        let o = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let e = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return (status, o, e)
    }

    /// Starts `tool` with stdin from /dev/null and stdout/stderr into files; returns its pid.
    static func start(_ tool: String, _ args: [String], environment: [String: String]? = nil, stdout: String, stderr: String) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = environment ?? ProcessInfo.processInfo.environment
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, tool, &actions, nil, argv, envp)
        return rc == 0 ? pid : nil
    }

    /// Waits for `pid`; its exit status, or 128+signal.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }
}

func mp4Files(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".mp4") }.sorted()
}
