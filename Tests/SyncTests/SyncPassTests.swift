import Common
import Foundation
import Simulator
import Store
import Testing
import TestSupport
@testable import Core

/// Sync passes against the in-process simulator whose recordings grow 60 times faster than real
/// time: files appear pass after pass, and together they hold the device's footage exactly
/// (no duplicate beyond a GOP at a boundary, no hole the device has not).
@Suite(.serialized) struct SyncPassTests {
    @Test func filesAppearPassAfterPassAndCoverTheDevicesFootage() throws {
        let fx = try SyncFixture(behind: 1200)
        let log = SyncLog()
        let service = fx.service({ $0.since = 1500 }, log: log)
        let start = Date().addingTimeInterval(-1500)
        let first = service.runPass()
        #expect(log.problems.isEmpty, "\(log.problems)")
        #expect(first.files > 0)
        let cameras = try fx.cameras()
        var counts = try cameras.map { try fx.syncFiles($0).count }
        var marks = try fx.repo.read { r in try cameras.map { try r.syncCamera(sourceID: 1, camera: $0)?.highWater } }
        #expect(marks.allSatisfy { $0 != nil })
        // two more passes, each after the recorder has written three more minutes
        for _ in 0..<2 {
            let reached = fx.sim.recordings.deviceNow.addingTimeInterval(-fx.config.clockSkew)
            #expect(fx.waitForRecordings(past: reached.addingTimeInterval(180)))
            let pass = service.runPass()
            #expect(pass.files > 0)
            #expect(log.problems.isEmpty, "\(log.problems)")
            let now = try cameras.map { try fx.syncFiles($0).count }
            let newMarks = try fx.repo.read { r in try cameras.map { try r.syncCamera(sourceID: 1, camera: $0)?.highWater } }
            for i in cameras.indices {
                #expect(now[i] > counts[i], "\(cameras[i]): no new file")
                #expect(newMarks[i]! > marks[i]!.addingTimeInterval(120), "\(cameras[i]): the high-water mark did not move")
            }
            counts = now
            marks = newMarks
        }
        // the files hold what the device recorded from the first window's start to the last mark
        for (i, camera) in cameras.enumerated() {
            let span = DateInterval(start: start.addingTimeInterval(5), end: marks[i]!)
            checkSyncCoverage(files: try fx.syncFiles(camera), footage: try fx.footage(camera, in: span), span: span, camera: camera)
        }
        // every job was an ordinary one, done, and the status says where each camera is
        let jobs = try fx.repo.read { try $0.downloadJobs() }
        #expect(jobs.allSatisfy { $0.state == .done && $0.options["sync"] != nil })
        let status = try SyncService.status(repository: fx.repo)
        #expect(status.count == 1)
        #expect(status[0].cameras.map(\.camera) == cameras)
        #expect(status[0].cameras.allSatisfy { $0.lastSaved != nil && $0.lastError == nil })
    }

    /// The NVR stops answering for a while mid-sync: the passes meanwhile say so, and the first
    /// pass after it is back catches up with no hole.
    @Test func anNVROutageIsCaughtUpAfter() throws {
        let fx = try SyncFixture(behind: 1200)
        let log = SyncLog()
        let service = fx.service({ $0.since = 1500 }, log: log)
        let start = Date().addingTimeInterval(-1500)
        service.runPass()
        #expect(log.problems.isEmpty, "\(log.problems)")
        let cameras = try fx.cameras()
        let before = try fx.repo.read { r in try cameras.map { try r.syncCamera(sourceID: 1, camera: $0)!.highWater! } }

        fx.stopNVR()
        let down = service.runPass()
        #expect(!down.problems.isEmpty)
        #expect(down.files == 0)
        let status = try SyncService.status(repository: fx.repo)
        #expect(status[0].firstError != nil)
        // the recorder keeps recording while unreachable: four more minutes
        let reached = fx.sim.recordings.deviceNow.addingTimeInterval(-fx.config.clockSkew)
        #expect(fx.waitForRecordings(past: reached.addingTimeInterval(240)))
        try fx.startNVR()

        let back = service.runPass()
        #expect(back.files > 0)
        let after = try fx.repo.read { r in try cameras.map { try r.syncCamera(sourceID: 1, camera: $0)!.highWater! } }
        for (i, camera) in cameras.enumerated() {
            #expect(after[i] > before[i].addingTimeInterval(200))
            let span = DateInterval(start: start.addingTimeInterval(5), end: after[i])
            checkSyncCoverage(files: try fx.syncFiles(camera), footage: try fx.footage(camera, in: span), span: span, camera: camera)
        }
        #expect(try SyncService.status(repository: fx.repo)[0].firstError == nil)
    }

