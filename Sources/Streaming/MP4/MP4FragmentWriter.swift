import Foundation

/// Writes access units into a fragmented MP4 that stays playable if the process dies at any
/// moment: `ftyp`+`moov` first, then one `moof`+`mdat` per GOP (or per 8 MB), each preceded by
/// a `prft` box holding the wall-clock time of its first picture. The file is written as
/// `PATH.part` and renamed to `PATH` by `finish()` after an fsync. Memory stays bounded by one
/// fragment whatever the length.
///
/// Timing: timescale 90 kHz; each sample lasts until the next one's RTP timestamp (the last
/// repeats the previous duration). Timestamps that jump back, stand still or leap forward by
/// more than `maxSampleDuration` get the previous duration instead, so output is monotonic.
///
/// Not thread-safe: use it from one thread (the one that receives the stream).
public final class MP4FragmentWriter {
    /// Tunables.
    public struct Options: Sendable {
        /// A fragment is closed at the next keyframe, or once it holds this many bytes.
        public var maxFragmentBytes = 8 * 1024 * 1024
        /// Longest plausible gap between two pictures (90 kHz ticks); longer ones are clamped.
        public var maxSampleDuration: Int64 = 10 * 90_000
        /// Duration of a sample when nothing better is known (25 fps).
        public var defaultSampleDuration: Int64 = 3600
        public init() {}
    }

    /// The path the file gets on `finish()`.
    public let finalPath: String
    /// Where the bytes are written until `finish()`.
    public var partPath: String { finalPath + ".part" }
    public let video: VideoTrackFormat
    public let audio: AudioTrackFormat?
    /// Timestamps that went back or stood still and were corrected (B-frame reordering inside a
    /// GOP is not a correction: it is written as composition offsets). Counted as fragments are
    /// written, so final after `finish()`.
    public private(set) var correctedTimestamps = 0
    /// Fragments written with B-frame reordering (composition time offsets).
    public private(set) var reorderedFragments = 0
    private var pendingCorrections = 0

    private let options: Options
    private var file: FileOutput
    private let mehdOffset: Int64
    private var sequence: UInt32 = 0
    private var fragments = 0
    private var samplesWritten = 0
    private var finished = false

    /// Metadata of a sample waiting for the next fragment; its bytes are in `videoData` (the
    /// access units' own arrays: written with gathered writes, never copied).
    private struct Pending { var size: Int; var dts: Int64; var pts: Int64; var keyframe: Bool; var wallClock: Date? }
    private var pending: [Pending] = []
    private var videoData: [[UInt8]] = []
    private var videoBytesPending = 0
    private var pendingBytes = 0
    private var lastInputTS: Int64?
    private var lastDTS: Int64 = 0
    private var lastDuration: Int64
    private var writtenDuration: Int64 = 0  // end of the last written sample (90 kHz)
    private var firstWallClock: Date?
    private var endWallClock: Date?

    private struct PendingAudio { var size: Int; var dts: Int64 }
    private var pendingAudio: [PendingAudio] = []
    private var audioData: [[UInt8]] = []
    private var audioBytesPending = 0
    private var lastAudioInput: Int64?
    private var lastAudioDTS: Int64 = 0
    private var audioStarted = false

    private var header = [UInt8]()

    /// Creates `path.part` and writes the header. `video` fixes codec, size and parameter sets
    /// for this file: a picture with other parameter sets needs a new file (`canAppend`).
    public init(path: String, video: VideoTrackFormat, audio: AudioTrackFormat? = nil, options: Options = Options()) throws {
        finalPath = path
        self.video = video
        self.audio = audio
        self.options = options
        lastDuration = options.defaultSampleDuration
        file = try FileOutput(creating: path + ".part")
        let head = InitSegment.build(video: video, audio: audio)
        mehdOffset = Int64(head.mehdDurationOffset)
        do { try file.write(head.bytes) } catch { file.close(); throw error }
        header.reserveCapacity(16 * 1024)
        videoData.reserveCapacity(256)
    }

    deinit { file.close() }

    /// Bytes in the file so far, plus what waits for the next fragment.
    public var currentFileBytes: Int64 { file.offset + Int64(pendingBytes) }

    /// Pictures written or waiting.
    public var sampleCount: Int { samplesWritten + pending.count }

    /// False when `au` carries other parameter sets than this file's (e.g. a new resolution):
    /// finish this file and start a new one with the new format.
    public func canAppend(_ au: AccessUnit) -> Bool {
        au.codec == video.codec && au.parameterSets == video.parameterSets
    }

