import Foundation
import Testing
import TestSupport
@testable import Streaming

@Suite("Fragmented MP4 writer and recovery", .enabled(if: MediaCheck.available, "ffmpeg/ffprobe are not installed (scripts/install-deps --test)"))
struct MP4WriterTests {
    /// Access units of an asset after a trip through the packetizer and depacketizer.
    static func accessUnits(_ asset: String, count: Int, fps: Int, start: Date? = nil) throws -> [AccessUnit] {
        let s = try StreamingSupport.stream(asset)
        let d: VideoDepacketizer = s.codec == .h264 ? H264Depacketizer() : H265Depacketizer()
        return try d.accessUnits(s.rtpPackets(count: count, fps: fps, extensionStart: start).flatMap { $0 })
    }

    static func write(_ aus: [AccessUnit], to path: String, options: MP4FragmentWriter.Options = .init()) throws -> MP4FileSummary {
        let format = try #require(VideoTrackFormat(codec: aus[0].codec, parameterSets: aus[0].parameterSets))
        let w = try MP4FragmentWriter(path: path, video: format, options: options)
        for au in aus { try w.append(au) }
        #expect(FileManager.default.fileExists(atPath: path + ".part"))
        return try w.finish()
    }

    @Test(arguments: [("main_1080p25.h264", 25, "h264", 1920, 1080), ("sub_360p15.h264", 15, "h264", 640, 360),
                      ("sub_360p15.h265", 15, "hevc", 640, 360)])
    func filesPassFFprobeAndDecodeCleanly(asset: String, fps: Int, codec: String, width: Int, height: Int) throws {
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let count = fps * 10  // 10 s: the 4 s asset looped
        let t0 = Date(timeIntervalSince1970: 1_752_451_200)
        let aus = try Self.accessUnits(asset, count: count, fps: fps, start: t0)
        #expect(aus.count == count)
        let path = dir.appendingPathComponent("out.mp4").path
        let summary = try Self.write(aus, to: path)
        #expect(!FileManager.default.fileExists(atPath: path + ".part"))
        #expect(summary.videoSamples == count)
        #expect(summary.fragments == 5)  // one per 2 s GOP
        #expect(summary.firstWallClock == t0 || abs(summary.firstWallClock!.timeIntervalSince(t0)) < 0.001)
        #expect(abs(summary.endWallClock!.timeIntervalSince(t0) - 10) < 0.01)
        let p = try StreamingSupport.probe(path)
        #expect(p.codec == codec)
        #expect(p.width == width && p.height == height)
        #expect(p.packets == count)
        #expect(abs(p.duration - 10) <= 1.0 / Double(fps) + 0.001)
        let (ok, err) = StreamingSupport.decodesCleanly(path)
        #expect(ok, "ffmpeg: \(err)")
    }

    @Test func truncatedAtRandomOffsetsStaysReadableUpToItsLastFragment() throws {
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t0 = Date(timeIntervalSince1970: 1_752_451_200)
        let aus = try Self.accessUnits("sub_360p15.h264", count: 15 * 20, fps: 15, start: t0)
        let full = dir.appendingPathComponent("full.mp4").path
        let summary = try Self.write(aus, to: full)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: full))
        var rng = SystemRandomNumberGenerator()
        var offsets = (0..<18).map { _ in Int.random(in: 1..<bytes.count, using: &rng) }
        offsets += [bytes.count - 1, 40]  // inside the last mdat; inside the header
        for cut in offsets {
            let part = dir.appendingPathComponent("cut-\(cut).mp4.part").path
            try bytes.prefix(cut).write(to: URL(fileURLWithPath: part))
            let recovered = try MP4Recovery.finalize(partPath: part)
            let final = String(part.dropLast(5))
            guard let r = recovered else {
                // nothing complete: only allowed when the cut is before the end of the first fragment
                #expect(!FileManager.default.fileExists(atPath: part))
                #expect(cut < bytes.count / 10 + 2000, "cut at \(cut) of \(bytes.count) lost everything")
                continue
            }
            #expect(!FileManager.default.fileExists(atPath: part))
            #expect(r.fragments >= 1 && r.fragments <= summary.fragments)
            #expect(r.videoSamples == r.fragments * 30)  // 2 s GOPs of 15 fps
            let p = try StreamingSupport.probe(final)
            #expect(p.packets == r.videoSamples, "cut at \(cut)")
            let (ok, err) = StreamingSupport.decodesCleanly(final)
            #expect(ok, "cut at \(cut): \(err)")
            // the resume point: wall clock at the end of the last complete fragment
            #expect(abs(r.endWallClock!.timeIntervalSince(t0) - Double(r.fragments) * 2) < 0.01)
        }
    }

    @Test func timestampsThatJumpBackStayMonotonic() throws {
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var aus = try Self.accessUnits("sub_360p15.h265", count: 90, fps: 15)
        for i in 40..<aus.count { aus[i].timestamp -= 90_000 * 3 }  // a 3 s jump back
        for i in 70..<aus.count { aus[i].timestamp += 90_000 * 60 }  // a 1 min leap forward
        let path = dir.appendingPathComponent("jumps.mp4").path
        let format = try #require(VideoTrackFormat(codec: .h265, parameterSets: aus[0].parameterSets))
        let w = try MP4FragmentWriter(path: path, video: format)
        for au in aus { try w.append(au) }
        let s = try w.finish()
        #expect(w.correctedTimestamps == 2)
        #expect(abs(s.duration - 6) < 0.001)
        let p = try StreamingSupport.probe(path)
        #expect(p.packets == 90)
        let (ok, err) = StreamingSupport.decodesCleanly(path)
        #expect(ok, "ffmpeg: \(err)")
    }

    @Test func changedParameterSetsNeedANewFile() throws {
        let a = try Self.accessUnits("sub_360p15.h264", count: 2, fps: 15)
        let b = try Self.accessUnits("main_1080p25.h264", count: 2, fps: 25)
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let w = try MP4FragmentWriter(path: dir.appendingPathComponent("a.mp4").path,
                                      video: try #require(VideoTrackFormat(codec: .h264, parameterSets: a[0].parameterSets)))
        #expect(w.canAppend(a[1]))
        #expect(!w.canAppend(b[0]))
        w.abandon()
        #expect(!FileManager.default.fileExists(atPath: w.partPath))
    }

    @Test func fragmentsAreCutBySizeInsideLongGOPs() throws {
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let aus = try Self.accessUnits("main_1080p25.h264", count: 50, fps: 25)
        var options = MP4FragmentWriter.Options()
        options.maxFragmentBytes = 64 * 1024
        let path = dir.appendingPathComponent("small-frags.mp4").path
        let s = try Self.write(aus, to: path, options: options)
        #expect(s.fragments > 3)
        let (ok, err) = StreamingSupport.decodesCleanly(path)
        #expect(ok, "ffmpeg: \(err)")
    }

    @Test func writeErrorsAreTyped() throws {
        let aus = try Self.accessUnits("sub_360p15.h264", count: 1, fps: 15)
        let format = try #require(VideoTrackFormat(codec: .h264, parameterSets: aus[0].parameterSets))
        #expect(throws: StreamingError.fileWrite(path: "/nonexistent-dir/x.mp4.part", errno: ENOENT)) {
            _ = try MP4FragmentWriter(path: "/nonexistent-dir/x.mp4", video: format)
        }
    }
}

