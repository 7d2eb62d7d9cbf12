import Common
import Foundation
import Simulator
import Store
import Synchronization
import Streaming
import Testing
import TestSupport
@testable import Core

/// Every fault of the download path, driven through the simulator's switches or the file system:
/// dropped links, the replay-session limit (453), pause/resume/cancel, disk full, a read-only
/// folder. After each, the files cover the footage exactly and decode.
@Suite(.serialized, .requiresMediaTools) struct EngineFaultTests {
    @Test func aLinkDroppedTenTimesFinishesByItself() throws {
        // ~30 MB of sub stream; the server drops every connection after 2.5 MB
        let fx = try EngineFixture { $0.rtsp.faults.dropAfterBytes = 2_500_000 }
        let range = try fx.steadyRange(minutes: 10)
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01"]))
        #expect(engine.waitUntilIdle(timeout: 300))
        let summary = try #require(log.summaries.last)
        #expect(summary.state == .done, "\(summary)")
        #expect((fx.sim.rtspServer?.statistics.connections ?? 0) >= 11)
        #expect(log.progress.contains { $0.camera("Camera 01")?.state == .retrying })
        // one file: every reconnect continued it
        #expect(try fx.doneFiles(job.id, "Camera 01").count == 1)
        try EngineTests.checkCoverage(fx, jobID: job.id, camera: "Camera 01", covered: [range])
    }

