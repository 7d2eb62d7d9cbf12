import Common
import Foundation
import Store
import Streaming
import Testing
import TestSupport
@testable import Core

/// Hostile files where VTrack writes: a symbolic link (or a stranger's file) planted at a `.part`
/// path, at a final name, at a lock file. Nothing is ever truncated, written or renamed through
/// it, nor replaced; the download pauses with one sentence, and continues once it is moved away.
@Suite(.serialized) struct HostileFileTests {
    /// A file outside every folder VTrack writes in, with known bytes.
    static func victim(_ scratch: Scratch, _ name: String = "victim.txt") throws -> (path: String, bytes: Data) {
        let path = scratch.file(name)
        let bytes = Data("precious data that must survive\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        return (path, bytes)
    }

    /// A job of one minute of Camera 01, made but not started, and a victim file beside it.
    static func queuedJob() throws -> (EngineFixture, DateInterval, (path: String, bytes: Data), EventLog, DownloadEngine, DownloadJobRecord) {
        let fx = try EngineFixture()
        let range = try fx.steadyRange(minutes: 1)
        let target = try victim(fx.scratch)
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        let job = try engine.createJob(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01"]))
        return (fx, range, target, log, engine, job)
    }

    static func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    static func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }

    /// Links planted at every `.part` name the first file of the range could get: the camera
    /// pauses with one sentence naming it, the target is untouched, no file is made; with the
    /// links gone, the resume downloads the whole range.
    @Test(.requiresMediaTools) func aLinkAtThePartPathIsNeverFollowed() throws {
        let (fx, range, target, log, engine, job) = try Self.queuedJob()
        let folder = try #require(try fx.repo.read { try $0.downloadCameras(jobID: job.id) }.first?.folder)
        let cameraFolder = (folder as NSString).lastPathComponent
        // the first file starts at the keyframe at or before the range's start
        var links: [String] = []
        for s in 0...30 {
            let part = DownloadFileName.writerPath(folder: folder, cameraFolder: cameraFolder,
                                                   start: range.start.addingTimeInterval(-Double(s))) + ".part"
            try FileManager.default.createSymbolicLink(atPath: part, withDestinationPath: target.path)
            links.append(part)
        }
        try engine.start(jobID: job.id)
        #expect(engine.waitUntilIdle(timeout: 120))
        let paused = try #require(log.summaries.last)
        #expect(paused.state == .paused, "\(paused)")
        let reason = try #require(paused.cameras.first?.reason)
        #expect(reason.en.contains("is already there") && reason.en.contains(".mp4.part"), "\(reason.en)")
        #expect(reason.vi.contains("Đã có sẵn"), "\(reason.vi)")
        #expect(Self.contents(target.path) == target.bytes)
        #expect(links.allSatisfy(Self.isLink))
        #expect(mp4Files(folder).isEmpty)
        #expect(try fx.repo.read { try $0.downloadFiles(jobID: job.id) }.isEmpty)

        for l in links { try FileManager.default.removeItem(atPath: l) }
        try engine.resume(jobID: job.id)
        #expect(engine.waitUntilIdle(timeout: 120))
        #expect(log.summaries.last?.state == .done)
        #expect(Self.contents(target.path) == target.bytes)
        try EngineTests.checkCoverage(fx, jobID: job.id, camera: "Camera 01", covered: [range])
    }

    /// The MP4 writer's rename never replaces what sits at the final name (a link planted there,
    /// or a file): it fails with EEXIST and the `.part` stays for a later try.
    @Test func theRenameNeverReplacesALinkOrAFile() throws {
        let scratch = Scratch("hostile")
        let target = try Self.victim(scratch)
        let clip = ClipPictures.h264
        for planted in ["link", "file"] {
            let path = scratch.file("out-\(planted).mp4")
            if planted == "link" {
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target.path)
            } else {
                try Data("someone else's".utf8).write(to: URL(fileURLWithPath: path))
            }
            let format = try #require(VideoTrackFormat(codec: clip.codec, parameterSets: clip.parameterSets))
            let writer = try MP4FragmentWriter(path: path, video: format)
            for n in 0..<Int64(clip.gop * 2) { try writer.append(clip.unit(n)) }
            #expect(throws: StreamingError.fileWrite(path: path, errno: EEXIST)) { try writer.finish() }
            #expect(FileManager.default.fileExists(atPath: path + ".part"))
            #expect(planted == "file" || Self.isLink(path))
        }
        #expect(Self.contents(target.path) == target.bytes)
        // the downloader's own names skip a link, even one that leads nowhere
        let dangling = scratch.file("cam_a.mp4")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: scratch.file("nowhere"))
        #expect(DownloadFileName.unused(dangling) == scratch.file("cam_a_2.mp4"))
    }

    /// A link at the `.part` path: the writer (downloads, `vtrack record`'s sink) refuses to
    /// create it, and recovery neither reads nor finishes through it.
    @Test func aLinkAtAPartIsNeitherCreatedNorRecovered() throws {
        let scratch = Scratch("hostile")
        let target = try Self.victim(scratch)
        let clip = ClipPictures.h264
        let path = scratch.file("rec.mp4")
        try FileManager.default.createSymbolicLink(atPath: path + ".part", withDestinationPath: target.path)
        let sink = MP4RecordingSink(path: path)
        // (`vtrack record`'s sink looks before it creates: the same refusal as `record -o` gives)
        #expect(throws: StreamingError.outputExists(path: path + ".part")) { _ = try sink.received(clip.unit(0)) }
        #expect(throws: StreamingError.fileWrite(path: path + ".part", errno: EEXIST)) {
            _ = try MP4FragmentWriter(path: path, video: try #require(VideoTrackFormat(codec: clip.unit(0).codec,
                                                                                      parameterSets: clip.unit(0).parameterSets)))
        }
        #expect(throws: StreamingError.fileWrite(path: path + ".part", errno: ELOOP)) {
            try MP4Recovery.finalize(partPath: path + ".part")
        }
        #expect(Self.contents(target.path) == target.bytes)
        #expect(Self.isLink(path + ".part") && !FileManager.default.fileExists(atPath: path))
        let sentence = StreamingError.fileWrite(path: path + ".part", errno: EEXIST).message
        #expect(sentence.en.contains("is already there") && sentence.en.contains("move it away"), "\(sentence.en)")
    }

    /// A link planted at a job's lock file: the start is refused with the lock file's sentence
    /// and the link's target keeps its bytes (no process id written through it).
    @Test func aLinkAtTheJobLockIsNotFollowed() throws {
        let (fx, _, target, _, engine, job) = try Self.queuedJob()
        let lockPath = fx.repo.path + ".download-\(job.id).lock"
        try FileManager.default.createSymbolicLink(atPath: lockPath, withDestinationPath: target.path)
        #expect(throws: DownloadError.lockFileFailed(path: lockPath, errno: ELOOP)) { try engine.start(jobID: job.id) }
        #expect(Self.contents(target.path) == target.bytes)
        #expect(engine.runningJobs.isEmpty)
    }
}
