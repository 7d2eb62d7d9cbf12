// streaming-bench: the measuring tools behind bench/streaming.sh.
//   capture URL FILE          unpaced PLAY; every byte read from the socket goes to FILE
//   pipeline FILE OUTDIR [N]  FILE from memory -> interleaved framing -> depacketizer -> fMP4 in OUTDIR, N times
//   replay URL SECONDS OUT    unpaced ONVIF replay of SECONDS from a day ago into OUT (for peak-RSS runs)
import Foundation
import Glibc
import Streaming

func fail(_ s: String) -> Never {
    FileHandle.standardError.write(Data((s + "\n").utf8))
    exit(1)
}

func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func wallSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let args = CommandLine.arguments
guard args.count >= 2 else { fail("usage: streaming-bench capture URL FILE | pipeline FILE OUTDIR [N] | replay URL SECONDS OUT") }

switch args[1] {
case "capture":
    guard args.count == 4, let url = RTSPURL(args[2]) else { fail("usage: streaming-bench capture URL FILE") }
    _ = FileManager.default.createFile(atPath: args[3], contents: nil)
    guard let out = FileHandle(forWritingAtPath: args[3]) else { fail("cannot write \(args[3])") }
    final class Null: MediaSink { func received(_ au: AccessUnit) throws -> SinkDecision { .continue } }
    do {
        let client = try RTSPClient(url: url)
        try client.optionsRequest()
        let sdp = try client.describe(requireReplay: false)
        guard let v = sdp.video, let codec = v.codec else { fail("no video") }
        _ = try client.setup(v, channel: 0, requireReplay: false)
        let d: VideoDepacketizer = codec == .h264 ? H264Depacketizer(parameterSets: v.parameterSets) : H265Depacketizer(parameterSets: v.parameterSets)
        let p = MediaPipeline(channels: .init(), video: d, audio: nil, sink: Null())
        client.onBytes = { out.write(Data($0)) }
        try client.play(client.aggregateURL(sdp), PlayRequest(rateControl: false))
        try client.receive(into: p)
        client.teardown(client.aggregateURL(sdp))
        out.closeFile()
        print("captured \(client.bytesReceived) bytes, \(p.video.statistics.accessUnits) pictures")
    } catch {
        fail("\(error)")
    }

case "pipeline":
    guard args.count >= 4 else { fail("usage: streaming-bench pipeline FILE OUTDIR [N]") }
    guard let data = FileManager.default.contents(atPath: args[2]) else { fail("cannot read \(args[2])") }
    let bytes = [UInt8](data)
    // skip the RTSP answers before the first interleaved frame (PLAY's answer)
    let first = bytes.firstIndex(of: 0x24) ?? 0
    let runs = args.count > 4 ? Int(args[4]) ?? 5 : 5
    var best = Double.infinity, bestCPU = 0.0
    var pictures = 0
    for r in 0..<runs {
        let path = "\(args[3])/pipeline-\(r).mp4"
        let sink = MP4RecordingSink(path: path)
        let pipeline = MediaPipeline(channels: .init(), video: H264Depacketizer(), audio: nil, sink: sink)
        let demux = InterleavedDemuxer(pipeline: pipeline)
        let w0 = wallSeconds(), c0 = cpuSeconds()
        do {
            try bytes.withUnsafeBytes { raw in
                var i = first
                while i < raw.count {  // 256 KiB reads, like recv() on a busy socket
                    let n = min(256 * 1024, raw.count - i)
                    if try !demux.consume(UnsafeRawBufferPointer(rebasing: raw[i..<(i + n)])) { break }
                    i += n
                }
            }
            try pipeline.finish()
            pictures = try sink.finish().reduce(0) { $0 + $1.videoSamples }
        } catch {
            fail("\(error)")
        }
        let wall = wallSeconds() - w0, cpu = cpuSeconds() - c0
        if wall < best { best = wall; bestCPU = cpu }
        unlink(path)
    }
    let mb = Double(bytes.count - first) / 1_000_000
    print(String(format: "pipeline: %.1f MB, %d pictures, best of %d: %.3f s wall, %.3f s CPU, %.0f MB/s", mb, pictures, runs, best, bestCPU, mb / best))

case "replay":
    guard args.count == 5, let seconds = Double(args[3]) else { fail("usage: streaming-bench replay URL SECONDS OUT") }
    let t = Date().addingTimeInterval(-86_400).timeIntervalSince1970
    let start = Date(timeIntervalSince1970: (t / 2).rounded(.down) * 2)
    let sink = MP4RecordingSink(path: args[4])
    do {
        let w0 = wallSeconds()
        let s = try RTSPSession(url: args[2]).run(.replay(from: start, to: start + seconds), sink: sink)
        let f = try sink.finish()
        let wall = wallSeconds() - w0
        print(String(format: "replay: %.0f s of footage, %d pictures, %.1f MB in %.2f s (%.0f x real time), end: %@", seconds, f[0].videoSamples,
                     Double(s.bytesReceived) / 1e6, wall, seconds / wall, s.endReason.rawValue))
    } catch {
        fail("\(error)")
    }

default:
    fail("unknown command \(args[1])")
}
