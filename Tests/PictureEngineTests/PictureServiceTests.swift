import Common
import Core
import Foundation
import ONVIF
import Pictures
import Simulator
import Testing
import TestSupport

/// Core's PictureService: take (snapshot, key-frame fallback), load (concurrency, events,
/// cache) against the simulator.
@Suite struct PictureServiceTests {
    @Test func snapshotKeepsTheDevicesJPEG() throws {
        let s = try PictureSim()
        let target = try #require(try s.targets().first)
        let p = try PictureService().take(target)
        #expect(p.origin == .snapshot)
        #expect(ImageKind.sniff(p.jpeg) == .jpeg)
        let sub = s.sim.model.channels[0].sub
        #expect(p.width == sub.width && p.height == sub.height)
        #expect(p.picture.width == sub.width)
        #expect(try ImageDecoder.decode(p.jpeg).width == sub.width)
    }

    @Test func bigSnapshotIsKeptAt1280WideWithItsOriginalSize() throws {
        let s = try PictureSim { $0.snapshotSize = .main }
        let target = try #require(try s.targets().first)
        let p = try PictureService().take(target)
        #expect(p.width == 1920 && p.height == 1080)
        #expect(p.picture.width == 1280 && p.picture.height == 720)
        #expect(p.resolution == "1920x1080")
    }

    @Test func noSnapshotURITakesTheSubStreamsKeyFrame() throws {
        let s = try PictureSim { $0.noSnapshotURI = [2] }
        let targets = try s.targets()
        let two = try #require(targets.first { $0.camera.channel == 2 })
        #expect(two.camera.snapshotURL == nil)
        let p = try PictureService().take(two)
        #expect(p.origin == .keyFrame)
        let sub = s.sim.model.channels[1].sub
        #expect(p.width == sub.width && p.height == sub.height)
        #expect(ImageKind.sniff(p.jpeg) == .jpeg)
        #expect(try ImageDecoder.decode(p.jpeg).width == sub.width)
        #expect(s.snapshotRequests(2) == 0)
        #expect(eventually { (s.sim.rtspServer?.statistics.teardowns ?? 0) == 1 })
    }

    @Test(arguments: [SnapshotFault.notFound, .htmlPage, .oversized])
    func failedSnapshotFallsBackToTheKeyFrame(_ fault: SnapshotFault) throws {
        let s = try PictureSim { $0.snapshotFault = fault }
        let target = try #require(try s.targets().first)
        let p = try PictureService().take(target)
        #expect(p.origin == .keyFrame)
        #expect(s.snapshotRequests(1) >= 1)
    }

    @Test func wrongHostSnapshotIsRewritten() throws {
        let s = try PictureSim { $0.snapshotFault = .wrongHost }
        var raw = ClientOptions()
        raw.rewriteAdvertisedAddresses = false
        let target = try #require(try s.targets(clientOptions: raw).first)
        #expect(target.camera.snapshotURL?.contains("192.0.2.1") == true)
        let p = try PictureService().take(target)
        #expect(p.origin == .snapshot)
        #expect(s.sim.stats.snapshots(channel: 1) == 1)
    }

    @Test func bothFailingSaysWhyInOneSentence() throws {
        let s = try PictureSim()
        let secret = "Wr0ng-s3cret"
        let target = try #require(try s.targets(password: secret).first)
        let e = #expect(throws: PictureFailure.self) { _ = try PictureService().take(target) }
        let en = e?.text(.en) ?? ""
        #expect(en.hasPrefix("No picture: the snapshot failed ("))
        #expect(en.contains("refused the snapshot login"))
        #expect(en.contains("the stream gave no picture either"))
        #expect(!en.contains(secret) && !(e?.text(.vi).contains(secret) ?? true))
    }

    @Test func stalledSnapshotTimesOutAndTheStreamStillGivesAPicture() throws {
        let s = try PictureSim { $0.snapshotFault = .stall }
        let target = try #require(try s.targets().first)
        let service = PictureService(clientOptions: ClientOptions(), maxConcurrent: 4, options: PictureOptions(snapshotTimeout: 0.5))
        let p = try service.take(target)
        #expect(p.origin == .keyFrame)
    }

