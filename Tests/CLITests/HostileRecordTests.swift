import Foundation
import Simulator
import Testing
import TestSupport

/// `vtrack record -o` pointed at things that are not a recording, and the signals that end a
/// recording: a file that is not ours is never replaced, a folder is named as one, and SIGINT,
/// SIGTERM and SIGHUP all finish the MP4 (no `.part` left behind).
@Suite struct HostileRecordTests {
    static func liveURL(_ s: ProbeCommandTests.Sim) -> String {
        "rtsp://admin:p%40ss%2Fw%3Frd%25@127.0.0.1:\(s.sim.rtspPort)\(s.sim.model.channels[0].sub.rtspPath)"
    }

    @Test func anExistingFileThatIsNotAnMP4IsNeverReplaced() throws {
        let s = try ProbeCommandTests.Sim()
        let dir = Scratch("rec")
        let notes = dir.file("existing.txt")
        try Data("the only copy of my notes\n".utf8).write(to: URL(fileURLWithPath: notes))
        let r = BinaryRunner.run("vtrack", ["record", Self.liveURL(s), "--duration", "1", "-o", notes])
        #expect(r.status == 64, "\(r.status): \(r.err)")
        #expect(r.err == "vtrack: \"\(notes)\" already exists and is not an MP4 file, so it is not replaced: choose another name for -o.\n")
        #expect(FileManager.default.contents(atPath: notes) == Data("the only copy of my notes\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: notes + ".part"))
    }

    @Test func anEarlierRecordingIsReplaced() throws {
        let s = try ProbeCommandTests.Sim()
        let dir = Scratch("rec")
        let out = dir.file("again.mp4")
        for _ in 0..<2 {
            let r = BinaryRunner.run("vtrack", ["record", Self.liveURL(s), "--duration", "1", "-o", out])
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out.hasPrefix("Saved \(out):"))
        }
    }

    @Test func aFolderIsSaidToBeAFolder() throws {
        let s = try ProbeCommandTests.Sim()
        let dir = Scratch("rec")
        let r = BinaryRunner.run("vtrack", ["record", Self.liveURL(s), "--duration", "1", "-o", dir.path])
        #expect(r.status == 64, "\(r.status): \(r.err)")
        #expect(r.err == "vtrack: \"\(dir.path)\" is a folder: give -o a file name, for example \(dir.path)/recording.mp4.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.path + ".part"))
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func everyEndingSignalFinishesTheFile(signal: Int32) throws {
        let s = try ProbeCommandTests.Sim()
        let dir = Scratch("rec")
        let out = dir.file("live.mp4")
        let pid = try #require(Spawn.start(BuiltProducts.path("vtrack"), ["record", Self.liveURL(s), "-o", out],
                                           environment: BinaryRunner.environment(),
                                           stdout: dir.file("stdout"), stderr: dir.file("stderr")))
        // the first fragment (a whole GOP) is on disk: the recording is under way
        let recording = eventually {
            let size = (try? FileManager.default.attributesOfItem(atPath: out + ".part"))?[.size] as? NSNumber
            return (size?.intValue ?? 0) > 4096
        }
        kill(pid, signal)
        let status = Spawn.wait(pid)
        let err = (try? String(contentsOfFile: dir.file("stderr"), encoding: .utf8)) ?? ""
        #expect(recording, "no fragment was written: \(err)")
        #expect(status == 0, "\(status): \(err)")
        #expect(FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: out + ".part"))
        let said = (try? String(contentsOfFile: dir.file("stdout"), encoding: .utf8)) ?? ""
        #expect(said.hasPrefix("Saved \(out):"), "\(said)")
    }
}
