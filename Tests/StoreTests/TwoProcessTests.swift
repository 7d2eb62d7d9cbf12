import Common
import Foundation
import GRDB
import Testing
import TestSupport
@testable import Store

/// Two real processes (Tests/StoreWorker) write the same database at once. Each does `count`
/// IMMEDIATE transactions that hold the write lock briefly and increment a counter; any
/// "database is locked" makes a worker exit non-zero, any lost update makes the total wrong.
@Suite(.serialized) struct TwoProcessTests {
    static let count = 150

    func runTwoWorkers(db: String, key: String, folder: Scratch) throws -> [(status: Int32, out: String, err: String)] {
        let worker = BuiltProducts.path("vtrack-store-worker")
        guard FileManager.default.isExecutableFile(atPath: worker) else {
            Issue.record("missing \(worker): build it with `swift build --build-tests`")
            return []
        }
        let go = folder.file("go")
        let results = LockedResults()
        let group = DispatchGroup()
        for id in 1 ... 2 {
            group.enter()
            Thread.detachNewThread {
                let r = Spawn.run(worker, ["--db", db, "--key", key, "--id", "\(id)", "--count", "\(Self.count)",
                                           "--ready", folder.file("ready-\(id)"), "--wait-for", go])
                results.append((status: r.status, out: r.out, err: r.err))
                group.leave()
            }
        }
        // both processes started and polling for the go file, so their writes overlap
        #expect(eventually { (1 ... 2).allSatisfy { FileManager.default.fileExists(atPath: folder.file("ready-\($0)")) } },
                "the workers did not start")
        _ = FileManager.default.createFile(atPath: go, contents: Data())
        group.wait()
        return results.all
    }

    @Test func twoProcessesOnANewFileNeverSeeALockedDatabase() throws {
        let tmp = Scratch("two-proc")
        let loc = tmp.locations()
        let results = try runTwoWorkers(db: loc.databaseFile, key: loc.keyFile, folder: tmp)
        #expect(results.count == 2)
        for r in results {
            #expect(r.status == 0, "worker failed: \(r.out) \(r.err)")
        }
        let repo = try Repository(locations: loc)
        #expect(try repo.processingConfig().defaultDays == 2 * Self.count)
        let sources = try repo.sources()
        #expect(sources.count == 20)
        for s in sources {
            #expect(try repo.password(for: s).hasPrefix("pw-"))
        }
        #expect(try repo.appliedMigrations().count == 6)
    }

    @Test func twoProcessesAdoptingThePrototypeAtOnce() throws {
        let tmp = Scratch("two-proc-proto")
        let loc = tmp.locations()
        try FileManager.default.createDirectory(atPath: tmp.file("data"), withIntermediateDirectories: true)
        try PrototypeFixture.create(at: loc.databaseFile)
        let results = try runTwoWorkers(db: loc.databaseFile, key: loc.keyFile, folder: tmp)
        for r in results {
            #expect(r.status == 0, "worker failed: \(r.out) \(r.err)")
        }
        let repo = try Repository(locations: loc)
        #expect(try repo.password(for: try repo.requireSource(named: "nvr_localhost")) == PrototypeFixture.password)
        // The prototype's row had default_days 30; both workers added theirs.
        #expect(try repo.processingConfig().defaultDays == 30 + 2 * Self.count)
        try repo.close()
        #expect(!contains(rawDatabaseBytes(loc.databaseFile), PrototypeFixture.password))
    }

    /// Another program (the prototype, which takes no `flock`) is in the middle of a write on
    /// the rollback-journal file while VTrack opens it. Switching to WAL must then wait for that
    /// write: SQLite answers `PRAGMA journal_mode = WAL` with SQLITE_BUSY at once, without the
    /// busy handler, so an open that does not retry fails with "database is locked".
    @Test func adoptingWhileAnotherProgramWritesThePrototypeWaitsForIt() throws {
        let tmp = Scratch("proto-busy")
        let loc = tmp.locations()
        try FileManager.default.createDirectory(atPath: tmp.file("data"), withIntermediateDirectories: true)
        try PrototypeFixture.create(at: loc.databaseFile)
        var otherConfig = Configuration()
        otherConfig.busyMode = .timeout(30) // its COMMIT waits for VTrack's brief read locks
        let other = try DatabaseQueue(path: loc.databaseFile, configuration: otherConfig)
        let writing = DispatchSemaphore(value: 0), finish = DispatchSemaphore(value: 0)
        let otherDone = DispatchGroup()
        otherDone.enter()
        Thread.detachNewThread {
            defer { otherDone.leave() }
            try? other.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) { // holds the write (RESERVED) lock
                    try db.execute(sql: "UPDATE processing_config SET default_days = default_days + 1")
                    writing.signal()
                    finish.wait()
                    return .commit
                }
            }
        }
        writing.wait()
        let opened = LockedResults()
        let openDone = DispatchGroup()
        // signalled when the open meets the held lock and waits (or, failing, when it ends)
        let metTheLock = DispatchSemaphore(value: 0)
        openDone.enter()
        Thread.detachNewThread {
            defer { openDone.leave(); metTheLock.signal() }
            do {
                let repo = try Repository(locations: loc, busyTimeout: 30, environment: ProcessInfo.processInfo.environment,
                                          onBusy: { metTheLock.signal() })
                let days = try repo.processingConfig().defaultDays
                try repo.close()
                opened.append((status: 0, out: "\(days)", err: ""))
            } catch {
                opened.append((status: 1, out: "", err: "\(error)"))
            }
        }
        // Once the open has met the held lock (observed, not slept for), the other program
        // commits. The open must wait for it, not fail (without the fix it fails at once).
        #expect(metTheLock.wait(timeout: .now() + 60) == .success)
        finish.signal()
        otherDone.wait()
        openDone.wait()
        try other.close()
        let result = try #require(opened.all.first)
        #expect(result.status == 0, "open failed: \(result.err)")
        // The other program's update was kept, and the clear-text password is gone.
        #expect(result.out == "31")
        #expect(!contains(rawDatabaseBytes(loc.databaseFile), PrototypeFixture.password))
    }
}

final class LockedResults: @unchecked Sendable { // guarded by `lock`
    private let lock = NSLock()
    private var items: [(status: Int32, out: String, err: String)] = []
    func append(_ r: (status: Int32, out: String, err: String)) { lock.lock(); items.append(r); lock.unlock() }
    var all: [(status: Int32, out: String, err: String)] { lock.lock(); defer { lock.unlock() }; return items }
}
