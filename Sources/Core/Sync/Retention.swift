import Common
import Foundation
import Logging
import Store
#if canImport(Glibc)
import Glibc
#endif

/// Deletes the oldest finished files to keep `RetentionPolicy`: first every file older than
/// `maxDays`, then, on each disk whose free space is under the floor, the oldest files (of any
/// camera on that disk) until it is above it. Never a `.part`, never a file of an unfinished job
/// (its resume would download it again), never a file with footage in the last day. Each
/// deletion removes the file, then its `download_file` row and logs it in `sync_deletion`
/// (one transaction), and is told through `onDeletion` and the log.
public struct Retention: Sendable {
    public let repository: Repository
    public let policy: RetentionPolicy
    private let now: @Sendable () -> Date
    private let logger: Logger
    /// Free and total bytes of the disk holding a path (tests may fake it).
    private let disk: @Sendable (String) -> (free: Int64, total: Int64, device: UInt64)?

    public init(repository: Repository, policy: RetentionPolicy, now: @escaping @Sendable () -> Date = { Date() },
                logger: Logger = Logger(label: "vtrack.retention"),
                disk: (@Sendable (String) -> (free: Int64, total: Int64, device: UInt64)?)? = nil) {
        self.repository = repository
        self.policy = policy
        self.now = now
        self.logger = logger
        self.disk = disk ?? Retention.statDisk
    }

    /// What one run did: the deletions (or, dry, what would go) and the sentences of what failed.
    public struct Result: Sendable {
        public var deletions: [RetentionDeletion] = []
        public var problems: [Localized] = []
    }

    private struct Candidate {
        var sourceID: Int64
        var source: String
        var file: DownloadFileRecord
    }

    /// Applies the policy once.
    public func run(onDeletion: (RetentionDeletion) -> Void = { _ in }) -> Result {
        var result = Result()
        let now = self.now()
        var candidates: [Candidate] = []
        do {
            try repository.read { r in
                for s in try r.sources() {
                    let cameras = Set(try r.downloadJobs().filter { $0.sourceID == s.id }.flatMap(\.cameras))
                    for c in cameras.sorted() {
                        for f in try r.finishedFiles(sourceID: s.id, camera: c) {
                            guard !f.path.hasSuffix(".part"), let end = f.end, end < now.addingTimeInterval(-policy.protectRecent) else { continue }
                            candidates.append(Candidate(sourceID: s.id, source: s.name, file: f))
                        }
                    }
                }
            }
        } catch {
            result.problems.append(CameraRunner.sentence(error))
            return result
        }
        candidates.sort { ($0.file.start ?? .distantPast, $0.file.id) < ($1.file.start ?? .distantPast, $1.file.id) }
        var gone = Set<Int64>()
        // 1. older than max days
        if let days = policy.maxDays {
            let limit = now.addingTimeInterval(-Double(days) * 86_400)
            for c in candidates where (c.file.end ?? now) < limit {
                if delete(c, reason: .maxDays, into: &result, onDeletion) { gone.insert(c.file.id) }
            }
        }
        // 2. free space per disk, oldest first
        var freed: [UInt64: Int64] = [:]
        for c in candidates where !gone.contains(c.file.id) {
            let folder = (c.file.path as NSString).deletingLastPathComponent
            guard let d = disk(folder) else { continue }
            let floor = policy.minFreeBytes ?? Int64(Double(d.total) * policy.minFreeFraction)
            // a dry run counts what it would have freed
            let free = d.free + (policy.dryRun ? freed[d.device, default: 0] : 0)
            guard free < floor else { continue }
            if delete(c, reason: .minFree, into: &result, onDeletion) {
                gone.insert(c.file.id)
                freed[d.device, default: 0] += c.file.bytes
            }
        }
        return result
    }

    private func delete(_ c: Candidate, reason: RetentionDeletion.Reason, into result: inout Result,
                        _ onDeletion: (RetentionDeletion) -> Void) -> Bool {
        let f = c.file
        let d = RetentionDeletion(source: c.source, camera: f.camera, path: f.path, start: f.start, end: f.end, bytes: f.bytes, reason: reason,
                                  deleted: !policy.dryRun)
        if policy.dryRun {
            result.deletions.append(d)
            onDeletion(d)
            return true
        }
        if unlink(f.path) != 0 && errno != ENOENT {
            let e = errno
            result.problems.append(Localized(
                vi: "Không xoá được tệp cũ \(f.path) (\(String(cString: strerror(e)))): hãy kiểm tra quyền ghi của thư mục.",
                en: "Cannot delete the old file \(f.path) (\(String(cString: strerror(e)))): check that its folder is writable."))
            return false
        }
        do {
            try repository.write { try $0.recordSyncDeletion(file: f, sourceID: c.sourceID, reason: reason.rawValue) }
        } catch {
            result.problems.append(CameraRunner.sentence(error))
        }
        logger.notice("retention deleted \(f.path) (\(reason.rawValue), \(f.bytes) bytes)")
        result.deletions.append(d)
        onDeletion(d)
        return true
    }

    /// statvfs of the folder: free bytes for an unprivileged user, total, and the device.
    static func statDisk(_ path: String) -> (free: Int64, total: Int64, device: UInt64)? {
        var v = statvfs()
        guard statvfs(path, &v) == 0 else { return nil }
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (Int64(v.f_bavail) * Int64(v.f_frsize), Int64(v.f_blocks) * Int64(v.f_frsize), UInt64(st.st_dev))
    }
}
