import Foundation
import Streaming
import Testing
import TestSupport
@testable import Core

/// The file side of the downloader, fed with the simulator's real H.264/H.265 pictures (no
/// network): names, splitting, the end bound, the start check, reconnects and crash recovery.
/// Every file is judged by ffprobe and ffmpeg.
@Suite(.requiresMediaTools) struct CameraSinkTests {
    let base = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01T00:00:00Z

    func sink(_ folder: String, ledger: MemoryLedger, maxBytes: Int64 = 500_000_000) -> CameraSink {
        CameraSink(settings: .init(folder: folder, cameraFolder: "Cam 01", maxFileBytes: maxBytes), ledger: ledger)
    }

    /// Feeds grid pictures `from..<to` (grid numbers); returns the decision of the last one.
    @discardableResult
    func feed(_ s: CameraSink, _ clip: ClipPictures, _ range: Range<Int64>, rtpBase: Int64 = 0, gapBefore: Int64? = nil) throws -> SinkDecision {
        var last = SinkDecision.continue
        for n in range {
            last = try s.received(clip.unit(n, rtpBase: rtpBase, discontinuity: n == gapBefore))
            if last == .stop { break }
        }
        return last
    }

    func checkClean(_ folder: String, expectFiles: Int? = nil) -> [String: MediaCheck.Probe] {
        var out: [String: MediaCheck.Probe] = [:]
        let files = mp4Files(folder)
        if let n = expectFiles { #expect(files.count == n, "files: \(files)") }
        #expect(!((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains { $0.hasSuffix(".part") })
        #expect(MediaCheck.available, "ffmpeg and ffprobe are needed to judge the files (scripts/install-deps --test)")
        for f in files {
            let path = folder + "/" + f
            #expect(MediaCheck.decodeError(path) == nil, "\(f): \(MediaCheck.decodeError(path) ?? "")")
            out[f] = MediaCheck.probe(path)
        }
        return out
    }

    @Test(arguments: [ClipPictures.h264, ClipPictures.h265])
    func oneIntervalBecomesOneFileNamedByItsRealTimes(_ clip: ClipPictures) throws {
        let dir = Scratch()
        let ledger = MemoryLedger()
        let s = sink(dir.path, ledger: ledger)
        let piece = DateInterval(start: base, duration: 60)
        s.beginPiece(piece, mode: .fresh(piece.start))
        #expect(s.beginSession() == piece.start)
        let first = clip.keyframe(atOrBefore: piece.start)
        // the server sends a little past the end: the sink stops at the end bound
        #expect(try feed(s, clip, first..<(clip.index(piece.end) + 50)) == .stop)
        #expect(s.ending == .reachedEnd)
        try s.finishFile()
        let probes = checkClean(dir.path, expectFiles: 1)
        #expect(mp4Files(dir.path) == ["Cam 01_20260101T000000Z_20260101T000100Z.mp4"])
        let expected = Int(clip.index(piece.end) - first)
        #expect(probes.values.first?.packets == expected)
        #expect(ledger.finished.count == 1 && ledger.opened.count == 1)
        let summary = try #require(ledger.finished.values.first)
        #expect(abs(summary.firstWallClock!.timeIntervalSince(piece.start)) < 0.001)
        #expect(abs(summary.endWallClock!.timeIntervalSince(piece.end)) < 0.001)
        #expect(abs(summary.duration - 60) < 0.001)
    }

    @Test func aServerThatStartsEarlyIsCutToTheGOPBeforeTheStart() throws {
        let clip = ClipPictures.h264
        let dir = Scratch()
        let s = sink(dir.path, ledger: MemoryLedger())
        let start = base.addingTimeInterval(31) // mid-GOP (GOPs start on even seconds)
        let piece = DateInterval(start: start, duration: 20)
        s.beginPiece(piece, mode: .fresh(start))
        s.beginSession()
        // like a vendor URL that plays from much earlier: 5 minutes before the start
        try feed(s, clip, clip.index(start.addingTimeInterval(-300))..<clip.index(piece.end))
        try s.finishFile()
        let files = mp4Files(dir.path)
        #expect(files == ["Cam 01_20260101T000030Z_20260101T000051Z.mp4"])
        let p = checkClean(dir.path)
        #expect(p.values.first?.packets == Int(clip.index(piece.end) - clip.keyframe(atOrBefore: start)))
    }

    @Test func gapsAndTimeJumpsSplitFiles() throws {
        let clip = ClipPictures.h264
        let dir = Scratch()
        let s = sink(dir.path, ledger: MemoryLedger())
        let piece = DateInterval(start: base, duration: 3600)
        s.beginPiece(piece, mode: .fresh(base))
        s.beginSession()
        let n0 = clip.index(base)
        // 20 s, then a gap announced by D, 20 s, then a silent 60 s jump of the clock, 20 s
        try feed(s, clip, n0..<(n0 + 500))
        try feed(s, clip, (n0 + 1000)..<(n0 + 1500), gapBefore: n0 + 1000)
        try feed(s, clip, (n0 + 3000)..<(n0 + 3500))
        try s.finishFile()
        #expect(s.discontinuities == 2)
        let probes = checkClean(dir.path, expectFiles: 3)
        #expect(mp4Files(dir.path) == ["Cam 01_20260101T000000Z_20260101T000020Z.mp4", "Cam 01_20260101T000040Z_20260101T000100Z.mp4",
                                       "Cam 01_20260101T000200Z_20260101T000220Z.mp4"])
        for p in probes.values { #expect(p.packets == 500) }
    }

