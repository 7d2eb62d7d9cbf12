import Common
import Foundation
import Testing
import TestSupport
@testable import Core

@Suite struct PathValidatorTests {
    let validator = PathValidator(lowSpaceGB: 0.001)

    @Test func aMissingRootIsCreatedWithOneFolderPerCamera() throws {
        let tmp = Scratch()
        let root = tmp.file("a/b/nvr_downloads")
        let v = validator.validate(videoRoot: root, sourceName: "nvr_localhost", cameraKeys: ["Front Door", "Cổng trước"])
        #expect(v.validationStatus == .success, "\(v.problems)")
        #expect(v.videoRoot == root)
        #expect(v.sourcePath == root + "/nvr_localhost")
        #expect(v.cameraPaths == ["Front Door": root + "/nvr_localhost/Front Door", "Cổng trước": root + "/nvr_localhost/Cổng trước"])
        for path in v.cameraPaths.values {
            #expect(isDirectory(path))
            #expect(listing(path).isEmpty) // the probe file is gone
        }
        #expect(v.cameras.allSatisfy { $0.ok })
        #expect(v.problems.isEmpty)
    }

    @Test func freeSpaceIsReportedInGB() throws {
        let tmp = Scratch()
        let v = validator.validate(videoRoot: tmp.path, sourceName: "s", cameraKeys: ["c"])
        let attrs = try FileManager.default.attributesOfFileSystem(forPath: tmp.path)
        let free = (attrs[.systemFreeSize] as? NSNumber)?.doubleValue ?? -1
        let gb = try #require(v.diskSpaceGB)
        #expect(gb > 0)
        #expect(abs(gb - free / 1_073_741_824) < 0.5)
        #expect(v.cameras.first?.freeGB != nil)
        // The prototype's JSON shape.
        let json = String(decoding: try JSONEncoder().encode(v), as: UTF8.self)
        for key in ["\"video_root\"", "\"camera_paths\"", "\"validation_status\":\"success\"", "\"disk_space_gb\""] {
            #expect(json.contains(key))
        }
    }

    @Test(.enabled(if: Tmpfs.canMount || ReadOnlyFolder.canMake,
                   "cannot make a read-only folder here: no tmpfs mount and no chattr +i (as root, chmod does not stop writes)"))
    func aReadOnlyVideoRootIsReportedInWords() throws {
        let tmp = Scratch()
        let root = tmp.file("ro")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var undo = Tmpfs.mount(at: root, options: "ro,size=1m")
        var expected = PathProblem.Kind.readOnly
        if undo == nil {
            undo = ReadOnlyFolder.make(root)
            expected = .notWritable
        }
        let restore = try #require(undo, "neither a read-only tmpfs nor chattr +i worked on \(root)")
        defer { restore() }
        let v = validator.validate(videoRoot: root, sourceName: "nvr", cameraKeys: ["A", "B"])
        #expect(v.validationStatus == .failed)
        let p = try #require(v.errors.first)
        #expect(p.kind == expected)
        #expect(p.path == root)
        #expect(p.text(.en).contains(root))
        #expect(p.text(.vi) != p.text(.en))
        #expect(v.cameras.allSatisfy { !$0.ok })
        #expect(listing(root).isEmpty)
    }

    @Test(.enabled(if: ReadOnlyFolder.canMake, Comment(rawValue: ReadOnlyFolder.unavailableReason)))
    func oneUnwritableCameraFolderIsThatCamerasProblem() throws {
        let tmp = Scratch()
        let locked = tmp.file("nvr/B")
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
        let undo = try #require(ReadOnlyFolder.make(locked), "cannot make \(locked) unwritable")
        defer { undo() }
        let v = validator.validate(videoRoot: tmp.path, sourceName: "nvr", cameraKeys: ["A", "B"])
        #expect(v.validationStatus == .failed)
        #expect(v.errors.count == 1)
        #expect(v.errors.first?.camera == "B")
        #expect(v.errors.first?.kind == .notWritable)
        #expect(v.cameras.map(\.ok) == [true, false])
    }

