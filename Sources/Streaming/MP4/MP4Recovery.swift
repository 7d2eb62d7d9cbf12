import Foundation
import Glibc

/// Finalizes a fragmented MP4 that was cut at an arbitrary byte (a crash, kill -9, power cut,
/// disk full): keeps the header and every complete `moof`+`mdat`, drops the torn tail, records
/// the duration, fsyncs and renames `.part` to the final name. It also reports the wall-clock
/// time at the end of the last complete picture, so a download can resume from there.
public enum MP4Recovery {
    /// The result of reading a file without changing it.
    public struct Inspection: Sendable, Equatable {
        /// Bytes up to the end of the last complete fragment (or of the header, when none is).
        public var validLength: Int64
        public var fileLength: Int64
        /// What the valid part holds (path = the inspected path).
        public var summary: MP4FileSummary
        /// Offset of the 64-bit `mehd` duration in the header, if there is one.
        public var mehdOffset: Int64?
    }

    /// Reads `path` and finds its last complete fragment. Throws `notRecoverable` when the
    /// header (`ftyp` + `moov`) itself is incomplete.
    public static func inspect(path: String) throws -> Inspection {
        // a symbolic link at the path is not one of our files: never read or recovered through it
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw StreamingError.fileWrite(path: path, errno: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw StreamingError.fileWrite(path: path, errno: errno) }
        let length = Int64(st.st_size)

        func read(_ at: Int64, _ n: Int) -> [UInt8]? {
            guard n >= 0, at + Int64(n) <= length else { return nil }
            var b = [UInt8](repeating: 0, count: n)
            let got = b.withUnsafeMutableBytes { pread(fd, $0.baseAddress, n, off_t(at)) }
            return got == n ? b : nil
        }
        /// (type, header size, total size) of the box at `at`, or nil when it does not fit.
        func boxHeader(_ at: Int64) -> (String, Int64, Int64)? {
            guard let h = read(at, 8) else { return nil }
            var size = Int64(h.readU32(0))
            var headerSize: Int64 = 8
            let type = String(decoding: h[4..<8], as: UTF8.self)
            if size == 1 {
                guard let ext = read(at + 8, 8) else { return nil }
                size = Int64(ext.readU32(0)) << 32 | Int64(ext.readU32(4))
                headerSize = 16
            } else if size == 0 {
                return nil  // "to end of file": a box still being written
            }
            guard size >= headerSize, size <= length - at else { return nil }  // no `at + size` overflow
            return (type, headerSize, size)
        }

        var offset: Int64 = 0
        var sawFtyp = false, sawMoov = false
        var mehdOffset: Int64?
        var videoTimescale: Int64 = 90_000
        var videoTrackID: UInt32 = 1
        // the last complete fragment's facts
        var valid: Int64 = 0
        var fragments = 0, samples = 0
        var endDTS: Int64 = 0
        var firstWall: Date?
        var lastPrft: (ntp: UInt64, media: Int64)?
        var pendingPrft: (ntp: UInt64, media: Int64)?
        var pendingMoof: (samples: Int, base: Int64, duration: Int64)?
        var lastFragmentPrft: (ntp: UInt64, media: Int64)?

        while offset < length, let (type, hs, size) = boxHeader(offset) {
            switch type {
            case "ftyp":
                sawFtyp = true
            case "moov":
                guard let body = read(offset + hs, Int(size - hs)) else { break }
                sawMoov = true
                let facts = parseMoov(body, bodyOffset: offset + hs)
                mehdOffset = facts.mehd
                videoTimescale = facts.timescale
                videoTrackID = facts.trackID
                valid = offset + size
            case "prft":
                if let body = read(offset + hs, Int(size - hs)), body.count >= 16 {
                    let v1 = body[0] == 1
                    let ntp = UInt64(body.readU32(8)) << 32 | UInt64(body.readU32(12))
                    let media: Int64
                    if v1, body.count >= 24 { media = Int64(body.readU32(16)) << 32 | Int64(body.readU32(20)) } else if body.count >= 20 { media = Int64(body.readU32(16)) } else { media = 0 }
                    pendingPrft = (ntp, media)
                }
            case "moof":
                if let body = read(offset + hs, Int(size - hs)) {
                    pendingMoof = parseMoof(body, trackID: videoTrackID)
                }
            case "mdat":
                if let m = pendingMoof, sawMoov {
                    fragments += 1
                    samples += m.samples
                    endDTS = m.base &+ m.duration  // a damaged tfdt may be anywhere in Int64
                    if let p = pendingPrft {
                        if firstWall == nil { firstWall = NTPTime.date(p.ntp).addingTimeInterval(-Double(p.media) / Double(videoTimescale)) }
                        lastFragmentPrft = p
                        lastPrft = p
                    } else {
                        lastFragmentPrft = nil
                    }
                    valid = offset + size
                }
                pendingMoof = nil
                pendingPrft = nil
            default:
                break
            }
            offset += size
        }
        guard sawFtyp, sawMoov else { throw StreamingError.notRecoverable(path: path) }
        var endWall: Date?
        if let p = lastFragmentPrft ?? lastPrft {
            endWall = NTPTime.date(p.ntp).addingTimeInterval((Double(endDTS) - Double(p.media)) / Double(videoTimescale))
        }
        let summary = MP4FileSummary(path: path, bytes: valid, fragments: fragments, videoSamples: samples,
                                     duration: Double(endDTS) / Double(videoTimescale), firstWallClock: firstWall, endWallClock: endWall)
        return Inspection(validLength: valid, fileLength: length, summary: summary, mehdOffset: mehdOffset)
    }

