import Common
import Foundation
import Testing
@testable import Store

/// Two real processes (Tests/StoreWorker) write the same database at once. Each does `count`
/// IMMEDIATE transactions that hold the write lock briefly and increment a counter; any
/// "database is locked" makes a worker exit non-zero, any lost update makes the total wrong.
@Suite(.serialized) struct TwoProcessTests {
    static let count = 150

    func runTwoWorkers(db: String, key: String, folder: TempDir) throws -> [(status: Int32, out: String, err: String)] {
        let worker = builtProduct("vtrack-store-worker")
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
                let r = try? run(worker, ["--db", db, "--key", key, "--id", "\(id)", "--count", "\(Self.count)", "--wait-for", go])
                results.append(r ?? (status: -1, out: "", err: "could not start"))
                group.leave()
            }
        }
        usleep(200_000) // both processes started and polling for the go file
        _ = FileManager.default.createFile(atPath: go, contents: Data())
        group.wait()
        return results.all
    }

    @Test func twoProcessesOnANewFileNeverSeeALockedDatabase() throws {
        let tmp = TempDir("two-proc")
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
        #expect(try repo.appliedMigrations().count == 5)
    }

    @Test func twoProcessesAdoptingThePrototypeAtOnce() throws {
        let tmp = TempDir("two-proc-proto")
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
}

final class LockedResults: @unchecked Sendable { // guarded by `lock`
    private let lock = NSLock()
    private var items: [(status: Int32, out: String, err: String)] = []
    func append(_ r: (status: Int32, out: String, err: String)) { lock.lock(); items.append(r); lock.unlock() }
    var all: [(status: Int32, out: String, err: String)] { lock.lock(); defer { lock.unlock() }; return items }
}