@Suite("MP4 writer: B-frames", .enabled(if: MediaCheck.available, "ffmpeg/ffprobe are not installed"))
struct MP4BFrameTests {
    @Test func bFramesKeepTheirPresentationOrder() throws {
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let src = dir.appendingPathComponent("b.mp4").path, es = dir.appendingPathComponent("b.h264").path
        let ffmpeg = try #require(Tools.find("ffmpeg")), ffprobe = try #require(Tools.find("ffprobe"))
        var r = Spawn.run(ffmpeg, ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=15", "-t", "6",
                                             "-c:v", "libx264", "-pix_fmt", "yuv420p", "-x264-params", "keyint=30:min-keyint=30:scenecut=0:bframes=2:b-pyramid=none",
                                             "-y", src])
        #expect(r.status == 0, "\(r.err)")
        r = Spawn.run(ffmpeg, ["-nostdin", "-v", "error", "-i", src, "-c", "copy", "-bsf:v", "h264_mp4toannexb", "-f", "h264", "-y", es])
        #expect(r.status == 0, "\(r.err)")
        // presentation times in decode order, as an RTP sender would stamp them (90 kHz)
        r = Spawn.run(ffprobe, ["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time", "-of", "csv=p=0", src])
        let pts = r.out.split(separator: "\n").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map { Int64(($0 * 90_000).rounded()) }
        let stream = ElementaryStream(codec: .h264, annexB: [UInt8](try Data(contentsOf: URL(fileURLWithPath: es))))
        #expect(stream.pictures.count == pts.count && pts.count == 90)
        #expect(zip(pts, pts.dropFirst()).contains { $0 > $1 })  // really reordered

        var pk = RTPPacketizer(codec: .h264)
        var packets: [[UInt8]] = []
        for (pic, t) in zip(stream.pictures, pts) { packets += pk.packetize(pic.nalUnits, timestamp: UInt32(10_000 + t)) }
        let aus = try H264Depacketizer().accessUnits(packets)
        #expect(aus.count == 90)
        let out = dir.appendingPathComponent("out.mp4").path
        let w = try MP4FragmentWriter(path: out, video: try #require(VideoTrackFormat(codec: .h264, parameterSets: aus[0].parameterSets)))
        for au in aus { try w.append(au) }
        let s = try w.finish()
        #expect(w.correctedTimestamps == 0)
        #expect(w.reorderedFragments == 3)
        #expect(abs(s.duration - 6) < 0.001)

        // the file's presentation times are the sender's, in the same decode order
        r = Spawn.run(ffprobe, ["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time", "-of", "csv=p=0", out])
        let outPTS = r.out.split(separator: "\n").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map { Int64(($0 * 90_000).rounded()) }
        // (players shift the whole timeline by the largest negative offset: compare relative times)
        #expect(outPTS.map { $0 - outPTS[0] } == pts.map { $0 - pts[0] })
        let (ok, err) = StreamingSupport.decodesCleanly(out)
        #expect(ok, "ffmpeg: \(err)")
        // cut anywhere: still readable up to the last complete fragment
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        let part = dir.appendingPathComponent("cut.mp4.part").path
        try bytes.prefix(bytes.count - 100).write(to: URL(fileURLWithPath: part))
        let rec = try #require(try MP4Recovery.finalize(partPath: part))
        #expect(rec.videoSamples == 60 && abs(rec.duration - 4) < 0.001)
    }
}
