import Common
import Foundation
import GRDB
import Testing
import TestSupport
@testable import Store

@Suite struct MigrationTests {
    static let videoSourceColumns = ["id", "source_type", "name", "path", "config", "active", "created_at"]
    static let processingColumns = ["id", "video_root", "output_path", "default_days", "min_packing_time", "max_packing_time",
                                    "frame_interval", "video_buffer", "run_mode", "selected_cameras", "db_path", "frame_rate",
                                    "camera_paths"]

    func columns(_ path: String, _ table: String) throws -> [String] {
        let q = try DatabaseQueue(path: path)
        defer { try? q.close() }
        return try q.read { try $0.columns(in: table).map(\.name) }
    }

    @Test func emptyFileGetsTheCompatibleTablesWithPrivatePermissions() throws {
        let tmp = Scratch()
        let loc = tmp.locations(db: "deep/er/vtrack.db")
        let repo = try Repository(locations: loc)
        #expect(try repo.appliedMigrations() == ["v1_video_source", "v1_processing_config", "v1_source_secret", "v1_encrypt_clear_passwords",
                                                  "v2_download_tables", "v3_sync_tables"])
        try repo.write { tx in
            let s = try tx.addSource(name: "nvr_localhost", config: SourceConfig(url: "127.0.0.1", port: 8080, username: "admin"))
            try tx.setPassword("x", for: s)
        }
        #expect(permissions(loc.databaseFile) == 0o600)
        #expect(permissions(tmp.file("deep/er")) == 0o700)
        #expect(permissions(tmp.file("deep")) == 0o700)
        #expect(permissions(loc.databaseFile + "-wal") == 0o600)
        #expect(permissions(loc.databaseFile + "-shm") == 0o600)
        #expect(permissions(loc.keyFile) == 0o600)
        #expect(permissions((loc.keyFile as NSString).deletingLastPathComponent) == 0o700)
        let mode = try repo.read { try String.fetchOne($0.db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        try repo.close()
        #expect(try columns(loc.databaseFile, "video_source") == Self.videoSourceColumns)
        #expect(try columns(loc.databaseFile, "processing_config") == Self.processingColumns)
    }

    @Test func reopeningRunsNothingTwice() throws {
        let tmp = Scratch()
        let loc = tmp.locations()
        try Repository(locations: loc).write { try $0.addSource(name: "a", config: SourceConfig(url: "h")) }
        let again = try Repository(locations: loc)
        #expect(try again.sources().map(\.name) == ["a"])
        #expect(try again.appliedMigrations().count == 6)
    }

    @Test func prototypeDatabaseIsAdoptedAndItsPasswordsEncrypted() throws {
        let tmp = Scratch()
        let loc = tmp.locations()
        try FileManager.default.createDirectory(atPath: tmp.file("data"), withIntermediateDirectories: true)
        try PrototypeFixture.create(at: loc.databaseFile)
        #expect(contains(rawDatabaseBytes(loc.databaseFile), PrototypeFixture.password)) // the fixture really holds it

        let repo = try Repository(locations: loc)
        #expect(permissions(loc.databaseFile) == 0o600)
        let sources = try repo.sources()
        #expect(sources.map(\.name) == ["nvr_localhost", "cam_kho"])
        let nvr = sources[0]
        #expect(nvr.id == 3)
        #expect(nvr.sourceType == "nvr")
        #expect(nvr.path == "localhost")
        #expect(nvr.active)
        #expect(nvr.createdAt == "2025-07-14 20:39:41.971360+07:00")
        #expect(nvr.config.port == 1000) // was the string "1000"
        #expect(nvr.config.username == "admin")
        #expect(nvr.config.detectedCameras.map(\.name) == ["Manufacturer Model"])
        #expect(nvr.config.detectedCameras.first?.streamURL == "rtsp://localhost:8554/stream")
        #expect(nvr.config.selectedCameras == ["Manufacturer Model"])
        #expect(nvr.config.extras["detected_folders"] == .array([]))
        #expect(nvr.hasPassword)
        #expect(try repo.password(for: nvr) == PrototypeFixture.password)
        let cam = sources[1]
        #expect(!cam.active)
        #expect(cam.config.detectedCameras.first?.capabilities == ["ptz"])
        #expect(try repo.password(for: cam) == PrototypeFixture.password2)

        // The JSON no longer holds a password; the rest of it is untouched.
        let raw = try repo.read { try String.fetchAll($0.db, sql: "SELECT config FROM video_source ORDER BY id") }
        for json in raw {
            #expect(!json.contains("password"))
        }
        #expect(raw[0].contains("\"onvif_port\":1000"))

        // processing_config: values kept, camera_paths added.
        let pc = try repo.processingConfig()
        #expect(pc.rowID == 1)
        #expect(pc.videoRoot == "/Users/annhu/vtrack_app/V_Track/nvr_downloads/nvr_localhost")
        #expect(pc.frameRate == 10.1)
        #expect(pc.selectedCameras == ["Manufacturer Model"])
        #expect(pc.cameraPaths == [:])
        #expect(pc.dbPath == "/Users/annhu/vtrack_app/V_Track/backend/database/events.db")
        let events = try repo.read { try Int.fetchOne($0.db, sql: "SELECT COUNT(*) FROM events") }
        #expect(events == 1)
        try repo.close()
        #expect(try columns(loc.databaseFile, "processing_config") == Self.processingColumns)
        #expect(try columns(loc.databaseFile, "video_source") == Self.videoSourceColumns)

        // Not in clear anywhere in the files, not even in freed pages or the WAL.
        let bytes = rawDatabaseBytes(loc.databaseFile)
        #expect(!contains(bytes, PrototypeFixture.password))
        #expect(!contains(bytes, PrototypeFixture.password2))
    }

    @Test func aPasswordWrittenLaterByAnOlderProgramIsMovedAtNextOpen() throws {
        let tmp = Scratch()
        let loc = tmp.locations()
        try Repository(locations: loc).write { try $0.addSource(name: "old", config: SourceConfig(url: "h", username: "u")) }
        // An older writer (the prototype's web UI) puts a password back into the JSON.
        let q = try DatabaseQueue(path: loc.databaseFile)
        try q.write { try $0.execute(sql: #"UPDATE video_source SET config = '{"url":"h","username":"u","password":"Later-Clear-77"}'"#) }
        try q.close()
        let repo = try Repository(locations: loc)
        let s = try repo.requireSource(named: "old")
        #expect(try repo.password(for: s) == "Later-Clear-77")
        #expect(!(try repo.read { try String.fetchOne($0.db, sql: "SELECT config FROM video_source") ?? "" }).contains("password"))
        try repo.close()
        #expect(!contains(rawDatabaseBytes(loc.databaseFile), "Later-Clear-77"))
    }

    @Test func prototypeWithDuplicateNamesOpensAndUsesTheOldestRow() throws {
        let tmp = Scratch()
        let loc = tmp.locations()
        try FileManager.default.createDirectory(atPath: tmp.file("data"), withIntermediateDirectories: true)
        try PrototypeFixture.create(at: loc.databaseFile)
        let q = try DatabaseQueue(path: loc.databaseFile)
        try q.write { try $0.execute(sql: "INSERT INTO video_source (source_type, name, path, config) VALUES ('nvr', 'nvr_localhost', 'other', '{}')") }
        try q.close()
        let repo = try Repository(locations: loc)
        #expect(try repo.requireSource(named: "nvr_localhost").id == 3)
        #expect(throws: StoreError.duplicateSource(name: "nvr_localhost")) {
            try repo.write { try $0.addSource(name: "nvr_localhost", config: SourceConfig(url: "x")) }
        }
    }

    @Test func aFileThatIsNotADatabaseGetsOneSentence() throws {
        let tmp = Scratch()
        let path = tmp.file("notes.db")
        try Data(String(repeating: "not sqlite at all ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) {
            _ = try Repository(locations: StoreLocations(databaseFile: path, keyFile: tmp.file("k")))
        }
    }

    @Test func aDatabaseUnderAFileCannotBeCreated() throws {
        let tmp = Scratch()
        try Data("x".utf8).write(to: URL(fileURLWithPath: tmp.file("plain")))
        do {
            _ = try Repository(locations: StoreLocations(databaseFile: tmp.file("plain/vtrack.db"), keyFile: tmp.file("k")))
            Issue.record("opened a database under a plain file")
        } catch let e as StoreError {
            guard case let .cannotCreate(path, _) = e else { Issue.record("unexpected \(e)"); return }
            #expect(path == tmp.file("plain/vtrack.db"))
            #expect(e.text(.en).contains("Cannot create"))
            #expect(e.text(.vi).contains("Không tạo được"))
        }
    }
}
