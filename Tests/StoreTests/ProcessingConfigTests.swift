import Common
import Foundation
import Testing
import TestSupport
@testable import Store

@Suite struct ProcessingConfigTests {
    @Test func defaultsUntilSavedThenRowOne() throws {
        let tmp = Scratch()
        let loc = tmp.locations()
        let repo = try Repository(locations: loc, environment: ["HOME": "/home/tech"])
        let d = try repo.processingConfig()
        #expect(d.rowID == nil)
        #expect(d.videoRoot == "/home/tech/vtrack/nvr_downloads")
        #expect(d.dbPath == loc.databaseFile)
        let saved = try repo.write { tx in
            try tx.updateProcessingConfig { c in
                c.cameraPaths = ["Front Door": "/v/nvr/Front Door"]
                c.selectedCameras = ["Front Door"]
            }
        }
        #expect(saved.rowID == 1)
        #expect(saved.cameraPaths == ["Front Door": "/v/nvr/Front Door"])
        let raw = try repo.read { try String.fetchOne($0.db, sql: "SELECT camera_paths FROM processing_config WHERE id = 1") }
        #expect(raw == #"{"Front Door":"/v/nvr/Front Door"}"#)
        let sel = try repo.read { try String.fetchOne($0.db, sql: "SELECT selected_cameras FROM processing_config WHERE id = 1") }
        #expect(sel == #"["Front Door"]"#)
    }

    @Test func settingsAreCheckedBeforeTheyAreSaved() throws {
        var c = ProcessingConfig.defaults(databaseFile: "/x.db")
        try c.set("default_days", to: "7")
        try c.set("frame_rate", to: "12.5")
        try c.set("output_path", to: "/srv/clips")
        #expect(c.defaultDays == 7 && c.frameRate == 12.5 && c.outputPath == "/srv/clips")
        #expect(throws: StoreError.invalidConfigValue(key: "default_days", value: "abc", expected: Localized(vi: "một số nguyên > 0", en: "a whole number > 0"))) {
            try c.set("default_days", to: "abc")
        }
        #expect(throws: StoreError.invalidConfigValue(key: "frame_rate", value: "-1", expected: Localized(vi: "một số > 0", en: "a number > 0"))) {
            try c.set("frame_rate", to: "-1")
        }
        #expect(throws: StoreError.configKeyManaged(key: "camera_paths")) { try c.set("camera_paths", to: "{}") }
        #expect(throws: StoreError.unknownConfigKey(key: "colour", known: ProcessingConfig.settableKeys)) { try c.set("colour", to: "red") }
    }
}