    /// Adds a picture. The first one must be a keyframe (others before it are ignored).
    public func append(_ au: AccessUnit) throws {
        precondition(!finished, "append after finish")
        if lastInputTS == nil && !au.isKeyframe { return }
        var dts: Int64
        var corrected = false
        if let last = lastInputTS {
            var delta = au.timestamp - last
            if delta <= 0 || delta > options.maxSampleDuration {
                corrected = true
                delta = lastDuration
            }
            lastDuration = delta
            dts = lastDTS + delta
        } else {
            dts = 0
        }
        if !pending.isEmpty && (au.isKeyframe || pendingBytes >= options.maxFragmentBytes || pending.count >= 3000) {
            // a GOP with B-frames: decode times from the sorted presentation times
            let reorder = au.isKeyframe ? reorderedTimeline(nextPTS: au.timestamp) : nil
            if let r = reorder {
                dts = r.end
                lastDuration = max(1, r.end - (r.samples.last?.dts ?? r.end))
            }
            try flush(until: dts, reorder: reorder?.samples)
        }
        if corrected { pendingCorrections += 1 }
        lastInputTS = au.timestamp
        lastDTS = dts
        if firstWallClock == nil { firstWallClock = au.wallClock }
        pending.append(Pending(size: au.data.count, dts: dts, pts: au.timestamp, keyframe: au.isKeyframe, wallClock: au.wallClock))
        videoData.append(au.data)
        videoBytesPending += au.data.count
        pendingBytes += au.data.count
    }

    /// Adds an AAC frame (only when the file was created with an audio format, and only once
    /// video has started).
    public func append(audio frame: AudioFrame) {
        guard let a = audio, lastInputTS != nil else { return }
        let dts: Int64
        if let last = lastAudioInput {
            var delta = frame.timestamp - last
            if delta <= 0 || delta > Int64(a.sampleRate) * 10 { delta = 1024 }
            dts = lastAudioDTS + delta
        } else {
            // start aligned with the video picture being written now
            dts = lastDTS * Int64(a.sampleRate) / 90_000
        }
        lastAudioInput = frame.timestamp
        lastAudioDTS = dts
        audioStarted = true
        pendingAudio.append(PendingAudio(size: frame.data.count, dts: dts))
        audioData.append(frame.data)
        audioBytesPending += frame.data.count
        pendingBytes += frame.data.count
    }

    /// Writes the last fragment, records the duration, fsyncs, closes and renames `.part` to
    /// the final path (or to `renamingTo`). Returns what the file holds.
    @discardableResult
    public func finish(renamingTo newPath: String? = nil) throws -> MP4FileSummary {
        precondition(!finished, "finish twice")
        finished = true
        defer { file.close() }
        if !pending.isEmpty {
            if let r = reorderedTimeline(nextPTS: nil) {
                try flush(until: r.end, reorder: r.samples)
            } else {
                try flush(until: lastDTS + lastDuration, reorder: nil)
            }
        }
        var mehd = [UInt8]()
        mehd.appendU64(UInt64(writtenDuration) * UInt64(InitSegment.movieTimescale) / 90_000)
        try file.patch(mehd, at: mehdOffset)
        try file.sync()
        let bytes = file.offset
        file.close()
        let target = newPath ?? finalPath
        try FileOutput.rename(partPath, target)
        return MP4FileSummary(path: target, bytes: bytes, fragments: fragments, videoSamples: samplesWritten,
                              duration: Double(writtenDuration) / 90_000, firstWallClock: firstWallClock, endWallClock: endWallClock)
    }

    /// Forgets the pictures (and audio) not yet written as a fragment — the GOP in progress — so
    /// that `finish()` ends the file at its last complete fragment, where a later download can
    /// continue with the next keyframe (the downloader's pause). Returns the pictures dropped and
    /// the wall-clock time at the end of what stays (nil when nothing is written yet).
    @discardableResult
    public func discardIncompleteFragment() -> (dropped: Int, end: Date?) {
        let n = pending.count
        pending.removeAll(keepingCapacity: true)
        pendingAudio.removeAll(keepingCapacity: true)
        videoData.removeAll(keepingCapacity: true)
        audioData.removeAll(keepingCapacity: true)
        pendingBytes = 0
        return (n, samplesWritten > 0 ? endWallClock : nil)
    }

    /// Closes and deletes the `.part` file (nothing worth keeping).
    public func abandon() {
        finished = true
        file.close()
        unlink(partPath)
    }

    // MARK: Fragments

    /// When the pending GOP's presentation times are out of order like B-frames (all after its
    /// keyframe and before the next one, no two equal), its decode times are the sorted
    /// presentation times and each sample gets a composition offset. Nil otherwise.
    private func reorderedTimeline(nextPTS: Int64?) -> (samples: [(dts: Int64, offset: Int32)], end: Int64)? {
        guard pending.count >= 2, pending[0].keyframe else { return nil }
        let p0 = pending[0].pts
        var reordered = false
        for i in 1..<pending.count {
            let p = pending[i].pts
            if p <= p0 { return nil }
            if let n = nextPTS, p >= n { return nil }
            if p < pending[i - 1].pts { reordered = true }
        }
        guard reordered else { return nil }
        let sorted = pending.map(\.pts).sorted()
        for i in 1..<sorted.count {
            let d = sorted[i] - sorted[i - 1]
            if d <= 0 || d > options.maxSampleDuration { return nil }
        }
        let base = pending[0].dts
        let samples = pending.indices.map { i in
            (dts: base + (sorted[i] - p0), offset: Int32(clamping: pending[i].pts - sorted[i]))
        }
        let lastStep = sorted.count >= 2 ? sorted[sorted.count - 1] - sorted[sorted.count - 2] : lastDuration
        var end = base + (sorted[sorted.count - 1] - p0) + lastStep
        if let n = nextPTS, n - sorted[sorted.count - 1] > 0, n - sorted[sorted.count - 1] <= options.maxSampleDuration {
            end = base + (n - p0)
        }
        return (samples, end)
    }

