import Common
import Foundation
import Store
import Testing
import TestSupport
@testable import Core

/// Retention: the oldest finished files go first when a disk is under its free-space floor or
/// the footage is older than the days kept; never a `.part`, never the last day; every deletion
/// logged and its `download_file` row gone.
@Suite(.serialized) struct RetentionTests {
    /// A source with one done job of two cameras, each with `hours` one-hour files of `size`
    /// bytes ending `endingAgo` seconds ago, plus a `.part` of an unfinished job.
    struct Files {
        let repo: Repository
        let scratch: Scratch
        let folder: String
        var paths: [String: [String]] = [:]   // camera → paths, oldest first
        var part: String

        init(root: String, size: Int, hours: Int, endingAgo: TimeInterval, sharing other: Files? = nil) throws {
            scratch = other?.scratch ?? Scratch("retention-db")
            repo = try other?.repo ?? Repository(locations: scratch.locations())
            folder = root
            let source = try repo.write { w in
                try w.upsertSource(name: "nvr", config: SourceConfig(url: "127.0.0.1", port: 1, username: "",
                                                                      detectedCameras: [Camera(id: "1", name: "A"), Camera(id: "2", name: "B")],
                                                                      selectedCameras: ["A", "B"])).source
            }
            let end = Date().addingTimeInterval(-endingAgo)
            let range = DateInterval(start: end.addingTimeInterval(-Double(hours) * 3600), end: end)
            var paths: [String: [String]] = [:]
            for camera in ["A", "B"] {
                let dir = root + "/nvr/" + camera
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            }
            let job = try repo.write { w in
                try w.createDownloadJob(sourceID: source.id, sourceName: "nvr", range: range,
                                        cameras: ["A", "B"].map { StoreWriter.NewDownloadCamera(camera: $0, folder: root + "/nvr/" + $0) })
            }
            for h in 0..<hours {
                for camera in ["A", "B"] {
                    let s = range.start.addingTimeInterval(Double(h) * 3600), e = s.addingTimeInterval(3600)
                    let path = root + "/nvr/\(camera)/\(camera)_\(h).mp4"
                    #expect(FileManager.default.createFile(atPath: path, contents: Data(count: size)))
                    try repo.write { w in
                        let id = try w.addDownloadFile(job: job.id, camera: camera, partPath: path + ".part", start: s)
                        try w.finishDownloadFile(id, path: path, start: s, end: e, bytes: Int64(size), duration: 3600)
                    }
                    paths[camera, default: []].append(path)
                }
            }
            try repo.write { try $0.setDownloadJobState(job.id, .done) }
            // an unfinished job's .part (an old one too)
            let other = try repo.write { w in
                try w.createDownloadJob(sourceID: source.id, sourceName: "nvr", range: range,
                                        cameras: [StoreWriter.NewDownloadCamera(camera: "A", folder: root + "/nvr/A")])
            }
            part = root + "/nvr/A/A_old.mp4.part"
            #expect(FileManager.default.createFile(atPath: part, contents: Data(count: size)))
            try repo.write { w in _ = try w.addDownloadFile(job: other.id, camera: "A", partPath: part, start: range.start) }
            self.paths = paths
        }
    }