    /// Footage the device lists only later (uploaded late from a camera's card) inside a known
    /// gap is fetched when the gap is searched again; a gap that stays empty is searched a
    /// limited number of times, then left alone.
    @Test func aKnownGapIsRecheckedAFewTimesAndLateFootageIsFetched() throws {
        let fx = try SyncFixture(channels: 1, behind: 600)
        let log = SyncLog()
        let camera = try #require(try fx.cameras().first)
        let windowStart = Date().addingTimeInterval(-1200)
        let recorded = fx.sim.recordings.deviceNow.addingTimeInterval(-fx.config.clockSkew)
        // two stretches the device does not list yet (whole seconds, two minutes apart)
        let base = Date(timeIntervalSince1970: (windowStart.timeIntervalSince1970 / 60).rounded(.up) * 60)
        let late = DateInterval(start: base.addingTimeInterval(60), duration: 60)
        let never = DateInterval(start: base.addingTimeInterval(180), duration: 40)
        try #require(never.end < recorded.addingTimeInterval(-60))
        let hidden = HiddenFootage([late, never])
        let access = HiddenFootageAccess.factory(fx, hidden: hidden)
        let service = fx.service({ o in
            o.since = 1200
            o.gapRechecks = 3
            o.gapRecheckDelay = 0
        }, access: access, log: log)

        service.runPass()
        #expect(log.problems.isEmpty, "\(log.problems)")
        var gaps = try fx.repo.read { try $0.syncGaps(sourceID: 1, camera: camera) }
        #expect(gaps.contains { abs($0.range.start.timeIntervalSince(late.start)) < 1 && abs($0.range.end.timeIntervalSince(late.end)) < 1 }, "\(gaps)")
        #expect(gaps.contains { abs($0.range.start.timeIntervalSince(never.start)) < 1 }, "\(gaps)")
        #expect(try fx.syncFiles(camera).allSatisfy { f in f.end! <= late.start.addingTimeInterval(oneGOP) || f.start! >= late.end.addingTimeInterval(-oneGOP) })

        service.runPass()   // still hidden: one check
        hidden.reveal(late)
        service.runPass()   // found: fetched
        #expect(log.all.contains { if case .gapFilled(_, let c, _) = $0 { return c == camera } else { return false } })
        let files = try fx.syncFiles(camera)
        #expect(files.contains { $0.start! <= late.start.addingTimeInterval(oneGOP) && $0.end! >= late.end.addingTimeInterval(-oneGOP) },
                "\(files.map { "\($0.start!)–\($0.end!)" })")
        service.runPass()
        service.runPass()
        gaps = try fx.repo.read { try $0.syncGaps(sourceID: 1, camera: camera) }
        #expect(!gaps.contains { $0.range.intersects(late) && ($0.range.intersection(with: late)?.duration ?? 0) > 1 })
        let stays = try #require(gaps.first { abs($0.range.start.timeIntervalSince(never.start)) < 1 })
        #expect(stays.checks == 3)
        #expect(stays.nextCheckAt == nil)
        // everything else the device has is there once
        let mark = try #require(try fx.repo.read { try $0.syncCamera(sourceID: 1, camera: camera) }?.highWater)
        let span = DateInterval(start: windowStart.addingTimeInterval(5), end: mark)
        let device = IntervalMath.subtract(try fx.footage(camera, in: span), [never])
        checkSyncCoverage(files: try fx.syncFiles(camera), footage: device, span: span, camera: camera)
    }
}