    private func flush(until endDTS: Int64, reorder: [(dts: Int64, offset: Int32)]?) throws {
        guard !pending.isEmpty else { return }
        if reorder != nil {
            reorderedFragments += 1
        } else {
            correctedTimestamps += pendingCorrections
        }
        pendingCorrections = 0
        if let r = reorder {
            for i in pending.indices { pending[i].dts = r[i].dts }
        }
        let first = pending[0]
        sequence += 1
        header.removeAll(keepingCapacity: true)
        var w = BoxWriter()
        swap(&w.bytes, &header)
        if let wall = first.wallClock {
            w.fullBox("prft", version: 1, flags: 0) { w in
                w.u32(InitSegment.videoTrackID)
                w.u64(NTPTime.ntp(wall))
                w.u64(UInt64(first.dts))
            }
        }
        let moofStart = w.bytes.count
        var videoDataOffsetAt = 0
        var audioDataOffsetAt = 0
        let videoBytes = videoBytesPending
        w.box("moof") { w in
            w.fullBox("mfhd", version: 0, flags: 0) { w in w.u32(sequence) }
            w.box("traf") { w in
                w.fullBox("tfhd", version: 0, flags: 0x020000) { w in w.u32(InitSegment.videoTrackID) }
                w.fullBox("tfdt", version: 1, flags: 0) { w in w.u64(UInt64(first.dts)) }
                // version 1 with signed composition offsets when B-frames are reordered
                w.fullBox("trun", version: reorder == nil ? 0 : 1, flags: reorder == nil ? 0x000701 : 0x000F01) { w in
                    w.u32(UInt32(pending.count))
                    videoDataOffsetAt = w.bytes.count
                    w.u32(0)
                    for (i, s) in pending.enumerated() {
                        let next = i + 1 < pending.count ? pending[i + 1].dts : endDTS
                        w.u32(UInt32(clamping: max(next - s.dts, 1)))
                        w.u32(UInt32(s.size))
                        w.u32(s.keyframe ? 0x0200_0000 : 0x0101_0000)
                        if let r = reorder { w.i32(r[i].offset) }
                    }
                }
            }
            if !pendingAudio.isEmpty {
                w.box("traf") { w in
                    w.fullBox("tfhd", version: 0, flags: 0x020000) { w in w.u32(InitSegment.audioTrackID) }
                    w.fullBox("tfdt", version: 1, flags: 0) { w in w.u64(UInt64(pendingAudio[0].dts)) }
                    w.fullBox("trun", version: 0, flags: 0x000701) { w in
                        w.u32(UInt32(pendingAudio.count))
                        audioDataOffsetAt = w.bytes.count
                        w.u32(0)
                        for (i, s) in pendingAudio.enumerated() {
                            let next = i + 1 < pendingAudio.count ? pendingAudio[i + 1].dts : s.dts + 1024
                            w.u32(UInt32(clamping: max(next - s.dts, 1)))
                            w.u32(UInt32(s.size))
                            w.u32(0x0200_0000)
                        }
                    }
                }
            }
        }
        let moofSize = w.bytes.count - moofStart
        let audioBytes = audioBytesPending
        w.bytes.setU32(UInt32(moofSize + 8), at: videoDataOffsetAt)
        if audioDataOffsetAt > 0 { w.bytes.setU32(UInt32(moofSize + 8 + videoBytes), at: audioDataOffsetAt) }
        let mdatSize = 8 + videoBytes + audioBytes
        w.bytes.appendU32(UInt32(mdatSize))
        w.bytes.appendASCII("mdat")
        swap(&w.bytes, &header)

        try file.write(header)
        try file.write(arrays: videoData)
        if !audioData.isEmpty { try file.write(arrays: audioData) }
        fragments += 1
        samplesWritten += pending.count
        writtenDuration = endDTS
        let last = pending[pending.count - 1]
        if let w0 = first.wallClock {
            endWallClock = w0.addingTimeInterval(Double(endDTS - first.dts) / 90_000)
        } else if let wl = last.wallClock {
            endWallClock = wl.addingTimeInterval(Double(endDTS - last.dts) / 90_000)
        }
        pending.removeAll(keepingCapacity: true)
        pendingAudio.removeAll(keepingCapacity: true)
        videoData.removeAll(keepingCapacity: true)
        audioData.removeAll(keepingCapacity: true)
        videoBytesPending = 0
        audioBytesPending = 0
        pendingBytes = 0
    }
}
