/// Splits the byte stream of an RTSP connection into interleaved frames (`$`, channel,
/// 16-bit length, data — RFC 2326 §10.12) and RTSP messages (responses to our keepalives, or
/// requests from the server), surviving bad servers: anything else is skipped byte by byte
/// until a frame that checks out (known channel, RTP version 2, plausible payload type and
/// sequence number, or followed by another frame), and the skipped bytes are counted.
///
/// Frames are returned as pointers into the reader's own buffer, valid until the next call.
/// No allocation per frame.
final class InterleavedReader {
    enum Item {
        case frame(channel: UInt8, payload: UnsafeRawBufferPointer)
        case message(RTSPResponse)
    }

    /// Bytes skipped because they were neither a frame nor a message.
    private(set) var lostBytes = 0
    /// Total bytes taken in.
    private(set) var bytesIn = 0

    private let storage: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    /// Per channel: 0 = not expected, 1 = RTP, 2 = RTCP. Before SETUP every channel is accepted.
    private var kinds = [UInt8](repeating: 0, count: 256)
    private var anyChannel = true
    private var payloadTypes = [Int16](repeating: -1, count: 256)
    private var lastSeq = [Int32](repeating: -1, count: 256)
    /// Header scanning already done: the bytes from `scanOrigin` to `scanOrigin + scanDone` hold
    /// no blank line, so a message whose start lies in them need not be scanned there again (a
    /// header arriving in many small reads, or a run of would-be headers that never end, is
    /// read once, not once per read or per skipped byte). `scanOrigin` -1: nothing scanned.
    private var scanOrigin = -1
    private var scanDone = 0

    /// 512 KiB holds several 64 KiB frames and takes large socket reads; every byte of it gets
    /// touched as data cycles through, so it counts fully in each session's memory (the
    /// downloader runs several sessions at once).
    init(capacity: Int = 1 << 19) {
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// Declares the channels of a track (from the SETUP answer) and its RTP payload type.
    func expect(rtp: UInt8, rtcp: UInt8, payloadType: UInt8?) {
        anyChannel = false
        kinds[Int(rtp)] = 1
        kinds[Int(rtcp)] = 2
        payloadTypes[Int(rtp)] = payloadType.map { Int16($0) } ?? -1
    }

    /// Free space to read into (compacting first when needed).
    func writableSpace() -> UnsafeMutableRawBufferPointer {
        if start == end { start = 0; end = 0; scanOrigin = -1 }
        if storage.count - end < 128 * 1024 && start > 0 {
            let n = end - start
            storage.baseAddress!.copyMemory(from: storage.baseAddress! + start, byteCount: n)
            if scanOrigin >= start { scanOrigin -= start } else { scanOrigin = -1 }
            start = 0
            end = n
        }
        return UnsafeMutableRawBufferPointer(rebasing: storage[end...])
    }

    /// Records that `n` bytes were written into `writableSpace()`.
    func didWrite(_ n: Int) {
        end += n
        bytesIn += n
    }

    /// Copies `bytes` in (for data that does not come from a socket). Returns how many fit.
    func feed(_ bytes: UnsafeRawBufferPointer) -> Int {
        let space = writableSpace()
        let n = min(space.count, bytes.count)
        if n > 0 { space.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: n) }
        didWrite(n)
        return n
    }

    var buffered: Int { end - start }