    /// Truncates `partPath` to its last complete fragment, writes the duration into the header,
    /// fsyncs and renames it to `finalPath` (default: `partPath` without `.part`). Returns nil and
    /// deletes the file when it holds no complete fragment (nothing to keep).
    @discardableResult
    public static func finalize(partPath: String, finalPath: String? = nil) throws -> MP4FileSummary? {
        let target = finalPath ?? (partPath.hasSuffix(".part") ? String(partPath.dropLast(5)) : partPath)
        let info: Inspection
        do {
            info = try inspect(path: partPath)
        } catch StreamingError.notRecoverable {
            unlink(partPath)
            return nil
        }
        if info.summary.fragments == 0 {
            unlink(partPath)
            return nil
        }
        let fd = open(partPath, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw StreamingError.fileWrite(path: partPath, errno: errno) }
        defer { close(fd) }
        if info.validLength < info.fileLength, ftruncate(fd, off_t(info.validLength)) != 0 {
            throw StreamingError.fileWrite(path: partPath, errno: errno)
        }
        if let m = info.mehdOffset {
            var b = [UInt8]()
            // a damaged file may give a negative or huge duration: record 0 rather than trap
            let millis = info.summary.duration * 1000
            b.appendU64(millis >= 0 && millis < 1.8e19 ? UInt64(millis) : 0)
            _ = b.withUnsafeBytes { pwrite(fd, $0.baseAddress, 8, off_t(m)) }
        }
        guard fsync(fd) == 0 else { throw StreamingError.fileWrite(path: partPath, errno: errno) }
        if target != partPath { try FileOutput.rename(partPath, target) }
        var s = info.summary
        s.path = target
        return s
    }

    // MARK: Box parsing

    private static func children(_ b: [UInt8], _ from: Int, _ to: Int, _ visit: (String, Int, Int) -> Void) {
        var i = from
        while i + 8 <= to {
            let size = Int(b.readU32(i))
            guard size >= 8, i + size <= to else { return }
            visit(String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self), i + 8, i + size)
            i += size
        }
    }

    private static func parseMoov(_ b: [UInt8], bodyOffset: Int64) -> (mehd: Int64?, timescale: Int64, trackID: UInt32) {
        var mehd: Int64?
        var timescale: Int64 = 90_000
        var trackID: UInt32 = 1
        var found = false
        children(b, 0, b.count) { type, s, e in
            if type == "mvex" {
                children(b, s, e) { t, s2, e2 in
                    if t == "mehd", e2 - s2 >= 12, b[s2] == 1 { mehd = bodyOffset + Int64(s2 + 4) }
                }
            } else if type == "trak", !found {
                var id: UInt32 = 0, ts: Int64 = 0, isVideo = false
                children(b, s, e) { t, s2, e2 in
                    if t == "tkhd", e2 - s2 >= 24 || (b[s2] != 1 && e2 - s2 >= 16) { id = b[s2] == 1 ? b.readU32(s2 + 20) : b.readU32(s2 + 12) }
                    if t == "mdia" {
                        children(b, s2, e2) { t3, s3, e3 in
                            if t3 == "mdhd", e3 - s3 >= 24 { ts = Int64(b[s3] == 1 ? b.readU32(s3 + 20) : b.readU32(s3 + 12)) }
                            if t3 == "hdlr", e3 - s3 >= 12 { isVideo = String(decoding: b[(s3 + 8)..<(s3 + 12)], as: UTF8.self) == "vide" }
                        }
                    }
                }
                if isVideo { found = true; trackID = id; if ts > 0 { timescale = ts } }
            }
        }
        return (mehd, timescale, trackID)
    }

    private static func parseMoof(_ b: [UInt8], trackID: UInt32) -> (samples: Int, base: Int64, duration: Int64)? {
        var result: (Int, Int64, Int64)?
        children(b, 0, b.count) { type, s, e in
            guard type == "traf" else { return }
            var id: UInt32 = 0, defaultDuration: Int64 = 0, base: Int64 = 0, count = 0, total: Int64 = 0
            children(b, s, e) { t, s2, e2 in
                switch t {
                case "tfhd":
                    guard e2 - s2 >= 8 else { return }
                    let flags = b.readU32(s2) & 0xFFFFFF
                    id = b.readU32(s2 + 4)
                    var p = s2 + 8
                    if flags & 0x01 != 0 { p += 8 }
                    if flags & 0x02 != 0 { p += 4 }
                    if flags & 0x08 != 0, p + 4 <= e2 { defaultDuration = Int64(b.readU32(p)) }
                case "tfdt":
                    guard e2 - s2 >= 8 else { return }
                    base = b[s2] == 1 && e2 - s2 >= 12 ? Int64(b.readU32(s2 + 4)) << 32 | Int64(b.readU32(s2 + 8)) : Int64(b.readU32(s2 + 4))
                case "trun":
                    guard e2 - s2 >= 8 else { return }
                    let flags = b.readU32(s2) & 0xFFFFFF
                    let n = Int(b.readU32(s2 + 4))
                    var p = s2 + 8
                    if flags & 0x01 != 0 { p += 4 }
                    if flags & 0x04 != 0 { p += 4 }
                    let per = (flags & 0x100 != 0 ? 4 : 0) + (flags & 0x200 != 0 ? 4 : 0) + (flags & 0x400 != 0 ? 4 : 0) + (flags & 0x800 != 0 ? 4 : 0)
                    guard p + n * per <= e2 else { return }
                    count += n
                    if flags & 0x100 != 0 {
                        for _ in 0..<n {
                            total = total &+ Int64(b.readU32(p))
                            p += per
                        }
                    } else {
                        // per-sample fields absent: n (up to 2^32) samples of the default duration, not a loop
                        total = total &+ Int64(n) &* defaultDuration
                    }
                default:
                    break
                }
            }
            if id == trackID { result = (count, base, total) }
        }
        return result
    }
}
