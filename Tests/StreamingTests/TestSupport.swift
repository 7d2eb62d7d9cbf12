import Foundation
import Testing
@testable import Streaming

/// Paths and tools shared by the streaming tests.
enum TestSupport {
    /// The package root (two folders above this file's folder).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func asset(_ name: String) throws -> [UInt8] {
        let url = root.appendingPathComponent("Sources/Simulator/RTSP/Assets/\(name)")
        return [UInt8](try Data(contentsOf: url))
    }

    static func stream(_ name: String) throws -> ElementaryStream {
        ElementaryStream(codec: name.hasSuffix(".h265") ? .h265 : .h264, annexB: try asset(name))
    }

    /// A fresh temporary folder.
    static func tempDir(_ label: String = "vtrack-streaming") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    static var hasFFmpeg: Bool { which("ffprobe") != nil && which("ffmpeg") != nil }

    /// Runs a command; returns exit status, stdout and stderr.
    @discardableResult
    static func run(_ path: String, _ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// What ffprobe says about the first video stream of a file.
    struct Probe {
        var codec: String
        var width: Int
        var height: Int
        var packets: Int
        var duration: Double
    }

    static func probe(_ path: String) throws -> Probe {
        let r = try run(which("ffprobe")!, ["-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries",
                                           "stream=codec_name,width,height,nb_read_packets:format=duration", "-of", "json", path])
        #expect(r.status == 0, "ffprobe failed: \(r.err)")
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any] ?? [:]
        let s = (json["streams"] as? [[String: Any]])?.first ?? [:]
        let f = json["format"] as? [String: Any] ?? [:]
        return Probe(codec: s["codec_name"] as? String ?? "",
                     width: s["width"] as? Int ?? 0, height: s["height"] as? Int ?? 0,
                     packets: Int(s["nb_read_packets"] as? String ?? "") ?? 0,
                     duration: Double(f["duration"] as? String ?? "") ?? 0)
    }

    /// `ffmpeg -v error -xerror -i F -f null -`: true when it exits 0 with nothing on stderr.
    static func decodesCleanly(_ path: String) throws -> (Bool, String) {
        let r = try run(which("ffmpeg")!, ["-nostdin", "-v", "error", "-xerror", "-i", path, "-f", "null", "-"])
        return (r.status == 0 && r.err.isEmpty, r.err)
    }
}

extension ElementaryStream {
    /// RTP packets of the first `count` pictures (looping), 90 kHz timestamps at `fps`.
    func rtpPackets(count: Int, fps: Int, startTimestamp: UInt32 = 1000, startSeq: UInt16 = 0,
                    maxPayload: Int = 1400, extensionStart: Date? = nil) -> [[[UInt8]]] {
        var pk = RTPPacketizer(codec: codec, sequenceNumber: startSeq, maxPayload: maxPayload)
        var out: [[[UInt8]]] = []
        for i in 0..<count {
            let pic = pictures[i % pictures.count]
            let ts = startTimestamp &+ UInt32(i * 90_000 / fps)
            var ext: ONVIFReplayExtension?
            if let s = extensionStart {
                ext = ONVIFReplayExtension(ntpTimestamp: NTPTime.ntp(s.addingTimeInterval(Double(i) / Double(fps))), cleanPoint: pic.isKeyframe)
            }
            out.append(pk.packetize(pic.nalUnits, timestamp: ts, first: ext))
        }
        return out
    }
}
