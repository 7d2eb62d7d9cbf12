import Foundation
import Store
import Streaming
import Testing
import TestSupport
@testable import Core

extension Scratch {
    /// A database and key file inside this folder.
    func locations() -> StoreLocations {
        StoreLocations(databaseFile: file("data/vtrack.db"), keyFile: file("config/secret.key"))
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
        let bytes = [UInt8](try! Data(contentsOf: BuiltProducts.packageRoot.appendingPathComponent("Sources/Simulator/RTSP/Assets/" + file)))
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

func mp4Files(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".mp4") }.sorted()
}