    @Test(.enabled(if: Tmpfs.canMount, Comment(rawValue: Tmpfs.unavailableReason)))
    func aFullDiskIsReported() throws {
        let tmp = Scratch()
        let root = tmp.file("full")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let undo = try #require(Tmpfs.mount(at: root, options: "size=256k"), "cannot mount a tmpfs at \(root)")
        defer { undo() }
        _ = FileManager.default.createFile(atPath: root + "/filler", contents: nil)
        let filler = try #require(FileHandle(forWritingAtPath: root + "/filler"))
        let chunk = Data(repeating: 0x55, count: 4096)
        while (try? filler.write(contentsOf: chunk)) != nil {}
        try? filler.close()
        let v = validator.validate(videoRoot: root, sourceName: "nvr", cameraKeys: ["A"])
        #expect(v.validationStatus == .failed)
        #expect(v.problems.contains { $0.kind == .diskFull })
        #expect(v.diskSpaceGB == 0)
    }

    @Test func aSymlinkedSourceFolderCannotLeadOutsideTheRoot() throws {
        let tmp = Scratch()
        let root = tmp.file("videos"), outside = tmp.file("outside")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/nvr", withDestinationPath: outside)
        let v = validator.validate(videoRoot: root, sourceName: "nvr", cameraKeys: ["A"])
        #expect(v.validationStatus == .failed)
        #expect(v.errors.first?.kind == .escapesRoot)
        #expect(v.errors.first?.text(.en).contains("outside the video root") == true)
        #expect(listing(outside).isEmpty) // nothing was created through the link
    }

    @Test func aSymlinkedCameraFolderCannotLeadOutsideTheRoot() throws {
        let tmp = Scratch()
        let root = tmp.file("videos"), outside = tmp.file("etc")
        try FileManager.default.createDirectory(atPath: root + "/nvr", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/nvr/B", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: root + "/nvr/C", withDestinationPath: root + "/elsewhere-missing")
        try FileManager.default.createDirectory(atPath: root + "/shared", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/nvr/D", withDestinationPath: root + "/shared")
        let v = validator.validate(videoRoot: root, sourceName: "nvr", cameraKeys: ["A", "B", "C", "D"])
        #expect(v.validationStatus == .failed)
        #expect(v.errors.map(\.camera) == ["B", "C"])
        #expect(v.errors.allSatisfy { $0.kind == .escapesRoot })
        #expect(v.cameras.map(\.ok) == [true, false, false, true]) // a link that stays inside the root is fine
        #expect(listing(outside).isEmpty)
    }

    @Test func hostileCameraNamesStayInsideTheRoot() throws {
        let tmp = Scratch()
        let root = tmp.file("videos")
        let names = ["../../etc", "a/b", "..", "CON", String(repeating: "ệ", count: 100), "Camera 01", "camera 01",
                     "Caf\u{00E9}", "Cafe\u{0301}", "/absolute", "x\u{0}y"]
        let v = validator.validate(videoRoot: root, sourceName: "../nvr", cameraKeys: names)
        #expect(v.validationStatus == .success, "\(v.errors)")
        #expect(v.sourcePath == root + "/_nvr")
        let folders = v.cameras.map(\.folderName)
        #expect(Set(folders.map(FolderName.foldKey)).count == names.count)
        for c in v.cameras {
            #expect(c.path.hasPrefix(root + "/_nvr/"))
            #expect(!c.folderName.contains("/"))
            #expect(c.folderName.utf8.count <= FolderName.maxBytes)
            #expect(isDirectory(c.path))
        }
        #expect(listing(tmp.path) == ["videos"]) // nothing next to the root
        #expect(listing(root) == ["_nvr"])
        #expect(listing(root + "/_nvr").count == names.count)
        #expect(v.problems.filter { $0.kind == .renamed }.count >= 6)
        #expect(v.problems.allSatisfy { $0.severity == .notice })
    }

    @Test func aFileWhereAFolderShouldBe() throws {
        let tmp = Scratch()
        try FileManager.default.createDirectory(atPath: tmp.file("v/nvr"), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: tmp.file("v/nvr/A"), contents: Data("x".utf8))
        _ = FileManager.default.createFile(atPath: tmp.file("rootfile"), contents: Data("x".utf8))
        let v = validator.validate(videoRoot: tmp.file("v"), sourceName: "nvr", cameraKeys: ["A"])
        #expect(v.errors.map(\.kind) == [.notADirectory])
        #expect(v.errors.first?.camera == "A")
        let w = validator.validate(videoRoot: tmp.file("rootfile"), sourceName: "nvr", cameraKeys: ["A"])
        #expect(w.errors.map(\.kind) == [.notADirectory])
        #expect(w.errors.first?.camera == nil)
    }
}
