import Common
import Foundation
import GRDB
import Testing
import TestSupport
@testable import Core
@testable import Store

@Suite struct SaveConfigTests {
    static let cameras = [
        Camera(id: "onvif_h_VS0", name: "Camera 01", streamURL: "rtsp://h/1", codec: "H264", channel: 1, sourceToken: "VS0"),
        Camera(id: "onvif_h_VS1", name: "Camera 01", streamURL: "rtsp://h/2", codec: "H265", channel: 2, sourceToken: "VS1"),
        Camera(id: "onvif_h_VS2", name: "Cổng trước", streamURL: "rtsp://h/3", codec: "H264", channel: 3, sourceToken: "VS2"),
    ]

    static func tested(_ name: String = "nvr_localhost", cameras: [Camera] = cameras, password: String? = "S3cret-Save") -> TestedSource {
        TestedSource(name: name, host: "127.0.0.1", port: 8080, username: "admin", password: password,
                     device: DeviceInfo(manufacturer: "VTrack", model: "SimNVR"), cameras: cameras)
    }

    struct Snapshot: Equatable {
        var sources: [VideoSource]
        var config: ProcessingConfig
        var secrets: [String]
    }

    static func snapshot(_ repo: Repository) throws -> Snapshot {
        try repo.read { r in
            Snapshot(sources: try r.sources(), config: try r.processingConfig(),
                     secrets: try r.sources().map { (try? r.password(for: $0)) ?? "-" })
        }
    }

    /// Every row of every table (and the schema), each value SQL-quoted (blobs in hex).
    static func dump(_ repo: Repository) throws -> [String] {
        try repo.read { r in
            var out = try String.fetchAll(r.db, sql: "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master ORDER BY name")
            for table in try String.fetchAll(r.db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
                let columns = try String.fetchAll(r.db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                let quoted = columns.map { "quote(\"\($0)\")" }.joined(separator: " || ',' || ")
                out += try String.fetchAll(r.db, sql: "SELECT '\(table): ' || \(quoted) FROM \"\(table)\" ORDER BY rowid")
            }
            return out
        }
    }

    /// The database file's bytes once the WAL is checkpointed into it (the repository closed).
    static func bytes(_ repo: Repository) throws -> Data {
        try repo.close()
        return try Data(contentsOf: URL(fileURLWithPath: repo.path))
    }

    /// Byte for byte and row for row: a save refused by the folder check leaves no trace at all —
    /// not the source, not its sealed password, not a download table, not even an AUTOINCREMENT counter.
    @Test func aRefusedSaveLeavesTheFileByteForByteUnchanged() throws {
        let tmp = Scratch()
        let loc = tmp.locations()
        var repo = try Repository(locations: loc)
        _ = try SaveConfig(repository: repo).save(Self.tested("first"), choice: .all, videoRoot: tmp.file("videos"))
        let rows = try Self.dump(repo)
        #expect(rows.contains { $0.hasPrefix("source_secret: ") })
        #expect(rows.contains { $0.hasPrefix("sqlite_sequence: 'video_source',1") })
        let before = try Self.bytes(repo)

        repo = try Repository(locations: loc)
        #expect(try Self.dump(repo) == rows)
        try FileManager.default.removeItem(atPath: tmp.file("videos/first/Cổng trước"))
        #expect(FileManager.default.createFile(atPath: tmp.file("videos/first/Cổng trước"), contents: Data("in the way".utf8)))
        for attempt in [Self.tested("second", password: "New-Pass"), Self.tested("first", password: "Changed-Pass")] {
            #expect(throws: SaveConfigError.self) {
                _ = try SaveConfig(repository: repo).save(attempt, choice: .all)
            }
            #expect(try Self.dump(repo) == rows)
        }
        #expect(try Self.bytes(repo) == before)
    }

    @Test func saveWritesTheSourceTheFoldersAndProcessingConfigTogether() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        let root = tmp.file("nvr_downloads")
        let out = try SaveConfig(repository: repo).save(Self.tested(), choice: .all, videoRoot: root)
        #expect(out.created)
        #expect(out.validation.validationStatus == .success)
        #expect(out.source.sourceType == "nvr")
        #expect(out.source.config.selectedCameras == ["Camera 01", "Camera 01 (2)", "Cổng trước"])
        #expect(out.source.config.device?.model == "SimNVR")
        #expect(try repo.password(for: out.source) == "S3cret-Save")
        let expected = ["Camera 01": root + "/nvr_localhost/Camera 01", "Camera 01 (2)": root + "/nvr_localhost/Camera 01 (2)",
                        "Cổng trước": root + "/nvr_localhost/Cổng trước"]
        #expect(out.validation.cameraPaths == expected)
        let pc = try repo.processingConfig()
        #expect(pc.videoRoot == root)
        #expect(pc.cameraPaths == expected)
        #expect(pc.selectedCameras == ["Camera 01", "Camera 01 (2)", "Cổng trước"])
        for p in expected.values { #expect(isDirectory(p)) }

        // Saving again (a re-test) updates the same row and keeps the selection.
        let again = try SaveConfig(repository: repo).save(Self.tested(password: nil), choice: .keep)
        #expect(!again.created)
        #expect(again.source.id == out.source.id)
        #expect(again.source.config.selectedCameras == out.source.config.selectedCameras)
        #expect(try repo.password(for: again.source) == "S3cret-Save")
    }

