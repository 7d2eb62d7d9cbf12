import Foundation
import Testing
import TestSupport

/// `vtrack snapshot` as a user runs it: the built binary against `vtrack-sim` in its own process.
@Suite struct SnapshotCommandTests {
    static let password = "p@ss/w?rd%"

    private func sim(_ args: [String]) throws -> SimProcess {
        try SimProcess(["--password", Self.password] + args)
    }

    private func snapshot(_ args: [String], stdin: String? = nil) -> ProgramOutput {
        BinaryRunner.run("vtrack", ["snapshot"] + args, stdin: stdin, environment: ["VTRACK_PASSWORD": Self.password])
    }

    private func isJPEG(_ path: String) -> Bool {
        guard let d = FileManager.default.contents(atPath: path), d.count > 4 else { return false }
        let b = [UInt8](d)
        return b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF
    }

    @Test func unsavedDeviceSavesOneJPEGPerCamera() throws {
        let s = try sim(["--channels", "3", "--no-snapshot-uri", "3"])
        let dir = Scratch("snapcli")
        let r = snapshot(["--host", "127.0.0.1:\(s.port)", "--user", "admin", "-o", dir.path])
        #expect(r.status == 0, "stderr: \(r.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["Camera 01.jpg", "Camera 02.jpg", "Camera 03.jpg"])
        for f in files { #expect(isJPEG(dir.file(f)), "\(f)") }
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("Camera 01: 640x360, snapshot → \(dir.path)/Camera 01.jpg"))
        #expect(lines[2].hasPrefix("Camera 03: 640x360, key frame of the stream → "))
        #expect(!r.out.contains(Self.password) && !r.err.contains(Self.password))
    }

    @Test func jsonShapeAndNeverReplacingAFile() throws {
        let s = try sim(["--channels", "2"])
        let dir = Scratch("snapcli")
        // something is already where the pictures would go: a file and a dangling link
        try Data("mine".utf8).write(to: URL(fileURLWithPath: dir.file("Camera 01.jpg")))
        try FileManager.default.createSymbolicLink(atPath: dir.file("Camera 02.jpg"), withDestinationPath: dir.file("nowhere"))
        let r = snapshot(["--host", "127.0.0.1:\(s.port)", "--user", "admin", "--password-stdin", "-o", dir.path, "--json"],
                         stdin: Self.password + "\n")
        #expect(r.status == 0, "stderr: \(r.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        for row in rows {
            #expect(Set(row.keys) == ["camera", "file", "width", "height", "origin", "error"])
            #expect(row["error"] is NSNull)
            #expect(row["width"] as? Int == 640 && row["height"] as? Int == 360)
            #expect(row["origin"] as? String == "snapshot")
        }
        #expect(rows[0]["file"] as? String == dir.file("Camera 01_2.jpg"))
        #expect(rows[1]["file"] as? String == dir.file("Camera 02_2.jpg"))
        #expect(String(decoding: FileManager.default.contents(atPath: dir.file("Camera 01.jpg")) ?? Data(), as: UTF8.self) == "mine")
        #expect(isJPEG(dir.file("Camera 01_2.jpg")) && isJPEG(dir.file("Camera 02_2.jpg")))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir.file("Camera 02.jpg"))) == dir.file("nowhere"))
        #expect(!r.out.contains(Self.password))
    }

    @Test func aFailingCameraExitsOneWithItsSentence() throws {
        // camera 2 has no snapshot URI and its stream sends nothing: no picture
        let s = try sim(["--channels", "2", "--no-snapshot-uri", "2", "--rtsp-stall-after", "0"])
        let dir = Scratch("snapcli")
        let r = snapshot(["--host", "127.0.0.1:\(s.port)", "--user", "admin", "-o", dir.path, "--timeout", "1", "--json"])
        #expect(r.status == 1, "stderr: \(r.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["error"] is NSNull)
        let error = try #require(rows[1]["error"] as? String)
        #expect(error.hasPrefix("No picture: the camera has no snapshot address, and the stream gave no picture"))
        #expect(rows[1]["file"] is NSNull)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["Camera 01.jpg"])

        let text = snapshot(["--host", "127.0.0.1:\(s.port)", "--user", "admin", "-o", dir.path, "--timeout", "1", "--camera", "camera 02",
                             "--verbose"])
        #expect(text.status == 1)
        #expect(text.out.hasPrefix("Camera 02: No picture: "))
        #expect(text.err.contains("taking the first key frame of rtsp://127.0.0.1:"))  // the log is on
        #expect(!text.out.contains(Self.password) && !text.err.contains(Self.password))

        let vi = snapshot(["--host", "127.0.0.1:\(s.port)", "--user", "admin", "-o", dir.path, "--timeout", "1", "--lang", "vi"])
        #expect(vi.status == 1)
        #expect(vi.out.contains("Camera 01: 640x360, ảnh chụp → "))
        #expect(vi.out.contains("Camera 02: Không có ảnh: "))
    }

    @Test func savedSourceTickedCamerasAndShowInCells() throws {
        let s = try sim(["--channels", "3"])
        let home = VTrackHome("snapcli")
        let add = home.vtrack(["sources", "add", "yard", "--host", "127.0.0.1:\(s.port)", "--user", "admin",
                               "--select", "Camera 02", "--video-root", home.videoRoot], environment: ["VTRACK_PASSWORD": Self.password])
        #expect(add.status == 0, "stderr: \(add.err)")
        let out = home.file("pics")
        let env = ["TERM": "xterm-256color", "COLORTERM": "truecolor"]
        // not home.vtrack: the test runner may have NO_COLOR set, which must not reach this run
        var colours = home.environment.merging(env) { _, new in new }
        colours.removeValue(forKey: "NO_COLOR")
        let r = Spawn.run(BuiltProducts.path("vtrack"), ["snapshot", "yard", "-o", out, "--show", "--graphics", "cells", "--db", home.db],
                          environment: colours)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["Camera 02.jpg"])
        #expect(r.out.hasPrefix("Camera 02: 640x360, snapshot → "))
        #expect(r.out.contains("\u{1B}[38;2;"))  // coloured picture cells
        #expect(r.out.split(separator: "\n").count > 10)
        #expect(!r.out.contains(Self.password) && !r.err.contains(Self.password))

        let all = home.vtrack(["snapshot", "yard", "-o", out, "--all", "--json"], environment: env)
        #expect(all.status == 0, "stderr: \(all.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(all.out.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["camera"] as? String } == ["Camera 01", "Camera 02", "Camera 03"])
        #expect(rows[1]["file"] as? String == out + "/Camera 02_2.jpg")
    }

    @Test func badUsageIs64() throws {
        #expect(snapshot([]).status == 64)
        #expect(snapshot(["yard", "--host", "127.0.0.1"]).status == 64)
        #expect(snapshot(["--host", "127.0.0.1", "--graphics", "pixels"]).status == 64)
        let s = try sim(["--channels", "2"])
        let r = snapshot(["--host", "127.0.0.1:\(s.port)", "--user", "admin", "--camera", "Gate"])
        #expect(r.status == 64)
        #expect(r.err.contains("“Gate”") && r.err.contains("Camera 01"))
    }
}