/// A sync and a manual download never fetch the same camera at once: a camera a manual job is
/// fetching (any range) waits for the next pass, with the engine's sentence; the other cameras
/// go on.
@Suite(.serialized) struct SyncAndManualDownloadTests {
    @Test func aCameraAManualDownloadFetchesWaitsForTheNextPass() throws {
        let fx = try SyncFixture(behind: 900) { $0.rtsp.faults.holdAfterBytes = [200_000] }
        let cameras = try fx.cameras()
        let hold = fx.sim.rtspServer!.hold
        // the manual job: an old minute of the first camera, held by the simulator mid-replay
        let manualEvents = SyncLog()
        let engine = DownloadEngine(repository: fx.repo, queue: DispatchQueue(label: "manual")) { manualEvents.append(.download($0)) }
        let old = DateInterval(start: Date().addingTimeInterval(-1700), duration: 60)
        let manual = try engine.start(DownloadRequest(sourceName: fx.sourceName, range: old, cameras: [cameras[0]]))
        #expect(eventually { hold.isHeld })

        let log = SyncLog()
        let service = fx.service({ $0.since = 1200 }, log: log)
        let pass = DispatchGroup()
        pass.enter()
        DispatchQueue.global().async {
            service.runPass()
            pass.leave()
        }
        // told before anything of it is fetched; then the streams go on
        let told = eventually {
            log.all.contains { if case .cameraProblem(_, let c, let why) = $0 { return c == cameras[0] && why.en.contains("job \(manual.id)") } else { return false } }
        }
        #expect(told, "\(log.problems)")
        hold.release()
        pass.wait()
        engine.waitUntilIdle()
        #expect(try fx.syncFiles(cameras[0]).isEmpty)
        #expect(try !fx.syncFiles(cameras[1]).isEmpty)
        #expect(try fx.repo.read { try $0.syncCamera(sourceID: 1, camera: cameras[0]) }?.lastError != nil)
        // the manual job is over: the next pass brings the first camera too
        service.runPass()
        #expect(try !fx.syncFiles(cameras[0]).isEmpty)
        #expect(try fx.repo.read { try $0.syncCamera(sourceID: 1, camera: cameras[0]) }?.lastError == nil)
    }

    /// The other way round: while the sync fetches a camera, a manual download of that camera is
    /// refused even over a range the sync does not touch (one sentence naming the sync's job and
    /// process), and the refused job is not left behind; once the sync job ends it goes through.
    @Test func aManualDownloadOfACameraTheSyncFetchesIsRefused() throws {
        let fx = try SyncFixture(behind: 900) { $0.rtsp.faults.holdAfterBytes = [200_000] }
        let hold = fx.sim.rtspServer!.hold
        let log = SyncLog()
        let service = fx.service({ $0.since = 1200 }, log: log)
        let pass = DispatchGroup()
        pass.enter()
        DispatchQueue.global().async {
            service.runPass()
            pass.leave()
        }
        #expect(eventually { hold.isHeld })
        let syncJob = try #require(log.all.lazy.compactMap { e -> Int64? in
            if case let .jobStarted(_, id, _, _, _) = e { return id } else { return nil }
        }.first)
        // the camera the sync has not finished (the held one at least)
        let open = try fx.repo.read { try $0.downloadCameras(jobID: syncJob) }.filter { $0.state != .done }
        let camera = try #require(open.first?.camera)

        let engine = DownloadEngine(repository: fx.repo, queue: DispatchQueue(label: "manual")) { _ in }
        let old = DateInterval(start: Date().addingTimeInterval(-1700), duration: 60)
        let jobsBefore = try fx.repo.read { try $0.downloadJobs() }.count
        #expect(throws: DownloadError.cameraFetchedElsewhere(syncJob, camera: camera, pid: getpid(), bySync: true)) {
            try engine.start(DownloadRequest(sourceName: fx.sourceName, range: old, cameras: [camera]))
        }
        let sentence = DownloadError.cameraFetchedElsewhere(syncJob, camera: camera, pid: getpid(), bySync: true).message
        #expect(sentence.en.contains("being fetched by the sync (job \(syncJob), PID \(getpid()))"), "\(sentence.en)")
        #expect(try fx.repo.read { try $0.downloadJobs() }.count == jobsBefore)

        hold.release()
        pass.wait()
        #expect(log.problems.isEmpty, "\(log.problems)")
        let manual = try engine.start(DownloadRequest(sourceName: fx.sourceName, range: old, cameras: [camera]))
        engine.waitUntilIdle()
        #expect(try fx.repo.read { try $0.downloadJob(id: manual.id) }?.state == .done)
    }
}