    @Test func filesAreSplitOnAKeyframeBeforeTheSizeLimit() throws {
        let clip = ClipPictures.h264
        let dir = Scratch()
        let limit: Int64 = 1_000_000
        let s = sink(dir.path, ledger: MemoryLedger(), maxBytes: limit)
        let piece = DateInterval(start: base, duration: 30)
        s.beginPiece(piece, mode: .fresh(base))
        s.beginSession()
        try feed(s, clip, clip.index(base)..<clip.index(piece.end))
        try s.finishFile()
        let files = mp4Files(dir.path)
        #expect(files.count > 3)
        var total = 0
        for (name, p) in checkClean(dir.path) {
            let size = (try FileManager.default.attributesOfItem(atPath: dir.file(name))[.size] as? Int) ?? 0
            #expect(size <= limit, "\(name) is \(size) bytes")
            #expect(p.packets % clip.gop == 0, "\(name) does not hold whole GOPs")
            total += p.packets
        }
        #expect(total == 750)
    }

    @Test(arguments: [ClipPictures.h264, ClipPictures.h265])
    func aReconnectContinuesTheSameFileWithoutDuplicatesOrHoles(_ clip: ClipPictures) throws {
        let dir = Scratch()
        let s = sink(dir.path, ledger: MemoryLedger())
        let piece = DateInterval(start: base, duration: 30)
        s.beginPiece(piece, mode: .fresh(base))
        s.beginSession()
        let n0 = clip.index(base)
        let cut = n0 + Int64(clip.gop) * 3 + 7 // the link drops mid-GOP
        try feed(s, clip, n0..<cut, rtpBase: 1_000)
        let resumeAt = s.beginSession()
        #expect(abs(resumeAt.timeIntervalSince(clip.time(cut - 1))) < 0.001)
        // the server restarts at the keyframe at or before the asked time, with a new RTP base
        try feed(s, clip, clip.keyframe(atOrBefore: resumeAt)..<clip.index(piece.end), rtpBase: 987_654_321)
        try s.finishFile()
        let probes = checkClean(dir.path, expectFiles: 1)
        #expect(probes.values.first?.packets == Int(clip.index(piece.end) - n0))
        if let d = probes.values.first?.duration { #expect(abs(d - 30) < 0.1) }
    }

    @Test func recordsWithoutWallClockTimeAreTimedFromTheRequest() throws {
        let clip = ClipPictures.h264
        let dir = Scratch()
        let s = sink(dir.path, ledger: MemoryLedger())
        let piece = DateInterval(start: base, duration: 10)
        s.beginPiece(piece, mode: .fresh(base))
        s.beginSession()
        var n = clip.index(base)
        while try s.received(clip.unit(n, wallClock: false)) == .continue { n += 1 }
        try s.finishFile()
        #expect(s.estimatedTimes > 0)
        #expect(mp4Files(dir.path) == ["Cam 01_20260101T000000Z_20260101T000010Z.mp4"])
        _ = checkClean(dir.path, expectFiles: 1)
    }

    @Test func theLiveStreamInsteadOfTheReplayIsRecognised() throws {
        let clip = ClipPictures.h264
        let dir = Scratch()
        let s = sink(dir.path, ledger: MemoryLedger())
        let piece = DateInterval(start: base, duration: 10)
        s.beginPiece(piece, mode: .fresh(base))
        s.beginSession()
        let now = clip.index(base.addingTimeInterval(86_400))
        #expect(try s.received(clip.unit(now)) == .stop)
        guard case .rangeIgnored = s.ending else { Issue.record("ending \(s.ending)"); return }
        #expect(mp4Files(dir.path).isEmpty)
    }

    /// A file cut at random offsets (a kill -9 mid-write) is finished up to its last GOP, and a
    /// resume from its end adds the rest: together exactly the pictures of the range.
    @Test(arguments: [ClipPictures.h264, ClipPictures.h265])
    func aCutPartFileIsFinishedAndTheRestFollowsWithoutOverlap(_ clip: ClipPictures) throws {
        for round in 0..<5 {
            let dir = Scratch()
            let ledger = MemoryLedger()
            let piece = DateInterval(start: base, duration: 24)
            let n0 = clip.index(base), nEnd = clip.index(piece.end)
            do {
                let s = sink(dir.path, ledger: ledger)
                s.beginPiece(piece, mode: .fresh(base))
                s.beginSession()
                try feed(s, clip, n0..<(n0 + Int64.random(in: Int64(clip.gop)...(nEnd - n0 - 1))))
                // the process dies: no finish; the .part is cut at a random byte
                let part = try #require(ledger.opened.values.first)
                _ = s // dropped without finishing
                let size = (try FileManager.default.attributesOfItem(atPath: part)[.size] as? Int) ?? 0
                if size > 2000, round % 2 == 0 { truncate(part, off_t(Int.random(in: 1000..<size))) }
            }
            let part = try #require(ledger.opened.values.first)
            let recovered = try PartFileRecovery.finish(partPath: part, folder: dir.path, cameraFolder: "Cam 01", fallbackStart: base)
            var total = 0
            var resumeFrom = base
            var mode = StartGate.Mode.fresh(base)
            if let r = recovered {
                #expect(abs(r.firstWallClock!.timeIntervalSince(base)) < 0.001)
                #expect(r.videoSamples % clip.gop == 0)
                total += r.videoSamples
                resumeFrom = r.endWallClock!
                mode = .after(resumeFrom.addingTimeInterval(-0.01))
            }
            let s = sink(dir.path, ledger: ledger)
            let rest = DateInterval(start: resumeFrom, end: piece.end)
            s.beginPiece(rest, mode: mode)
            s.beginSession()
            try feed(s, clip, clip.keyframe(atOrBefore: resumeFrom)..<nEnd)
            try s.finishFile()
            for (_, p) in checkClean(dir.path) { _ = p }
            total = checkClean(dir.path).values.reduce(0) { $0 + $1.packets }
            #expect(total == Int(nEnd - n0), "round \(round)")
        }
    }
}