    /// `--replay-limit 1` against two cameras in parallel with two sessions allowed: whatever the
    /// timing, both finish.
    @Test func twoSessionsAgainstALimitOfOneBothFinish() throws {
        let fx = try EngineFixture { $0.rtsp.replayLimit = 1 }
        let range = try fx.steadyRange(minutes: 20)
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01", "Camera 02"],
                                                   parallel: 2, replaySessions: 2))
        #expect(engine.waitUntilIdle(timeout: 300))
        let summary = try #require(log.summaries.last)
        #expect(summary.state == .done, "\(summary)")
        for cam in ["Camera 01", "Camera 02"] { try EngineTests.checkCoverage(fx, jobID: job.id, camera: cam, covered: [range]) }
    }

    /// Another viewer holds the device's only replay session: the cameras meet 453, lower the
    /// limit, wait with back-off, and finish once the session is free.
    @Test func a453IsWaitedOutAndLowersTheLimit() throws {
        let fx = try EngineFixture { $0.rtsp.replayLimit = 1 }
        let range = try fx.steadyRange(minutes: 10)
        // the other viewer: a paced replay of channel 4
        let token = fx.sim.model.channels[3].recordingToken
        let viewer = try RTSPSession(url: "\(fx.rtspBase)/replay/\(token)/sub", user: "admin", password: "admin123")
        DispatchQueue(label: "viewer").async { _ = try? viewer.run(.replay(from: range.start, to: range.end, unpaced: false), sink: NullSink()) }
        #expect(EventLog().wait(timeout: 10) { _ in (fx.sim.rtspServer?.statistics.activeReplays ?? 0) == 1 })

        var options = DownloadOptions.testing
        options.backoff = Backoff(initial: 0.05, factor: 2, maximum: 0.2, attempts: 6)
        let log = EventLog()
        let engine = fx.engine(fx.access(), options: options, events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01", "Camera 02"],
                                                   parallel: 2, replaySessions: 2))
        // (the progress event that says "retrying" can come a moment after the server counted
        // the refusal: wait for both)
        let says453 = { log.progress.flatMap(\.cameras).contains { $0.state == .retrying && $0.reason?.en.contains("453") == true } }
        #expect(log.wait { _ in (fx.sim.rtspServer?.statistics.refusedForLimit ?? 0) >= 3 && says453() },
                "retrying states seen: \(log.progress.flatMap(\.cameras).filter { $0.state == .retrying }.map { $0.reason?.en ?? "-" })")
        viewer.cancel()
        #expect(engine.waitUntilIdle(timeout: 300))
        #expect(log.summaries.last?.state == .done)
        for cam in ["Camera 01", "Camera 02"] { try EngineTests.checkCoverage(fx, jobID: job.id, camera: cam, covered: [range]) }
    }

    @Test func theDefaultOfOneSessionNeverMeetsTheLimit() throws {
        let fx = try EngineFixture { $0.rtsp.replayLimit = 1 }
        let range = try fx.steadyRange(minutes: 2)
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        _ = try engine.start(DownloadRequest(sourceName: "sim", range: range, parallel: 2))
        #expect(engine.waitUntilIdle(timeout: 300))
        #expect(log.summaries.last?.state == .done)
        #expect(fx.sim.rtspServer?.statistics.refusedForLimit == 0)
    }

    @Test func pauseKeepsWhatArrivedAndResumeCompletesIt() throws {
        let fx = try EngineFixture()
        let range = try fx.steadyRange(minutes: 60)
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01"]))
        #expect(log.wait { _ in started(engine, job.id, bytes: 2_000_000) })
        engine.pause(jobID: job.id)
        #expect(engine.waitUntilIdle(timeout: 60))
        let paused = try #require(log.summaries.last)
        #expect(paused.state == .paused)
        #expect(paused.cameras.allSatisfy { $0.state == .paused && $0.files.count == 1 && $0.mediaSeconds < 3600 })
        for c in paused.cameras { for f in c.files { #expect(MediaCheck.decodeError(f) == nil) } }
        #expect(try fx.repo.read { try $0.downloadJob(id: job.id) }?.state == .paused)

        try engine.resume(jobID: job.id)
        #expect(engine.waitUntilIdle(timeout: 300))
        #expect(log.summaries.last?.state == .done)
        // two files that meet exactly at a keyframe: every picture once
        #expect(try fx.doneFiles(job.id, "Camera 01").count == 2)
        try EngineTests.checkCoverage(fx, jobID: job.id, camera: "Camera 01", covered: [range])
    }

    /// Pause and, at once, resume: the resume comes while the camera is still stopping (its run
    /// has not ended yet). It must not be lost: the camera runs again and finishes.
    @Test func aResumeRightAfterAPauseIsKept() throws {
        let fx = try EngineFixture()
        let range = try fx.steadyRange(minutes: 5)
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01"]))
        #expect(log.wait { _ in started(engine, job.id, bytes: 500_000) })
        engine.pause(jobID: job.id, camera: "Camera 01")
        try engine.resume(jobID: job.id, camera: "Camera 01")
        #expect(engine.waitUntilIdle(timeout: 300))
        let summary = try #require(log.summaries.last)
        #expect(summary.state == .done, "\(summary)")
        try EngineTests.checkCoverage(fx, jobID: job.id, camera: "Camera 01", covered: [range])
    }

    /// One session at a time: one camera runs while two wait; one of these is paused and the
    /// other cancelled, the first goes on; the paused one, resumed, finishes after it.
    @Test func pausingAndCancellingOneCameraLeavesTheOthersRunning() throws {
        let fx = try EngineFixture()
        let range = try fx.steadyRange(minutes: 30)
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01", "Camera 02", "Camera 03"],
                                                   parallel: 3, replaySessions: 1))
        // the one that got the session
        #expect(log.wait { _ in engine.progress(jobID: job.id)?.cameras.contains { $0.bytes > 0 } ?? false })
        let names = ["Camera 01", "Camera 02", "Camera 03"]
        let first = try #require(engine.progress(jobID: job.id)?.cameras.first { $0.bytes > 0 }?.camera)
        let others = names.filter { $0 != first }
        let (second, third) = (others[0], others[1])
        engine.pause(jobID: job.id, camera: second)
        try engine.cancel(jobID: job.id, camera: third)
        #expect(log.wait { _ in
            let p = engine.progress(jobID: job.id)
            return p?.camera(second)?.state == .paused && p?.camera(third)?.state == .cancelled
        })
        #expect(engine.progress(jobID: job.id)?.camera(first)?.state == .running)
        try engine.resume(jobID: job.id, camera: second)
        #expect(engine.waitUntilIdle(timeout: 300))
        let summary = try #require(log.summaries.last)
        #expect(summary.state == .cancelled)
        #expect(Dictionary(uniqueKeysWithValues: summary.cameras.map { ($0.camera, $0.state) })
            == [first: .done, second: .done, third: .cancelled])
        #expect(try fx.doneFiles(job.id, third).isEmpty)
        for cam in [first, second] { try EngineTests.checkCoverage(fx, jobID: job.id, camera: cam, covered: [range]) }
        // a cancelled job is not resumable
        #expect(throws: DownloadError.self) { try engine.start(jobID: job.id) }
    }

    @Test(.enabled(if: Tmpfs.canMount, Comment(rawValue: Tmpfs.unavailableReason)))
    func aFullDiskPausesTheCameraWithASentenceAndResumeFinishes() throws {
        let mountPoint = Scratch("tmpfs")
        let unmount = try #require(Tmpfs.mount(at: mountPoint.path, options: "size=160m"), "cannot mount a tmpfs at \(mountPoint.path)")
        defer { unmount() }
        let fx = try EngineFixture(videoRoot: mountPoint.path + "/videos")
        let range = try fx.steadyRange(minutes: 5) // ~15 MB of sub stream
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        let job = try engine.createJob(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01"], maxFileSizeMB: 1))
        // the disk fills up (another program): 6 MB left
        let filler = mountPoint.path + "/filler"
        var st = statvfs()
        statvfs(mountPoint.path, &st)
        let free = Int(st.f_bavail) * Int(st.f_frsize)
        #expect(FileManager.default.createFile(atPath: filler, contents: Data(count: free - 6_000_000)))
        try engine.start(jobID: job.id)
        #expect(engine.waitUntilIdle(timeout: 120))
        let paused = try #require(log.summaries.last)
        #expect(paused.state == .paused)
        let cam = try #require(paused.cameras.first)
        #expect(cam.state == .paused)
        #expect(cam.reason?.en.contains("is full") == true, "\(String(describing: cam.reason))")
        #expect(cam.reason?.vi.contains("đầy") == true)
        #expect(!cam.files.isEmpty)
        for f in cam.files { #expect(MediaCheck.decodeError(f) == nil, "\(f)") }

        // the fix: room again
        // truncated first: a process started meanwhile by another test (a tmux server keeps every
        // descriptor it inherits) may hold the file open, and removing it would then free nothing
        #expect(truncate(filler, 0) == 0)
        try FileManager.default.removeItem(atPath: filler)
        try engine.resume(jobID: job.id)
        #expect(engine.waitUntilIdle(timeout: 120))
        #expect(log.summaries.last?.state == .done)
        try EngineTests.checkCoverage(fx, jobID: job.id, camera: "Camera 01", covered: [range])
    }

    @Test(.enabled(if: ReadOnlyFolder.canMake, Comment(rawValue: ReadOnlyFolder.unavailableReason)))
    func aReadOnlyFolderPausesTheCameraAndResumeFinishes() throws {
        let fx = try EngineFixture()
        let range = try fx.steadyRange(minutes: 10)
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01"], maxFileSizeMB: 2))
        let folder = try #require(try fx.repo.read { try $0.downloadCameras(jobID: job.id) }.first?.folder)
        #expect(log.wait { _ in ((try? fx.doneFiles(job.id, "Camera 01").count) ?? 0) >= 2 })
        guard let restore = ReadOnlyFolder.make(folder) else {
            Issue.record("cannot make \(folder) read-only")
            try engine.cancel(jobID: job.id)
            engine.waitUntilIdle()
            return
        }
        #expect(engine.waitUntilIdle(timeout: 120))
        restore()
        let paused = try #require(log.summaries.last)
        #expect(paused.state == .paused, "\(paused)")
        let cam = try #require(paused.cameras.first)
        #expect(cam.reason?.en.contains("Cannot write to the folder") == true, "\(String(describing: cam.reason))")
        for f in cam.files { #expect(MediaCheck.decodeError(f) == nil, "\(f)") }

        try engine.resume(jobID: job.id)
        #expect(engine.waitUntilIdle(timeout: 120))
        #expect(log.summaries.last?.state == .done, "\(String(describing: log.summaries.last))")
        try EngineTests.checkCoverage(fx, jobID: job.id, camera: "Camera 01", covered: [range])
    }
}


extension EngineFaultTests {
    /// The device lists recordings but refuses ONVIF replay (551): the camera switches to the
    /// vendor's playback URL (Hikvision's, which does not stop at its end: the client does).
    @Test func a551SwitchesToTheVendorFallback() throws {
        let fx = try EngineFixture { $0.profileG = false; $0.vendor = .hikvision }
        let range = try fx.steadyRange(minutes: 5)
        var access = fx.access()
        access.hikvisionFallback = true
        let log = EventLog()
        let engine = fx.engine(access, events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01"]))
        #expect(engine.waitUntilIdle(timeout: 120))
        #expect(log.summaries.last?.state == .done, "\(String(describing: log.summaries.last))")
        #expect(try fx.repo.read { try $0.downloadCameras(jobID: job.id) }.first?.replay == "fallback:hikvision")
        #expect((fx.sim.rtspServer?.statistics.requests["DESCRIBE"] ?? 0) >= 2) // the refused replay, then the fallback
        try EngineTests.checkCoverage(fx, jobID: job.id, camera: "Camera 01", covered: [range])
    }

    /// The camera's folder disappears mid-download (deleted, disk unmounted): the camera pauses
    /// with a sentence naming it; once it is back, the resume downloads what was lost with it.
    @Test func aFolderThatDisappearsPausesTheCameraAndResumeFinishes() throws {
        let fx = try EngineFixture()
        let range = try fx.steadyRange(minutes: 10)
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01"], maxFileSizeMB: 2))
        let folder = try #require(try fx.repo.read { try $0.downloadCameras(jobID: job.id) }.first?.folder)
        #expect(log.wait { _ in ((try? fx.doneFiles(job.id, "Camera 01").count) ?? 0) >= 2 })
        // moved away in one step, then deleted: a plain recursive delete races the writer, which
        // may create the next file between the listing and the final rmdir
        let gone = folder + ".gone"
        try FileManager.default.moveItem(atPath: folder, toPath: gone)
        try FileManager.default.removeItem(atPath: gone)
        #expect(engine.waitUntilIdle(timeout: 120))
        let paused = try #require(log.summaries.last)
        #expect(paused.state == .paused, "\(paused)")
        #expect(paused.cameras.first?.reason?.en.contains("no longer exists") == true, "\(String(describing: paused.cameras.first?.reason))")

        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try engine.resume(jobID: job.id)
        #expect(engine.waitUntilIdle(timeout: 120))
        #expect(log.summaries.last?.state == .done)
        // the files deleted with the folder are gone from the database too, and were downloaded again
        let files = try fx.doneFiles(job.id, "Camera 01")
        #expect(files.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        try EngineTests.checkCoverage(fx, jobID: job.id, camera: "Camera 01", covered: [range])
    }

    /// The camera's folder is swapped mid-download for a symbolic link to a folder outside the
    /// video root: no new file is made and nothing is renamed through the link (the `.part` open
    /// at that moment may only be finished where it already is), the camera pauses with a
    /// sentence saying the folder was replaced; a resume is refused while the link is there and
    /// finishes once the folder is back.
    @Test func aFolderSwappedForALinkMidRunIsNeverWrittenThrough() throws {
        // the replay is held after 5 MB (two 2 MB files done): the swap happens mid-job, provably
        let fx = try EngineFixture { $0.rtsp.faults.holdAfterBytes = [5_000_000] }
        let hold = try #require(fx.sim.rtspServer?.hold)
        let held = DispatchSemaphore(value: 0)
        hold.onHold { _, _ in held.signal() }
        let range = try fx.steadyRange(minutes: 10)
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01"], maxFileSizeMB: 2))
        let folder = try #require(try fx.repo.read { try $0.downloadCameras(jobID: job.id) }.first?.folder)
        #expect(held.wait(timeout: .now() + 120) == .success)
        #expect(try fx.doneFiles(job.id, "Camera 01").count >= 1)
        let outside = fx.scratch.file("outside-the-root")
        try FileManager.default.moveItem(atPath: folder, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: outside)
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: outside))
        hold.release()
        #expect(engine.waitUntilIdle(timeout: 120))
        let paused = try #require(log.summaries.last)
        #expect(paused.state == .paused, "\(paused)")
        #expect(paused.cameras.first?.reason?.en.contains("was replaced during the download") == true,
                "\(String(describing: paused.cameras.first?.reason))")
        // every name that appeared outside is the rename of a .part that was already there
        let parts = before.filter { $0.hasSuffix(".mp4.part") }.map { String($0.dropLast(".mp4.part".count)) + "_" }
        let added = Set(try FileManager.default.contentsOfDirectory(atPath: outside)).subtracting(before)
        #expect(added.allSatisfy { n in !n.hasSuffix(".part") && parts.contains { n.hasPrefix($0) } }, "\(added)")
        #expect(added.count <= 1, "\(added)")

        // while the link is there, a resume refuses (the folder check) and writes nothing
        let listing = Set(try FileManager.default.contentsOfDirectory(atPath: outside))
        try? engine.resume(jobID: job.id)
        #expect(engine.waitUntilIdle(timeout: 120))
        #expect(log.summaries.last?.state != .done)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: outside)) == listing)

        // the folder back in its place: the resume finishes the job with nothing missing
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.moveItem(atPath: outside, toPath: folder)
        try engine.resume(jobID: job.id)
        #expect(engine.waitUntilIdle(timeout: 120))
        #expect(log.summaries.last?.state == .done, "\(String(describing: log.summaries.last))")
        try EngineTests.checkCoverage(fx, jobID: job.id, camera: "Camera 01", covered: [range])
    }

    /// The job's lock file cannot be opened (here a folder sits at its path): one sentence that
    /// names it — not "already running", which would send the technician looking for another
    /// process — nothing starts, and once the path is free the job runs.
    @Test func anUnopenableLockFileIsItsOwnSentence() throws {
        let fx = try EngineFixture()
        let range = try fx.steadyRange(minutes: 1)
        let log = EventLog()
        let engine = fx.engine(fx.access(), events: log)
        let job = try engine.createJob(DownloadRequest(sourceName: "sim", range: range, cameras: ["Camera 01"]))
        let lockPath = fx.repo.path + ".download-\(job.id).lock"
        try FileManager.default.createDirectory(atPath: lockPath, withIntermediateDirectories: false)
        #expect(throws: DownloadError.lockFileFailed(path: lockPath, errno: EISDIR)) { try engine.start(jobID: job.id) }
        let sentence = DownloadError.lockFileFailed(path: lockPath, errno: EISDIR).message
        #expect(sentence.en.contains(lockPath) && sentence.en.contains("not a folder"), "\(sentence.en)")
        #expect(sentence.vi.contains(lockPath) && sentence.vi.contains("không phải là thư mục"), "\(sentence.vi)")
        #expect(engine.runningJobs.isEmpty)
        #expect(try fx.repo.read { try $0.downloadJob(id: job.id) }?.state == .queued)
        // cancelling meets the same sentence and changes nothing
        #expect(throws: DownloadError.lockFileFailed(path: lockPath, errno: EISDIR)) { try engine.cancelStopped(jobID: job.id) }
        #expect(try fx.repo.read { try $0.downloadJob(id: job.id) }?.state == .queued)

        try FileManager.default.removeItem(atPath: lockPath)
        try engine.start(jobID: job.id)
        #expect(engine.waitUntilIdle(timeout: 120))
        #expect(log.summaries.last?.state == .done)
    }
}

/// True once every camera of a running job has downloaded more than `bytes`.
func started(_ engine: DownloadEngine, _ job: Int64, bytes: Int64) -> Bool {
    guard let p = engine.progress(jobID: job), !p.cameras.isEmpty else { return false }
    return p.cameras.allSatisfy { $0.bytes > bytes }
}

/// A sink that throws pictures away (another viewer).
final class NullSink: MediaSink {
    func received(_ accessUnit: AccessUnit) throws -> SinkDecision { .continue }
}
