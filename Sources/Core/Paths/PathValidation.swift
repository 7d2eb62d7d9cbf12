import Common
import Foundation

/// The result of checking a source's folders, in the prototype's shape
/// `{video_root, camera_paths: {name: folder}, validation_status, disk_space_gb}` plus the
/// source folder, a record per camera and the problems found.
public struct PathValidation: Sendable, Equatable, Codable {
    /// `success`, `warning` (usable, e.g. low disk space) or `failed` (some folder is unusable).
    public enum Status: String, Sendable, Codable { case success, warning, failed }

    /// One camera's folder and how its check went.
    public struct CameraFolder: Sendable, Equatable, Codable {
        /// The camera key (name).
        public var camera: String
        /// The folder's name under the source folder.
        public var folderName: String
        /// Absolute path.
        public var path: String
        /// Whether it exists, is a folder inside the video root, and is writable.
        public var ok: Bool
        /// Free space of its file system, GB (nil when it could not be read).
        public var freeGB: Double?

        enum CodingKeys: String, CodingKey { case camera, folderName = "folder_name", path, ok, freeGB = "free_gb" }
    }

    /// The video root, absolute and with symbolic links resolved when it exists.
    public var videoRoot: String
    /// The source's display name.
    public var sourceName: String
    /// `<video_root>/<source folder>`.
    public var sourcePath: String
    /// Camera key → absolute folder, for every camera checked (also those with problems).
    public var cameraPaths: [String: String]
    public var validationStatus: Status
    /// Free space where the source folder is (or the video root), GB, one decimal.
    public var diskSpaceGB: Double?
    public var cameras: [CameraFolder]
    public var problems: [PathProblem]

    /// Problems that stop a save.
    public var errors: [PathProblem] { problems.filter { $0.severity == .error } }

    enum CodingKeys: String, CodingKey {
        case videoRoot = "video_root", sourceName = "source_name", sourcePath = "source_path", cameraPaths = "camera_paths"
        case validationStatus = "validation_status", diskSpaceGB = "disk_space_gb", cameras, problems
    }

    /// `45.2`
    static func format(_ gb: Double) -> String {
        String(format: "%.1f", gb)
    }
}
