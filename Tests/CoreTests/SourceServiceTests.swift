import Common
import Foundation
import Testing
import TestSupport
@testable import Core

/// The sources service against the simulator in-process (127.0.0.1, port 0): test, save with
/// checked folders, the saved password, update, remove, list.
@Suite struct SourceServiceTests {
    let dir = Scratch()
    let fx: SimFixture
    let service: SourceService

    init() throws {
        fx = try SimFixture { $0.channels = 2 }
        service = SourceService(repository: try Repository(locations: dir.locations()))
    }

    func tested(password: String? = "admin123") throws -> TestedSource {
        try service.test(name: "nvr_localhost", host: "127.0.0.1", port: fx.sim.httpPort, user: "admin", password: password)
    }

    @Test func aTestedSourceIsSavedWithItsFoldersAndListed() throws {
        let t = try tested()
        #expect(t.cameras.count == 2)
        #expect(t.host == "127.0.0.1" && t.port == fx.sim.httpPort && t.password == "admin123")
        let keys = CameraKeys.keys(for: t.cameras)
        let v = try service.save(t, selected: [keys[0]], videoRoot: dir.file("videos"))
        #expect(v.validationStatus != .failed, "\(v.problems)")
        #expect(isDirectory(try #require(v.cameraPaths[keys[0]])))
        let (sources, config) = try service.list()
        #expect(sources.map(\.name) == ["nvr_localhost"])
        #expect(sources[0].hasPassword)
        #expect(config.selectedCameras == [keys[0]])
        #expect(config.videoRoot == dir.file("videos"))
    }

    @Test func aNilPasswordIsTheSavedOne() throws {
        _ = try service.save(try tested(), selected: [], videoRoot: dir.file("videos"))
        let again = try tested(password: nil)
        #expect(again.cameras.count == 2)
        #expect(again.password == nil, "nil keeps the saved password when saved again")
        // a source never saved has no password to use
        #expect(throws: StoreError.self) {
            try service.test(name: "other", host: "127.0.0.1", port: fx.sim.httpPort, user: "admin", password: nil)
        }
    }

    @Test func aWrongPasswordIsOneSentenceWithoutThePassword() throws {
        do {
            _ = try tested(password: "Wr0ng-Secret")
            Issue.record("a wrong password must fail")
        } catch let e as any UserFacingError {
            for lang in Language.allCases {
                #expect(!e.text(lang).contains("Wr0ng-Secret"), "\(e.text(lang))")
                #expect(!e.text(lang).isEmpty)
            }
        }
    }

    @Test func anUnusableFolderIsReportedAndNothingIsSaved() throws {
        let blocker = dir.file("not-a-folder")
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let t = try tested()
        let v = try service.save(t, selected: CameraKeys.keys(for: t.cameras), videoRoot: blocker)
        #expect(v.validationStatus == .failed)
        #expect(try service.list().sources.isEmpty)
    }

    @Test func updateFindsNewCamerasAndKeepsTheSelection() throws {
        var t = try tested()
        let keys = CameraKeys.keys(for: t.cameras)
        t.cameras = [t.cameras[0]]                 // saved when the device had one camera
        _ = try service.save(t, choice: .all, videoRoot: dir.file("videos"))
        let refresh = try service.update(name: "nvr_localhost")
        #expect(refresh.added == [keys[1]])
        #expect(refresh.missing.isEmpty)
        #expect(refresh.outcome.source.config.detectedCameras.count == 2)
        #expect(refresh.outcome.source.config.selectedCameras == [keys[0]], "the new camera is not selected")
        #expect(refresh.outcome.source.hasPassword)
    }

    @Test func removeKeepsTheFoldersAndForgetsTheSource() throws {
        let t = try tested()
        let v = try service.save(t, selected: [CameraKeys.keys(for: t.cameras)[0]], videoRoot: dir.file("videos"))
        let folder = try #require(v.cameraPaths.values.first)
        let removed = try service.remove(name: "nvr_localhost")
        #expect(removed.name == "nvr_localhost")
        #expect(try service.list().sources.isEmpty)
        #expect(try service.list().config.selectedCameras.isEmpty)
        #expect(isDirectory(folder))
        #expect(throws: StoreError.self) { try service.select(name: "nvr_localhost", choice: .all) }
    }

    @Test func addressesAreCheckedBeforeAnythingElse() throws {
        let plain = try SourceService.checkedAddress(host: " 10.0.0.5 ", port: nil)
        #expect(plain.host == "10.0.0.5" && plain.port == 80)
        let url = try SourceService.checkedAddress(host: "https://nvr.local/onvif/device_service", port: nil)
        #expect(url.host == "nvr.local" && url.port == 443)
        let v6 = try SourceService.checkedAddress(host: "[fe80::1]:8000", port: "8080")
        #expect(v6.host == "fe80::1" && v6.port == 8080, "--port wins over the address's port")
        #expect(throws: SaveConfigError.emptyHost) { try SourceService.checkedAddress(host: "  ", port: nil) }
        #expect(throws: SaveConfigError.invalidPort("99999")) { try SourceService.checkedAddress(host: "h", port: "99999") }
    }
}
