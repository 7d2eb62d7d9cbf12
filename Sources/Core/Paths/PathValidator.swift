import Common
import Foundation
import Store
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides, creates and checks the folder of each selected camera of a source:
/// `<video_root>/<source folder>/<camera folder>/`.
///
/// Each folder must exist (it is created, with its parents), be a folder, stay inside the video
/// root once symbolic links are resolved, and be writable (a probe file is created and deleted).
/// Free space is read with `statvfs`. Folder names come from ``FolderName``.
public struct PathValidator: Sendable {
    /// Below this many GB free, the result is `warning`.
    public var lowSpaceGB: Double

    public init(lowSpaceGB: Double = 1.0) {
        self.lowSpaceGB = lowSpaceGB
    }

    /// The folder names (no file-system access): source folder name and one name per camera key.
    /// - Parameter sourceFolder: the source's folder name when already decided among other
    ///   sources (see ``SaveConfig``); by default the sanitized source name.
    public func plan(sourceName: String, cameraKeys: [String], sourceFolder: String? = nil) -> (source: String, cameras: [String]) {
        (sourceFolder ?? FolderName.sanitize(sourceName, fallback: "source"), FolderName.assign(cameraKeys))
    }

    /// Creates and checks the folders. Never throws: everything wrong is in `problems`.
    public func validate(videoRoot rawRoot: String, sourceName: String, cameraKeys: [String],
                         sourceFolder: String? = nil) -> PathValidation {
        let (sourceFolderName, folderNames) = plan(sourceName: sourceName, cameraKeys: cameraKeys, sourceFolder: sourceFolder)
        let rootGiven = StoreLocations.absolute(rawRoot)
        var problems: [PathProblem] = []
        var result = PathValidation(videoRoot: rootGiven, sourceName: sourceName, sourcePath: rootGiven + "/" + sourceFolderName,
                                    cameraPaths: [:], validationStatus: .failed, diskSpaceGB: nil, cameras: [], problems: [])
        if sourceFolder == nil, sourceFolderName != sourceName {
            problems.append(.renamed(sourceName, folder: sourceFolderName, camera: nil))
        }
        for (key, folder) in zip(cameraKeys, folderNames) where folder != key {
            problems.append(.renamed(key, folder: folder, camera: key))
        }

        // 1. The video root: created when missing, then resolved.
        var rootReal: String?
        switch makeRoot(rootGiven) {
        case let .success(real): rootReal = real
        case let .failure(p): problems.append(p)
        }

        // 2. The source folder, inside the root.
        var sourceReal: String?
        if let rootReal {
            result.videoRoot = rootReal
            result.sourcePath = rootReal + "/" + sourceFolderName
            switch makeChild(of: rootReal, named: sourceFolderName, root: rootReal, camera: nil) {
            case let .success(real): sourceReal = real
            case let .failure(p): problems.append(p)
            }
        }

        // 3. Each camera folder, inside the source folder; writable.
        for (key, folder) in zip(cameraKeys, folderNames) {
            let path = result.sourcePath + "/" + folder
            result.cameraPaths[key] = path
            var record = PathValidation.CameraFolder(camera: key, folderName: folder, path: path, ok: false, freeGB: nil)
            if let rootReal, let sourceReal {
                switch makeChild(of: sourceReal, named: folder, root: rootReal, camera: key) {
                case let .success(real):
                    if let p = probeWrite(real, camera: key) {
                        problems.append(p)
                    } else {
                        record.ok = true
                    }
                    record.freeGB = freeGB(real)
                case let .failure(p):
                    problems.append(p)
                }
            }
            result.cameras.append(record)
        }

        // 4. Free space where the videos will go.
        result.diskSpaceGB = freeGB(sourceReal ?? rootReal ?? rootGiven)
        if let gb = result.diskSpaceGB, !problems.contains(where: { $0.kind == .diskFull }) {
            if gb <= 0 {
                problems.append(.diskFull(sourceReal ?? rootReal ?? rootGiven, camera: nil))
            } else if gb < lowSpaceGB {
                problems.append(.lowSpace(sourceReal ?? rootReal ?? rootGiven, gb: gb, minimum: lowSpaceGB))
            }
        }

        result.problems = problems
        if problems.contains(where: { $0.severity == .error }) {
            result.validationStatus = .failed
        } else if problems.contains(where: { $0.severity == .warning }) {
            result.validationStatus = .warning
        } else {
            result.validationStatus = .success
        }
        return result
    }

    /// Checks a folder that already holds (or will hold) a job's files, before anything is
    /// written in it — every start of a download, new or resumed: each folder from the video root
    /// down to `folder` must be a folder that stays inside the root once symbolic links are
    /// resolved (the same check as `validate`, which made it). Nothing is created: a folder that
    /// is missing is no problem here (the download then stops with its own sentence).
    /// - Returns: nil when the folder is safe to write in; otherwise the problem (`escapesRoot`
    ///   for a link out of the root, or a folder that is not under the configured root at all).
    public func checkFolder(_ folder: String, videoRoot rawRoot: String, camera: String?) -> PathProblem? {
        let rootGiven = StoreLocations.absolute(rawRoot)
        let path = StoreLocations.absolute(folder)
        guard let rootReal = realPath(rootGiven) else { return nil }   // no root: nothing can be written (missing folder)
        var relative: String?
        for root in [rootReal, rootGiven] where Self.isInside(path, root: root) {
            relative = String(path.dropFirst(root == "/" ? 1 : root.count))
            break
        }
        guard let relative else {
            return .escapesRoot(path, resolved: realPath(path) ?? path, root: rootReal, camera: camera)
        }
        var parent = rootReal
        for name in relative.split(separator: "/").map(String.init) {
            if name == "." || name == ".." {
                return .escapesRoot(path, resolved: realPath(path) ?? path, root: rootReal, camera: camera)
            }
            var st = stat()
            if lstat(parent + "/" + name, &st) != 0, errno == ENOENT { return nil }
            switch makeChild(of: parent, named: name, root: rootReal, camera: camera, create: false) {
            case let .success(real): parent = real
            case let .failure(p): return p
            }
        }
        return nil
    }

