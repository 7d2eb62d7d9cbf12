import Common
import Foundation
import Testing
import TestSupport
@testable import Store

@Suite struct SecretTests {
    static let password = "Zq9-UNIQUE-p@ss/w?rd%-Mật khẩu"

    @Test func thePasswordIsNeverInClearInTheDatabaseFiles() throws {
        let tmp = Scratch()
        let loc = tmp.locations()
        let repo = try Repository(locations: loc)
        let s = try repo.write { tx in
            let s = try tx.addSource(name: "nvr", config: SourceConfig(url: "10.0.0.9", username: "admin"))
            try tx.setPassword(Self.password, for: s)
            return s
        }
        #expect(try repo.password(for: s) == Self.password)
        // While open (pages in the WAL) and after closing (checkpointed into the main file).
        #expect(!contains(rawDatabaseBytes(loc.databaseFile), Self.password))
        #expect(!contains(rawDatabaseBytes(loc.databaseFile), "Mật khẩu"))
        try repo.close()
        #expect(!contains(rawDatabaseBytes(loc.databaseFile), Self.password))
        // Nor in the key file, and the sealed value is bound to its row.
        #expect(!contains(FileManager.default.contents(atPath: loc.keyFile) ?? Data(), Self.password))
        #expect(FileManager.default.contents(atPath: loc.keyFile)?.count == 32)
    }

    @Test func aLostKeyAsksToReEnterThePassword() throws {
        let tmp = Scratch()
        let loc = tmp.locations()
        let repo = try Repository(locations: loc)
        let s = try repo.write { tx in
            let s = try tx.addSource(name: "nvr", config: SourceConfig(url: "h"))
            try tx.setPassword("secret-1", for: s)
            return s
        }
        try FileManager.default.removeItem(atPath: loc.keyFile)
        #expect(throws: StoreError.passwordUnavailable(source: "nvr", keyFile: loc.keyFile)) { try repo.password(for: s) }
        let e = StoreError.passwordUnavailable(source: "nvr", keyFile: loc.keyFile)
        #expect(e.text(.en).contains("re-enter the password"))
        #expect(e.text(.vi).contains("nhập lại mật khẩu"))

        // Re-entering works and creates a new key.
        try repo.write { try $0.setPassword("secret-2", for: s) }
        #expect(try repo.password(for: s) == "secret-2")
    }

    @Test func aChangedOrDamagedKeyAsksToReEnterThePassword() throws {
        let tmp = Scratch()
        let loc = tmp.locations()
        let repo = try Repository(locations: loc)
        let s = try repo.write { tx in
            let s = try tx.addSource(name: "nvr", config: SourceConfig(url: "h"))
            try tx.setPassword("secret-1", for: s)
            return s
        }
        try Data((0 ..< 32).map { _ in UInt8.random(in: 0 ... 255) }).write(to: URL(fileURLWithPath: loc.keyFile))
        #expect(throws: StoreError.passwordUnavailable(source: "nvr", keyFile: loc.keyFile)) { try repo.password(for: s) }
        try Data("short".utf8).write(to: URL(fileURLWithPath: loc.keyFile))
        #expect(throws: StoreError.passwordUnavailable(source: "nvr", keyFile: loc.keyFile)) { try repo.password(for: s) }
        #expect(throws: StoreError.keyFileDamaged(path: loc.keyFile)) { try repo.write { try $0.setPassword("x", for: s) } }
    }

    @Test func aSealedPasswordMovedToAnotherRowDoesNotOpen() throws {
        let tmp = Scratch()
        let box = SecretBox(keyFile: tmp.file("k/secret.key"))
        let sealed = try box.seal("pw", context: StoreWriter.secretContext(1))
        #expect(try box.unseal(sealed, context: StoreWriter.secretContext(1), sourceName: "a") == "pw")
        #expect(throws: StoreError.self) { try box.unseal(sealed, context: StoreWriter.secretContext(2), sourceName: "a") }
        #expect(permissions(tmp.file("k/secret.key")) == 0o600)
        #expect(permissions(tmp.file("k")) == 0o700)
    }

    @Test func noSavedPasswordIsSaidSo() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        let s = try repo.write { try $0.addSource(name: "nvr", config: SourceConfig(url: "h")) }
        #expect(!s.hasPassword)
        #expect(throws: StoreError.noPassword(source: "nvr")) { try repo.password(for: s) }
    }

    @Test func racingCreatorsOfTheKeyAgreeOnIt() throws {
        // Threads released together race to create the key, over several rounds (the window
        // between one creator's `link` and another's first read is narrow): every creator must
        // succeed, and all must end with the same key.
        for round in 0 ..< 20 {
            let tmp = Scratch("key-race")
            let path = tmp.file("cfg/secret.key")
            let creators = 8
            let results = LockedArray(count: creators)
            let ready = DispatchGroup(), done = DispatchGroup()
            let go = DispatchSemaphore(value: 0)
            for i in 0 ..< creators {
                ready.enter()
                done.enter()
                Thread.detachNewThread {
                    ready.leave()
                    _ = go.wait(timeout: .now() + 60)
                    let outcome: String
                    do {
                        outcome = try SecretBox(keyFile: path).seal("pw\(i)", context: "c").keyID
                    } catch {
                        outcome = "error: \(error)"
                    }
                    results.set(i, outcome)
                    done.leave()
                }
            }
            // bounds, not measurements: a creator that hangs fails the test instead of the suite
            try #require(ready.wait(timeout: .now() + 60) == .success, "round \(round): the creators did not start")
            for _ in 0 ..< creators { go.signal() }
            try #require(done.wait(timeout: .now() + 60) == .success, "round \(round): a creator never finished")
            let outcomes = results.values.compactMap { $0 }
            #expect(!outcomes.contains { $0.hasPrefix("error") }, "round \(round): \(outcomes)")
            #expect(Set(outcomes).count == 1, "round \(round): \(outcomes)")
        }
    }
}

/// A fixed-size array written by index from several threads under a lock.
final class LockedArray: @unchecked Sendable { // guarded by `lock`
    private let lock = NSLock()
    private var storage: [String?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: String?) { lock.lock(); storage[i] = v; lock.unlock() }
    var values: [String?] { lock.lock(); defer { lock.unlock() }; return storage }
}
