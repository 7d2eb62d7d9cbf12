import Common
import Foundation
import Store
import Testing
import TestSupport
@testable import Core

/// Storage faults as a technician meets them at the command line: `vtrack download` stops with
/// one sentence and the resume command, the files already written stay whole, and
/// `vtrack download --resume` finishes once the disk or the folder is fixed.
@Suite(.serialized, .requiresMediaTools) struct CLIFaultTests {
    /// The video root is on a small tmpfs, mostly taken by another program's file: the download
    /// fills the rest (skipped, and reported so, where no tmpfs can be mounted).
    @Test(.enabled(if: Tmpfs.canMount, Comment(rawValue: Tmpfs.unavailableReason)))
    func aFullDiskStopsWithASentenceAndTheResumeFinishes() throws {
        let mountPoint = Scratch("clitmpfs")
        let unmount = try #require(Tmpfs.mount(at: mountPoint.path, options: "size=320m"), "cannot mount a tmpfs at \(mountPoint.path)")
        defer { unmount() }
        // another program's file: 115 MB left (just over the 0.1 GB below which no job starts)
        let filler = mountPoint.path + "/filler"
        var st = statvfs()
        statvfs(mountPoint.path, &st)
        #expect(FileManager.default.createFile(atPath: filler, contents: Data(count: Int(st.f_bavail) * Int(st.f_frsize) - 115_000_000)))
        let sim = try SimProcess(["--channels", "1"])
        let home = VTrackHome()
        let add = home.vtrack(["sources", "add", "sim", "--host", "127.0.0.1:\(sim.httpPort)", "--user", "admin", "--password", "admin123",
                               "--video-root", mountPoint.path + "/videos"])
        try #require(add.status == 0, "\(add.err)")
        let range = CLIDownloadTests.yesterday(hour: 12, minutes: 20) // ~210 MB of main stream
        let footage = CLIDownloadTests.footage(channel: 1, in: range)
        try #require(!footage.isEmpty)

        let r = home.vtrack(["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end), "--max-file-size-mb", "5"])
        #expect(r.status == 1, "\(r.err)")
        #expect(r.err.contains("is full"), "\(r.err)")
        #expect(r.err.contains("continue with: vtrack download --resume 1"), "\(r.err)")
        let repo = try home.repository()
        #expect(try repo.read { try $0.downloadJob(id: 1) }?.state == .paused)
        let kept = try repo.read { try $0.downloadFiles(jobID: 1) }.filter { $0.state == .done }
        #expect(kept.count >= 10)
        // (decoding 1080p is slow: the files written last before the disk filled up)
        for f in kept.sorted(by: { $0.start! < $1.start! }).suffix(2) { #expect(MediaCheck.decodeError(f.path) == nil, "\(f.path)") }

        // the fix: room again
        // truncated first: a process started meanwhile by another test (a tmux server keeps every
        // descriptor it inherits) may hold the file open, and removing it would then free nothing
        #expect(truncate(filler, 0) == 0)
        try FileManager.default.removeItem(atPath: filler)
        let again = home.vtrack(["download", "--resume", "1"])
        #expect(again.status == 0, "\(again.err)")
        #expect(try repo.read { try $0.downloadJob(id: 1) }?.state == .done)
        // every picture once; the first files after the resume decode
        try EngineTests.checkCoverage(repo, jobID: 1, camera: "Camera 01", covered: footage, fps: 25, decode: false)
        let keptIDs = Set(kept.map(\.id))
        let after = try repo.read { try $0.downloadFiles(jobID: 1) }.filter { !keptIDs.contains($0.id) }.sorted { $0.start! < $1.start! }
        for f in after.prefix(2) { #expect(MediaCheck.decodeError(f.path) == nil, "\(f.path)") }
    }

    /// The camera's folder becomes read-only in the middle of a download.
    @Test(.enabled(if: ReadOnlyFolder.canMake, Comment(rawValue: ReadOnlyFolder.unavailableReason)))
    func aFolderMadeReadOnlyStopsWithASentenceAndTheResumeFinishes() throws {
        let sim = try SimProcess(["--channels", "1"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = CLIDownloadTests.yesterday(hour: 12, minutes: 20)
        let footage = CLIDownloadTests.footage(channel: 1, in: range)
        try #require(!footage.isEmpty)
        guard let run = home.start(["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end), "--max-file-size-mb", "2"])
        else { Issue.record("cannot start vtrack"); return }
        let repo = try home.repository()
        var folder: String?
        _ = eventually(timeout: 60) {
            let files = (try? repo.read { try $0.downloadFiles(jobID: 1) }) ?? []
            guard files.filter({ $0.state == .done }).count >= 2 else { return false }
            folder = try? repo.read { try $0.downloadCameras(jobID: 1) }.first?.folder
            return true
        }
        guard let folder, let restore = ReadOnlyFolder.make(folder) else {
            kill(run.pid, SIGKILL)
            _ = Spawn.wait(run.pid)
            Issue.record("no files came, or the folder cannot be made read-only here")
            return
        }
        let status = Spawn.wait(run.pid)
        restore()
        let err = (try? String(contentsOfFile: run.err, encoding: .utf8)) ?? ""
        #expect(status == 1, "\(err)")
        #expect(err.contains("Cannot write to the folder"), "\(err)")
        #expect(err.contains("continue with: vtrack download --resume 1"), "\(err)")
        let kept = try repo.read { try $0.downloadFiles(jobID: 1) }.filter { $0.state == .done }
        #expect(kept.count >= 2)
        for f in kept.sorted(by: { $0.start! < $1.start! }).suffix(2) { #expect(MediaCheck.decodeError(f.path) == nil, "\(f.path)") }

        let again = home.vtrack(["download", "--resume", "1"])
        #expect(again.status == 0, "\(again.err)")
        try EngineTests.checkCoverage(repo, jobID: 1, camera: "Camera 01", covered: footage, fps: 25, decode: false)
        let keptIDs = Set(kept.map(\.id))
        let after = try repo.read { try $0.downloadFiles(jobID: 1) }.filter { !keptIDs.contains($0.id) }.sorted { $0.start! < $1.start! }
        for f in after.prefix(2) { #expect(MediaCheck.decodeError(f.path) == nil, "\(f.path)") }
    }
}