    // MARK: - File system

    private func makeRoot(_ root: String) -> Result<String, PathProblem> {
        var st = stat()
        if stat(root, &st) != 0 {
            if let p = mkdirParents(root) { return .failure(p) }
            guard stat(root, &st) == 0 else { return .failure(.cannotCreate(root, camera: nil, reason: errnoText())) }
        }
        guard st.st_mode & S_IFMT == S_IFDIR else { return .failure(.notADirectory(root, camera: nil)) }
        guard let real = realPath(root) else { return .failure(.cannotCreate(root, camera: nil, reason: errnoText())) }
        return .success(real)
    }

    /// `mkdir -p`, reporting the first failure in words.
    private func mkdirParents(_ path: String) -> PathProblem? {
        var missing: [String] = []
        var p = path
        var st = stat()
        while p != "/", !p.isEmpty, stat(p, &st) != 0 {
            missing.append(p)
            p = (p as NSString).deletingLastPathComponent
        }
        for dir in missing.reversed() {
            if mkdir(dir, 0o755) != 0, errno != EEXIST {
                return creationProblem(dir, camera: nil, parent: (dir as NSString).deletingLastPathComponent)
            }
        }
        return nil
    }

    /// Creates or checks `parent/name` (a single safe component) and proves it lies inside `root`.
    private func makeChild(of parent: String, named name: String, root: String, camera: String?,
                           create: Bool = true) -> Result<String, PathProblem> {
        let path = parent + "/" + name
        var st = stat()
        if lstat(path, &st) != 0 {
            guard errno == ENOENT, create else { return .failure(.cannotCreate(path, camera: camera, reason: errnoText())) }
            if mkdir(path, 0o755) != 0, errno != EEXIST {
                return .failure(creationProblem(path, camera: camera, parent: parent))
            }
            guard lstat(path, &st) == 0 else { return .failure(.cannotCreate(path, camera: camera, reason: errnoText())) }
        }
        let kind = st.st_mode & S_IFMT
        guard kind == S_IFDIR || kind == S_IFLNK else { return .failure(.notADirectory(path, camera: camera)) }
        guard let real = realPath(path) else {
            // A dangling link: it points somewhere that does not exist.
            return .failure(.escapesRoot(path, resolved: (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?",
                                         root: root, camera: camera))
        }
        guard Self.isInside(real, root: root) else {
            return .failure(.escapesRoot(path, resolved: real, root: root, camera: camera))
        }
        var rst = stat()
        guard stat(real, &rst) == 0, rst.st_mode & S_IFMT == S_IFDIR else { return .failure(.notADirectory(path, camera: camera)) }
        return .success(real)
    }

    /// Creates and deletes a small file; nil when that works.
    private func probeWrite(_ dir: String, camera: String?) -> PathProblem? {
        let probe = dir + "/.vtrack-write-test-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd < 0 { return writeProblem(dir, camera: camera) }
        let byte: [UInt8] = [0x2E]
        let wrote = write(fd, byte, 1)
        let err = errno
        close(fd)
        unlink(probe)
        if wrote != 1 {
            errno = err
            return writeProblem(dir, camera: camera)
        }
        return nil
    }

    private func writeProblem(_ dir: String, camera: String?) -> PathProblem {
        switch errno {
        case EROFS: return .readOnly(dir, camera: camera)
        case ENOSPC, EDQUOT: return .diskFull(dir, camera: camera)
        default: return .notWritable(dir, camera: camera, reason: errnoText())
        }
    }

    private func creationProblem(_ path: String, camera: String?, parent: String) -> PathProblem {
        switch errno {
        case EROFS: return .readOnly(parent, camera: camera)
        case ENOSPC, EDQUOT: return .diskFull(parent, camera: camera)
        case EACCES, EPERM: return .notWritable(parent, camera: camera, reason: errnoText())
        case ENOTDIR: return .notADirectory(parent, camera: camera)
        default: return .cannotCreate(path, camera: camera, reason: errnoText())
        }
    }

    /// Free space for an unprivileged writer, in GB (2^30 bytes), one decimal.
    public func freeGB(_ path: String) -> Double? {
        var s = statvfs()
        guard statvfs(path, &s) == 0 else { return nil }
        let bytes = Double(s.f_bavail) * Double(s.f_frsize)
        return (bytes / 1_073_741_824 * 10).rounded(.down) / 10
    }

    private func realPath(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    private func errnoText() -> String { String(cString: strerror(errno)) }

    /// Whether `path` equals `root` or lies under it (both already resolved).
    static func isInside(_ path: String, root: String) -> Bool {
        if root == "/" { return path.hasPrefix("/") }
        return path == root || path.hasPrefix(root + "/")
    }
}