    /// A 40 MB tmpfs holding 2 × 8 files of 1 MB three days old, 2 × 4 of the last day and an
    /// old `.part`: with a floor of 20 MB free, the oldest files go (both cameras, oldest first)
    /// until it is above it; the last day and the `.part` stay. A dry run before deletes nothing.
    @Test(.enabled(if: Tmpfs.canMount, Comment(rawValue: Tmpfs.unavailableReason)))
    func aFullTmpfsLosesItsOldestFilesDownToTheFloor() throws {
        let mountPoint = Scratch("retention")
        let unmount = try #require(Tmpfs.mount(at: mountPoint.path, options: "size=40m"), "cannot mount a tmpfs at \(mountPoint.path)")
        defer { unmount() }
        let size = 1_000_000
        let old = try Files(root: mountPoint.path, size: size, hours: 8, endingAgo: 3 * 86_400)
        let recent = try Files(root: mountPoint.path + "/recent", size: size, hours: 4, endingAgo: 600, sharing: old)
        var st = statvfs()
        statvfs(mountPoint.path, &st)
        let free = Int64(st.f_bavail) * Int64(st.f_frsize)
        let floor: Int64 = 20_000_000
        try #require(free < floor && free > floor - 8_000_000, "free \(free)")

        let dry = Retention(repository: old.repo, policy: RetentionPolicy(minFreeBytes: floor, dryRun: true)).run()
        #expect(!dry.deletions.isEmpty)
        #expect(dry.deletions.allSatisfy { !$0.deleted })
        #expect(old.paths.values.joined().allSatisfy { FileManager.default.fileExists(atPath: $0) })
        #expect(try old.repo.read { try $0.syncDeletions() }.isEmpty)

        let run = Retention(repository: old.repo, policy: RetentionPolicy(minFreeBytes: floor)).run()
        #expect(run.problems.isEmpty, "\(run.problems)")
        #expect(run.deletions.map(\.path) == dry.deletions.map(\.path))
        statvfs(mountPoint.path, &st)
        #expect(Int64(st.f_bavail) * Int64(st.f_frsize) >= floor)
        // oldest first, the two cameras in turn (their files start at the same times)
        let expected = (0..<run.deletions.count).map { i in old.paths[i % 2 == 0 ? "A" : "B"]![i / 2] }
        #expect(run.deletions.map(\.path) == expected)
        #expect(run.deletions.allSatisfy { $0.reason == .minFree && $0.deleted })
        for d in run.deletions { #expect(!FileManager.default.fileExists(atPath: d.path)) }
        #expect(FileManager.default.fileExists(atPath: old.part))
        #expect(recent.paths.values.joined().allSatisfy { FileManager.default.fileExists(atPath: $0) })
        // each deletion logged, its row gone; the rest still listed
        let log = try old.repo.read { try $0.syncDeletions() }
        #expect(Set(log.map(\.path)) == Set(run.deletions.map(\.path)))
        let rows = try old.repo.read { r in try r.downloadJobs().flatMap { try r.downloadFiles(jobID: $0.id) } }.map(\.path)
        #expect(rows.allSatisfy { p in !run.deletions.contains { $0.path == p } })
        #expect(rows.contains(old.part + "") || rows.contains(old.part))
    }

    /// Footage older than the days kept goes, whatever the free space; the last day never does.
    @Test func filesOlderThanTheDaysKeptGo() throws {
        let root = Scratch("retention-days")
        let files = try Files(root: root.path, size: 1000, hours: 6, endingAgo: 2 * 86_400 + 3 * 3600)
        // the files end 2 days 3 h ago … 2 days 9 h ago: keep 2 days (+ the tolerance below) → all go
        let result = Retention(repository: files.repo, policy: RetentionPolicy(maxDays: 2, minFreeBytes: 0)).run()
        #expect(result.deletions.count == 12)
        #expect(result.deletions.allSatisfy { $0.reason == .maxDays })
        #expect(FileManager.default.fileExists(atPath: files.part))
        // keep 30 days: nothing
        let fresh = try Files(root: root.path + "/2", size: 1000, hours: 2, endingAgo: 3600)
        #expect(Retention(repository: fresh.repo, policy: RetentionPolicy(maxDays: 30, minFreeBytes: 0)).run().deletions.isEmpty)
        // a day-old-or-less file is never deleted, even over the age limit of one day and a full disk
        let young = try Files(root: root.path + "/3", size: 1000, hours: 2, endingAgo: 3600)
        #expect(Retention(repository: young.repo, policy: RetentionPolicy(maxDays: 1, minFreeBytes: Int64.max / 2)).run().deletions.isEmpty)
    }
}