    @Test func loadEmitsLoadingThenLoadedAtMostMaxConcurrentAtOnce() throws {
        let s = try PictureSim { $0.channels = 10; $0.noSnapshotURI = [9, 10] }
        let targets = try s.targets()
        #expect(targets.count == 10)
        let service = PictureService(clientOptions: ClientOptions(), maxConcurrent: 3, options: PictureOptions())
        let log = EventLog()
        service.load(targets, refresh: false) { log.append($0) }
        #expect(eventually { log.finished.count == 10 })
        for t in targets {
            #expect(log.kinds(t.key) == ["loading", "loaded"], "\(t.camera.name): \(log.kinds(t.key))")
            #expect(service.cached(key: t.key) != nil)
        }
        let stats = service.statistics
        #expect(stats.takes == 10)
        #expect(stats.peakRunning >= 1 && stats.peakRunning <= 3)
        #expect(stats.running == 0)
        #expect(s.sim.stats.totalSnapshots == 8)
        #expect(service.cached(key: targets[8].key)?.origin == .keyFrame)

        // a second load answers from the cache: no request reaches the device
        let requestsBefore = s.totalSnapshotRequests
        let again = EventLog()
        service.load(targets, refresh: false) { again.append($0) }
        #expect(eventually { again.finished.count == 10 })
        #expect(service.statistics.cacheHits == 10)
        #expect(service.statistics.takes == 10)
        #expect(s.totalSnapshotRequests == requestsBefore)

        // refresh takes them again
        let fresh = EventLog()
        service.load(Array(targets.prefix(2)), refresh: true) { fresh.append($0) }
        #expect(eventually { fresh.finished.count == 2 })
        #expect(service.statistics.takes == 12)
        #expect(s.sim.stats.totalSnapshots == 10)
    }

    @Test func refreshWhileLoadingJoinsTheTakeInFlight() throws {
        // every snapshot stalls until its timeout, so the first load is surely still running
        let s = try PictureSim { $0.channels = 3; $0.snapshotFault = .stall }
        let targets = try s.targets()
        let service = PictureService(clientOptions: ClientOptions(), maxConcurrent: 2, options: PictureOptions(snapshotTimeout: 2))
        let first = EventLog(), second = EventLog()
        service.load(targets, refresh: true) { first.append($0) }
        service.load(targets, refresh: true) { second.append($0) }
        #expect(eventually { first.finished.count == 3 && second.finished.count == 3 })
        #expect(service.statistics.takes == 3)
        for t in targets {
            #expect(first.kinds(t.key) == ["loading", "loaded"])
            #expect(second.kinds(t.key) == ["loading", "loaded"])
        }
    }

    @Test func failuresAreEventsWithTheirSentence() throws {
        let s = try PictureSim { $0.channels = 2 }
        let targets = try s.targets(password: "nope")
        let service = PictureService()
        let log = EventLog()
        service.load(targets, refresh: false) { log.append($0) }
        #expect(eventually { log.finished.count == 2 })
        for t in targets {
            #expect(log.kinds(t.key) == ["loading", "failed"])
        }
        let sentence = log.all.compactMap { e -> Localized? in
            if case .failed(_, let why) = e { return why }
            return nil
        }.first
        #expect(sentence?.en.contains("refused the snapshot login") == true)
        #expect(sentence?.en.contains("nope") == false)
    }

    @Test func savedSourceTargetsCarryTheDecryptedPassword() throws {
        let s = try PictureSim { $0.channels = 3 }
        let home = Scratch("pictargets")
        let repo = try Repository(locations: StoreLocations(databaseFile: home.file("v.db"), keyFile: home.file("key")))
        let sources = SourceService(repository: repo)
        let tested = try sources.test(name: "sim", host: s.host, user: "admin", password: "admin123")
        _ = try sources.save(tested, choice: .names([tested.cameras[1].name]), videoRoot: home.folder("videos"))
        let all = try sources.pictureTargets(name: "sim")
        #expect(all.count == 3)
        #expect(all.allSatisfy { $0.password == "admin123" && $0.username == "admin" })
        #expect(!all[0].description.contains("admin123"))
        let ticked = try sources.pictureTargets(name: "sim", selectedOnly: true)
        #expect(ticked.map(\.camera.name) == [tested.cameras[1].name])
        let p = try PictureService().take(ticked[0])
        #expect(p.origin == .snapshot)
        // the terminal app's connection: nil password = the saved one
        let shown = try sources.pictureTargets(name: "sim", host: s.host, port: nil, user: "admin", password: nil, cameras: tested.cameras)
        #expect(shown.count == 3 && shown[0].password == "admin123")
    }
}
