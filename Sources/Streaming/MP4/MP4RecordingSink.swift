import Foundation

/// A ready-made `MediaSink` that records a stream into fragmented MP4: the file starts at the
/// first keyframe; a change of parameter sets (e.g. resolution) closes it and continues in
/// `NAME-2.mp4`, `NAME-3.mp4`…; `maxDuration` stops the stream after that many seconds of
/// media. Used by `vtrack record`; the downloader builds its own sink with its own naming.
public final class MP4RecordingSink: MediaSink {
    /// Progress after each picture.
    public struct Progress: Sendable {
        public var pictures: Int
        public var bytes: Int64
        public var mediaSeconds: Double
    }

    public let path: String
    public let maxDuration: Double?
    public private(set) var files: [MP4FileSummary] = []
    public private(set) var pictures = 0
    private let options: MP4FragmentWriter.Options
    private let onProgress: (@Sendable (Progress) -> Void)?
    private var writer: MP4FragmentWriter?
    private var audioFormat: AudioTrackFormat?
    private var firstTimestamp: Int64?
    private var lastTimestamp: Int64 = 0
    private var bytesBefore: Int64 = 0

    public init(path: String, maxDuration: Double? = nil, options: MP4FragmentWriter.Options = .init(),
                onProgress: (@Sendable (Progress) -> Void)? = nil) {
        self.path = path
        self.maxDuration = maxDuration
        self.options = options
        self.onProgress = onProgress
    }

    public func streamStarted(_ start: StreamStart) throws {
        audioFormat = start.audio
    }

    public func received(_ au: AccessUnit) throws -> SinkDecision {
        if let w = writer, !w.canAppend(au) {
            if !au.isKeyframe { return .continue }  // wait for the keyframe of the new format
            files.append(try w.finish())
            bytesBefore += files.last!.bytes
            writer = nil
        }
        if writer == nil {
            guard au.isKeyframe, let format = VideoTrackFormat(codec: au.codec, parameterSets: au.parameterSets) else { return .continue }
            let name = files.isEmpty ? path : MP4RecordingSink.numbered(path, files.count + 1)
            try MP4RecordingSink.checkOutput(name)
            writer = try MP4FragmentWriter(path: name, video: format, audio: audioFormat, options: options)
        }
        if let first = firstTimestamp, let max = maxDuration, Double(au.timestamp - first) / 90_000 >= max - 0.0001 {
            return .stop
        }
        try writer!.append(au)
        if firstTimestamp == nil { firstTimestamp = au.timestamp }
        lastTimestamp = au.timestamp
        pictures += 1
        onProgress?(Progress(pictures: pictures, bytes: bytesBefore + writer!.currentFileBytes,
                             mediaSeconds: Double(lastTimestamp - (firstTimestamp ?? 0)) / 90_000))
        return .continue
    }

    public func received(audio: AudioFrame) throws {
        writer?.append(audio: audio)
    }

    /// Closes the current file (fsync + rename). Returns every file written. Throws
    /// `StreamingError.noKeyframe` when nothing could be written.
    @discardableResult
    public func finish() throws -> [MP4FileSummary] {
        if let w = writer {
            writer = nil
            files.append(try w.finish())
        }
        if files.isEmpty { throw StreamingError.noKeyframe }
        return files
    }

    /// Deletes the unfinished file, if any.
    public func abandon() {
        writer?.abandon()
        writer = nil
    }

    /// Refuses, before anything is written, an output path that recording would destroy or
    /// cannot use: a folder, an existing file that is not an MP4 (no `ftyp` box first) such as
    /// notes or a device, an earlier recording, a symbolic link, or a `.part` left there. The file
    /// is created where nothing is (and renamed without replacing anything), so nothing already
    /// recorded is ever lost to a second run with the same name.
    public static func checkOutput(_ path: String) throws {
        var st = stat()
        if lstat(path + ".part", &st) == 0 { throw StreamingError.outputExists(path: path + ".part") }
        guard lstat(path, &st) == 0 else { return }
        if st.st_mode & S_IFMT == S_IFDIR { throw StreamingError.outputIsFolder(path: path) }
        if st.st_mode & S_IFMT == S_IFLNK { throw StreamingError.outputExists(path: path) }
        guard st.st_mode & S_IFMT == S_IFREG else { throw StreamingError.outputNotMP4(path: path) }
        if st.st_size == 0 { throw StreamingError.outputExists(path: path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw StreamingError.fileWrite(path: path, errno: errno) }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 8)
        guard read(fd, &head, 8) == 8, Array(head[4..<8]) == Array("ftyp".utf8) else {
            throw StreamingError.outputNotMP4(path: path)
        }
        throw StreamingError.outputExists(path: path)
    }

    static func numbered(_ path: String, _ n: Int) -> String {
        let ext = (path as NSString).pathExtension
        let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        return ext.isEmpty ? "\(stem)-\(n)" : "\(stem)-\(n).\(ext)"
    }
}
