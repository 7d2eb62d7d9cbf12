import Foundation
import Testing
import TestSupport
@testable import Streaming

/// The simulator's clips and files of the streaming tests.
enum StreamingSupport {
    /// The package root.
    static var root: URL { BuiltProducts.packageRoot }

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

    /// What ffprobe says about the first video stream of a file (the test stops when it cannot read it).
    static func probe(_ path: String) throws -> MediaCheck.Probe {
        try #require(MediaCheck.probe(path), "ffprobe cannot read \(path)")
    }

    /// `ffmpeg -v error -xerror -i F -f null -`: true when it exits 0 with nothing on stderr.
    static func decodesCleanly(_ path: String) -> (Bool, String) {
        let error = MediaCheck.decodeError(path)
        return (error == nil, error ?? "")
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