    /// The next frame or message, or nil when more bytes are needed.
    @inline(__always)
    func next() -> Item? {
        let base = UnsafeRawBufferPointer(storage)
        while start < end {
            let b = base[start]
            if b == 0x24 {
                let avail = end - start
                if avail < 5 { return nil }
                let ch = base[start + 1]
                let len = Int(base.u16(start + 2))
                let kind = kinds[Int(ch)]
                guard (anyChannel || kind != 0) && len >= 4 && base[start + 4] & 0xC0 == 0x80 else {
                    skip(1); continue
                }
                let total = 4 + len
                if avail < total { return nil }
                if !plausible(base, channel: ch, kind: kind, at: start + 4, len: len) {
                    // no strong evidence: insist that another frame or message follows
                    if avail == total { return nil }
                    let nb = base[start + total]
                    if nb != 0x24 && !(nb >= 0x41 && nb <= 0x5A) { skip(1); continue }
                }
                if kind == 1 { lastSeq[Int(ch)] = Int32(base.u16(start + 6)) }
                let payload = base.slice(start + 4, start + total)
                start += total
                return .frame(channel: ch, payload: payload)
            } else if b >= 0x41 && b <= 0x5A {
                switch message(base) {
                case .needMore: return nil
                case .garbage: skip(1)
                case .message(let m): return .message(m)
                }
            } else {
                // garbage: jump to the next candidate
                var i = start + 1
                while i < end {
                    let c = base[i]
                    if c == 0x24 || (c >= 0x41 && c <= 0x5A) { break }
                    i += 1
                }
                skip(i - start)
            }
        }
        return nil
    }

    @inline(__always)
    private func skip(_ n: Int) {
        start += n
        lostBytes += n
    }

    /// A frame that matches what the channel carries: RTP with the payload type of its track
    /// and a sequence number near the last one, or RTCP with a known packet type.
    @inline(__always)
    private func plausible(_ base: UnsafeRawBufferPointer, channel: UInt8, kind: UInt8, at: Int, len: Int) -> Bool {
        if kind == 2 { return len >= 8 && base[at + 1] >= 200 && base[at + 1] <= 207 }
        guard kind == 1, len >= 12 else { return false }
        let pt = payloadTypes[Int(channel)]
        guard pt < 0 || Int16(base[at + 1] & 0x7F) == pt else { return false }
        let last = lastSeq[Int(channel)]
        if last < 0 { return pt >= 0 }  // the first packet: its payload type must match
        let seq = Int32(base.u16(at + 2))
        let d = (seq - last + 65536) % 65536
        return d < 1024
    }

    private enum MessageResult { case needMore, garbage, message(RTSPResponse) }

    private func message(_ base: UnsafeRawBufferPointer) -> MessageResult {
        let limit = min(end, start + 16 * 1024)
        var i = start
        // resume where an earlier scan stopped (two bytes back: a blank line may straddle it)
        if scanOrigin >= 0, scanOrigin <= start, start < scanOrigin + scanDone {
            i = max(start, scanOrigin + scanDone - 2)
        }
        var headEnd = -1
        var bodyStart = -1
        while i < limit {
            let c = base[i]
            if c == 0x0A {
                if i + 1 < limit && base[i + 1] == 0x0A { headEnd = i; bodyStart = i + 2; break }
                if i + 2 < limit && base[i + 1] == 0x0D && base[i + 2] == 0x0A { headEnd = i; bodyStart = i + 3; break }
            } else if c != 0x0D && c != 0x09 && (c < 0x20 || c > 0x7E) && c < 0x80 {
                // binary inside a would-be header: every start before it fails here too
                if !(scanOrigin >= 0 && scanOrigin <= start && start < scanOrigin + scanDone) { scanOrigin = start }
                scanDone = i - scanOrigin
                return .garbage
            }
            i += 1
        }
        if headEnd < 0 {
            if !(scanOrigin >= 0 && scanOrigin <= start && start < scanOrigin + scanDone) { scanOrigin = start }
            scanDone = max(0, i - scanOrigin)
            return limit - start >= 16 * 1024 ? .garbage : .needMore
        }
        scanOrigin = -1
        let text = String(decoding: base.slice(start, headEnd), as: UTF8.self)
        guard var m = RTSPResponse.parseHead(text) else { return .garbage }
        let length = Int(m.headers["Content-Length"] ?? "0") ?? 0
        // a body the buffer can never hold would wait forever (the connection then reads into
        // no space and looks closed): not a message
        if length < 0 || length > min(1 << 20, storage.count - (bodyStart - start)) { return .garbage }
        if end - bodyStart < length { return .needMore }
        m.body = Array(base.slice(bodyStart, bodyStart + length))
        start = bodyStart + length
        return .message(m)
    }
}