    @Test func aSaveThatFailsValidationLeavesTheDatabaseUnchanged() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        let save = SaveConfig(repository: repo)
        _ = try save.save(Self.tested("first"), choice: .names(["Cổng trước"]), videoRoot: tmp.file("videos"))
        let before = try Self.snapshot(repo)

        // A new source whose root is unusable (a plain file).
        _ = FileManager.default.createFile(atPath: tmp.file("not-a-folder"), contents: Data("x".utf8))
        do {
            _ = try save.save(Self.tested("second", password: "Other-Pass"), choice: .all, videoRoot: tmp.file("not-a-folder"))
            Issue.record("saved with an unusable root")
        } catch let SaveConfigError.validationFailed(v) {
            #expect(v.sourceName == "second")
            #expect(v.errors.first?.kind == .notADirectory)
            let e = SaveConfigError.validationFailed(v)
            #expect(e.text(.en).hasPrefix("Source \"second\" was not saved:"))
            #expect(e.text(.vi).hasPrefix("Chưa lưu nguồn \"second\":"))
        }
        #expect(try Self.snapshot(repo) == before)
        #expect(try repo.source(named: "second") == nil)

        // An update of the existing source with a camera folder that is in the way: also nothing saved.
        _ = FileManager.default.createFile(atPath: tmp.file("videos/first/Camera 01"), contents: Data("x".utf8))
        #expect(throws: SaveConfigError.self) {
            _ = try save.save(Self.tested("first", password: "Changed-Pass"), choice: .all)
        }
        #expect(try Self.snapshot(repo) == before)
        #expect(try repo.password(for: try repo.requireSource(named: "first")) == "S3cret-Save")
    }

    @Test func badInputIsRefusedBeforeAnythingIsSaved() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        let save = SaveConfig(repository: repo)
        var t = Self.tested()
        t.port = 70000
        #expect(throws: SaveConfigError.invalidPort("70000")) { _ = try save.save(t, choice: .all, videoRoot: tmp.path) }
        t.port = 0
        #expect(throws: SaveConfigError.invalidPort("0")) { _ = try save.save(t, choice: .all, videoRoot: tmp.path) }
        #expect(throws: SaveConfigError.invalidPort("80a")) { try SaveConfigError.port("80a") }
        #expect(try SaveConfigError.port(" 8080 ") == 8080)
        t = Self.tested(" ")
        #expect(throws: StoreError.emptySourceName) { _ = try save.save(t, choice: .all, videoRoot: tmp.path) }
        t = Self.tested()
        t.host = ""
        #expect(throws: SaveConfigError.emptyHost) { _ = try save.save(t, choice: .all, videoRoot: tmp.path) }
        #expect(throws: SaveConfigError.unknownCameras(["Back Door"], known: ["Camera 01", "Camera 01 (2)", "Cổng trước"])) {
            _ = try save.save(Self.tested(), choice: .names(["cổng TRƯỚC", "Back Door"]), videoRoot: tmp.path)
        }
        #expect(try repo.sources().isEmpty)
        _ = try save.save(Self.tested(), choice: .all, videoRoot: tmp.file("v"))
        #expect(throws: StoreError.duplicateSource(name: "nvr_localhost")) {
            _ = try save.save(Self.tested(), choice: .all, mode: .addOnly)
        }
    }

    @Test func twoSourcesWithTheSameCameraNamesKeepBothInProcessingConfig() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        let save = SaveConfig(repository: repo)
        let root = tmp.file("v")
        let one = [Camera(id: "a", name: "Camera 01", channel: 1), Camera(id: "b", name: "Kho", channel: 2)]
        _ = try save.save(Self.tested("NVR", cameras: one), choice: .all, videoRoot: root)
        _ = try save.save(Self.tested("nvr", cameras: [Camera(id: "c", name: "Camera 01", channel: 1)]), choice: .all)
        let pc = try repo.processingConfig()
        #expect(pc.selectedCameras == ["NVR/Camera 01", "Kho", "nvr/Camera 01"])
        // Sources whose names differ only by case get distinct folders (case-insensitive disks).
        #expect(pc.cameraPaths == ["NVR/Camera 01": root + "/NVR/Camera 01", "Kho": root + "/NVR/Kho",
                                   "nvr/Camera 01": root + "/nvr (2)/Camera 01"])

        // Removing one un-qualifies the other's keys; its folders stay on disk.
        try save.remove(sourceName: "NVR")
        #expect(try repo.processingConfig().cameraPaths == ["Camera 01": root + "/nvr (2)/Camera 01"])
        #expect(isDirectory(root + "/NVR/Kho"))
        #expect(throws: StoreError.sourceNotFound(name: "NVR")) { try save.remove(sourceName: "NVR") }
    }

    /// Source names that differ only by Unicode normalization (macOS hands out NFD, Linux NFC) look
    /// the same and compare equal in Swift: they are one source, stored in NFC — never two rows
    /// whose `<source>/<camera>` keys would collide in camera_paths.
    @Test func namesThatDifferOnlyByNormalizationAreOneSource() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        let save = SaveConfig(repository: repo)
        let nfc = "Kho h\u{00E0}ng", nfd = "Kho ha\u{0300}ng"
        #expect(Array(nfc.utf8) != Array(nfd.utf8))
        let first = try save.save(Self.tested(nfd, cameras: [Camera(id: "a", name: "Cam", channel: 1)]), choice: .all, videoRoot: tmp.file("v"))
        #expect(Array(first.source.name.utf8) == Array(nfc.utf8))  // stored in NFC
        #expect(throws: StoreError.duplicateSource(name: nfc)) {
            _ = try save.save(Self.tested(nfc, cameras: [Camera(id: "b", name: "Cam", channel: 1)]), choice: .all, mode: .addOnly)
        }
        let again = try save.save(Self.tested(nfc, cameras: [Camera(id: "b", name: "Cam", channel: 1)]), choice: .all)
        #expect(!again.created && again.source.id == first.source.id)
        #expect(try repo.sources().count == 1)
        #expect(try repo.processingConfig().cameraPaths == ["Cam": tmp.file("v/Kho hàng/Cam")])
        #expect(try repo.requireSource(named: nfd).id == first.source.id)
    }

    @Test func selectChangesTheCamerasAndTheirFolders() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        let save = SaveConfig(repository: repo)
        _ = try save.save(Self.tested(), choice: .none, videoRoot: tmp.file("v"))
        #expect(try repo.processingConfig().cameraPaths.isEmpty)
        let out = try save.select(sourceName: "nvr_localhost", choice: .parse("camera 01 (2), Cổng trước"))
        #expect(out.source.config.selectedCameras == ["Camera 01 (2)", "Cổng trước"])
        #expect(try repo.processingConfig().selectedCameras == ["Camera 01 (2)", "Cổng trước"])
        #expect(throws: StoreError.sourceNotFound(name: "nope")) { _ = try save.select(sourceName: "nope", choice: .all) }
        #expect(throws: SaveConfigError.self) { _ = try save.select(sourceName: "nvr_localhost", choice: .names(["zzz"])) }
    }

    @Test func aNewVideoRootMovesEveryFolderOrNothing() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        let save = SaveConfig(repository: repo)
        _ = try save.save(Self.tested(), choice: .all, videoRoot: tmp.file("v1"))
        let results = try save.setVideoRoot(tmp.file("v2"))
        #expect(results.count == 1)
        #expect(try repo.processingConfig().videoRoot == tmp.file("v2"))
        #expect(try repo.processingConfig().cameraPaths["Cổng trước"] == tmp.file("v2/nvr_localhost/Cổng trước"))
        _ = FileManager.default.createFile(atPath: tmp.file("file"), contents: Data())
        let before = try Self.snapshot(repo)
        #expect(throws: SaveConfigError.self) { _ = try save.setVideoRoot(tmp.file("file")) }
        #expect(try Self.snapshot(repo) == before)
    }

    @Test func checkReportsWithoutSaving() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        let save = SaveConfig(repository: repo)
        _ = try save.save(Self.tested(), choice: .all, videoRoot: tmp.file("v"))
        try FileManager.default.removeItem(atPath: tmp.file("v"))
        let before = try Self.snapshot(repo)
        let results = try save.check(sourceName: "nvr_localhost")
        #expect(results.first?.validationStatus == .success)
        #expect(isDirectory(tmp.file("v/nvr_localhost/Camera 01 (2)"))) // made again
        #expect(try Self.snapshot(repo) == before)
        #expect(throws: StoreError.sourceNotFound(name: "x")) { _ = try save.check(sourceName: "x") }
    }
}
