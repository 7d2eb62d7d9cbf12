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

    /// A second run with the same name keeps the first recording: one sentence, nothing written.
    @Test func anEarlierRecordingIsKept() throws {
        let s = try ProbeCommandTests.Sim()
        let dir = Scratch("rec")
        let out = dir.file("again.mp4")
        let first = BinaryRunner.run("vtrack", ["record", Self.liveURL(s), "--duration", "1", "-o", out])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.hasPrefix("Saved \(out):"))
        let before = FileManager.default.contents(atPath: out)
        let again = BinaryRunner.run("vtrack", ["record", Self.liveURL(s), "--duration", "1", "-o", out])
        #expect(again.status == 64, "\(again.err)")
        #expect(again.err == "vtrack: \"\(out)\" already exists (an earlier recording, or a link), so it is not replaced: choose another name for -o, or delete it first.\n")
        #expect(FileManager.default.contents(atPath: out) == before && before != nil)
        #expect(!FileManager.default.fileExists(atPath: out + ".part"))
    }

    /// A link planted at the output (or at its .part) is never followed: the file it points to
    /// keeps its content.
    @Test func aLinkAtTheOutputIsNeverFollowed() throws {
        let s = try ProbeCommandTests.Sim()
        let dir = Scratch("rec")
        let target = dir.file("outside.txt")
        try Data("someone else's file\n".utf8).write(to: URL(fileURLWithPath: target))
        for planted in ["link.mp4", "link2.mp4.part"] {
            let out = dir.file(planted.hasSuffix(".part") ? String(planted.dropLast(5)) : planted)
            try FileManager.default.createSymbolicLink(atPath: dir.file(planted), withDestinationPath: target)
            let r = BinaryRunner.run("vtrack", ["record", Self.liveURL(s), "--duration", "1", "-o", out])
            #expect(r.status == 64, "\(planted): \(r.err)")
            #expect(r.err.contains("already exists (an earlier recording, or a link)"), "\(r.err)")
            #expect(FileManager.default.contents(atPath: target) == Data("someone else's file\n".utf8))
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
