import Foundation
import Testing
import TestSupport

/// `--db` pointing at something that is not VTrack's database: refused with one sentence, and
/// the file is left exactly as it was (mode, content, no lock/journal/WAL file beside it).
@Suite struct HostileDatabasePathTests {
    /// What a path looks like from outside: mode and content (nil when missing).
    struct Snapshot: Equatable {
        var mode: Int?
        var content: Data?
        init(_ path: String) {
            let attrs = try? FileManager.default.attributesOfItem(atPath: path)
            mode = (attrs?[.posixPermissions] as? NSNumber)?.intValue
            content = FileManager.default.contents(atPath: path)
        }
    }

    static let sideFiles = ["-journal", "-wal", "-shm", ".lock"]

    func expectOneSentence(_ r: ProgramOutput, _ words: String, status: Int32 = 1,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "\(r.status) \(r.err)", sourceLocation: sourceLocation)
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1, "\(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.contains(words), "\(r.err)", sourceLocation: sourceLocation)
        #expect(!r.err.contains("Fatal error") && !r.err.contains("Stack"), sourceLocation: sourceLocation)
    }

    @Test(arguments: [["jobs"], ["sources", "list"], ["config", "show"], ["sources", "remove", "x"]])
    func aTextFileIsRefusedAndLeftUntouched(command: [String]) throws {
        let env = VTrackHome()
        let notes = env.file("notes.txt")
        try Data("shopping list\nmilk\n".utf8).write(to: URL(fileURLWithPath: notes))
        chmod(notes, 0o644)
        let before = Snapshot(notes)
        let r = env.vtrack(command + ["--db", notes], db: false)
        expectOneSentence(r, "not an SQLite database")
        #expect(Snapshot(notes) == before)
        for side in Self.sideFiles {
            #expect(!FileManager.default.fileExists(atPath: notes + side), "\(side) was created")
        }
    }

    @Test func aShortFileIsRefusedToo() throws {
        let env = VTrackHome()
        let short = env.file("short.db")
        try Data("SQLite".utf8).write(to: URL(fileURLWithPath: short))
        chmod(short, 0o640)
        let before = Snapshot(short)
        expectOneSentence(env.vtrack(["jobs", "--db", short], db: false), "not an SQLite database")
        #expect(Snapshot(short) == before)
        #expect(!FileManager.default.fileExists(atPath: short + ".lock"))
    }

    @Test func aFolderIsRefusedAndLeftUntouched() throws {
        let env = VTrackHome()
        let dir = env.dir.folder("a-folder")
        chmod(dir, 0o755)
        let r = env.vtrack(["jobs", "--db", dir], db: false)
        expectOneSentence(r, "is a folder")
        #expect(Snapshot(dir).mode == 0o755)
        for side in Self.sideFiles {
            #expect(!FileManager.default.fileExists(atPath: dir + side), "\(side) was created")
        }
    }

    @Test func anEmptyFileBecomesTheDatabase() throws {
        let env = VTrackHome()
        let empty = env.file("empty.db")
        #expect(FileManager.default.createFile(atPath: empty, contents: nil))
        let r = env.vtrack(["config", "set", "default_days", "3", "--db", empty], db: false)
        #expect(r.status == 0, "\(r.err)")
        #expect(env.vtrack(["config", "show", "--db", empty], db: false).out.contains("3"))
    }

    static let readOnlyCommands: [[String]] = [["sources", "list"], ["sources", "show", "x"], ["jobs"], ["jobs", "--json"],
                                               ["config", "show"]]

    @Test(arguments: readOnlyCommands)
    func lookingAtAMissingDatabaseCreatesNothing(command: [String]) {
        let env = VTrackHome()
        let db = env.file("nowhere/deeper/v.db")
        let r = env.vtrack(command + ["--db", db], db: false)
        expectOneSentence(r, "There is no database at \(db)")
        #expect(!FileManager.default.fileExists(atPath: env.file("nowhere")), "a folder was created")
    }

    @Test func lookingNeverWritesTheDatabase() throws {
        let env = VTrackHome()
        #expect(env.vtrack(["config", "set", "default_days", "3"]).status == 0)
        let before = try #require(FileManager.default.contents(atPath: env.db))
        for command in Self.readOnlyCommands where command != ["sources", "show", "x"] {
            let r = env.vtrack(command)
            #expect(r.status == 0, "\(command): \(r.err)")
        }
        let after = try #require(FileManager.default.contents(atPath: env.db))
        // bytes 24-27: the file change counter, bumped by every write
        #expect(after.subdata(in: 24..<28) == before.subdata(in: 24..<28))
        #expect(after == before)
    }

    @Test func anEmptyDatabasePathIsRefused() {
        let env = VTrackHome()
        for command in [["sources", "list"], ["jobs"], ["config", "set", "default_days", "2"]] {
            expectOneSentence(env.vtrack(command + ["--db", ""], db: false), "--db is empty", status: 64)
        }
        #expect(!FileManager.default.fileExists(atPath: env.file("share/vtrack")), "the default database was used")
    }

    @Test func packingTimesStayInOrder() {
        let env = VTrackHome()
        #expect(env.vtrack(["config", "set", "max_packing_time", "100"]).status == 0)
        #expect(env.vtrack(["config", "set", "min_packing_time", "10"]).status == 0)
        expectOneSentence(env.vtrack(["config", "set", "min_packing_time", "500"]),
                          "expected a whole number from 0 to max_packing_time (100)", status: 64)
        expectOneSentence(env.vtrack(["config", "set", "max_packing_time", "5"]),
                          "expected a whole number no smaller than min_packing_time (10)", status: 64)
        let shown = env.vtrack(["config", "show", "--json"])
        let obj = jsonObject(shown.out) as? [String: Any]
        #expect((obj?["min_packing_time"] as? NSNumber)?.intValue == 10)
        #expect((obj?["max_packing_time"] as? NSNumber)?.intValue == 100)
    }

    @Test func theDatabaseOptionMayComeBeforeTheSubcommand() {
        let env = VTrackHome()
        #expect(env.vtrack(["config", "set", "default_days", "4"]).status == 0)
        let list = env.vtrack(["--db", env.db, "sources", "list"], db: false)
        #expect(list.status == 0, "\(list.err)")
        let show = env.vtrack(["--lang", "en", "--db=\(env.db)", "config", "show", "--json"], db: false)
        #expect(show.status == 0, "\(show.err)")
        #expect(((jsonObject(show.out) as? [String: Any])?["default_days"] as? NSNumber)?.intValue == 4)
    }
}
