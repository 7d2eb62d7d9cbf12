import Common
import Foundation
import Testing
import TestSupport
@testable import Store

@Suite struct SourceRepositoryTests {
    static let cameras = [
        Camera(id: "onvif_h_0", name: "Front Door", streamURL: "rtsp://h/1", resolution: "1920x1080", codec: "H264", channel: 1, sourceToken: "VS0"),
        Camera(id: "onvif_h_1", name: "Kho hàng", streamURL: "rtsp://h/2", codec: "H265", channel: 2, sourceToken: "VS1"),
    ]

    @Test func upsertByNameKeepsIdCreationTimeAndUnknownKeys() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        var config = SourceConfig(url: "10.0.0.5", port: 80, username: "admin", detectedCameras: Self.cameras, selectedCameras: ["Front Door"],
                                  extras: ["note": .string("kept"), "password": .string("dropped")])
        let first = try repo.write { try $0.upsertSource(name: "nvr_shop", config: config) }
        #expect(first.created)
        #expect(first.source.createdAt.hasSuffix("+00:00"))
        config.port = 8000
        config.extras = [:]
        config.selectedCameras = ["Front Door", "Kho hàng"]
        let second = try repo.write { try $0.upsertSource(name: "nvr_shop", config: config) }
        #expect(!second.created)
        #expect(second.source.id == first.source.id)
        let stored = try repo.requireSource(named: "nvr_shop")
        #expect(stored.createdAt == first.source.createdAt)
        #expect(stored.config.port == 8000)
        #expect(stored.config.selectedCameras == ["Front Door", "Kho hàng"])
        #expect(stored.config.extras == ["note": .string("kept")])
        #expect(stored.config.detectedCameras == Self.cameras)
        #expect(stored.path == "10.0.0.5")
        #expect(try repo.sources().count == 1)
        let json = try repo.read { try String.fetchOne($0.db, sql: "SELECT config FROM video_source") ?? "" }
        #expect(!json.contains("password"))
        #expect(json.contains("\"detected_cameras\""))
        #expect(json.contains("\"stream_url\":\"rtsp://h/1\""))
    }

    @Test func badInputGetsOneSentenceEach() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        try repo.write { try $0.addSource(name: "a", config: SourceConfig(url: "h")) }
        #expect(throws: StoreError.duplicateSource(name: "a")) { try repo.write { try $0.addSource(name: " a ", config: SourceConfig(url: "h")) } }
        #expect(throws: StoreError.emptySourceName) { try repo.write { try $0.addSource(name: "   ", config: SourceConfig(url: "h")) } }
        #expect(throws: StoreError.sourceNotFound(name: "zz")) { try repo.write { try $0.removeSource(named: "zz") } }
        #expect(throws: StoreError.sourceNotFound(name: "zz")) { try repo.requireSource(named: "zz") }
        #expect(throws: StoreError.invalidSourceName(name: "a\u{1B}[31m")) {
            try repo.write { try $0.addSource(name: "a\u{1B}[31m", config: SourceConfig(url: "h")) }
        }
        for e in [StoreError.duplicateSource(name: "a"), .emptySourceName, .sourceNotFound(name: "zz"), .invalidSourceName(name: "a\u{1B}")] {
            #expect(!e.text(.vi).isEmpty && !e.text(.en).isEmpty && e.text(.vi) != e.text(.en))
            #expect(!e.text(.en).contains("\u{1B}"))
        }
    }

    /// A name stored decomposed (NFD, e.g. by the prototype on macOS) is found by its precomposed
    /// spelling and the other way round; adding it again in either spelling is a duplicate.
    @Test func namesDifferingOnlyByNormalizationAreTheSameName() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        let nfc = "C\u{00F4}ng", nfd = "Co\u{0302}ng"
        try repo.write { tx in
            try tx.db.execute(sql: "INSERT INTO video_source (source_type, name, path, config) VALUES ('nvr', ?, 'h', '{}')", arguments: [nfd])
        }
        let stored = try #require(try repo.source(named: nfc))
        #expect(Array(stored.name.utf8) == Array(nfd.utf8))  // an adopted name is left as it is
        #expect(throws: StoreError.duplicateSource(name: nfc)) {
            try repo.write { try $0.addSource(name: nfc, config: SourceConfig(url: "x")) }
        }
        let fresh = try repo.write { try $0.addSource(name: "Ca\u{0300}ng", config: SourceConfig(url: "y")) }
        #expect(Array(fresh.name.utf8) == Array("C\u{00E0}ng".utf8))  // new names are stored in NFC
        #expect(try repo.requireSource(named: "C\u{00E0}ng").id == fresh.id)
        #expect(try repo.sources().count == 2)
    }

    @Test func removeDeletesTheSourceAndItsPassword() throws {
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        try repo.write { tx in
            let s = try tx.addSource(name: "gone", config: SourceConfig(url: "h"))
            try tx.setPassword("pw", for: s)
        }
        try repo.write { try $0.removeSource(named: "gone") }
        #expect(try repo.sources().isEmpty)
        #expect(try repo.read { try Int.fetchOne($0.db, sql: "SELECT COUNT(*) FROM source_secret") } == 0)
    }

    @Test func aThrowingWriteLeavesNothingBehind() throws {
        struct Stop: Error {}
        let tmp = Scratch()
        let repo = try Repository(locations: tmp.locations())
        #expect(throws: Stop.self) {
            try repo.write { tx in
                try tx.addSource(name: "half", config: SourceConfig(url: "h"))
                try tx.updateProcessingConfig { $0.videoRoot = "/x" }
                throw Stop()
            }
        }
        #expect(try repo.sources().isEmpty)
        #expect(try repo.processingConfig().rowID == nil)
    }

    @Test func cameraKeysAreDistinctAndStable() {
        let cams = [Camera(id: "1", name: "Camera 01", channel: 1), Camera(id: "2", name: "Camera 01", channel: 2),
                    Camera(id: "3", name: "", channel: 3), Camera(id: "4", name: "Camera 01 (2)", channel: 4),
                    Camera(id: "5", name: "Cam\u{00E9}ra", channel: 5), Camera(id: "6", name: "Came\u{0301}ra", channel: 6)]
        let keys = CameraKeys.keys(for: cams)
        #expect(keys == ["Camera 01", "Camera 01 (2)", "Camera 3", "Camera 01 (2) (2)", "Caméra", "Caméra (2)"])
        #expect(Set(keys).count == keys.count)
        let (found, unknown) = CameraKeys.resolve(["camera 01", "CAMERA 3", "nope"], in: cams)
        #expect(found == ["Camera 01", "Camera 3"])
        #expect(unknown == ["nope"])
    }

    @Test func selectedCameraRecordsFollowTheDeviceOrder() {
        let c = SourceConfig(url: "h", detectedCameras: Self.cameras, selectedCameras: ["Kho hàng", "Front Door", "gone"])
        #expect(c.selectedCameraRecords.map(\.key) == ["Front Door", "Kho hàng"])
    }
}
