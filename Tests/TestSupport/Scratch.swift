import Foundation

/// A fresh folder under the temporary folder, removed with everything in it when released.
/// Its path has symbolic links resolved, so it compares equal to what `realpath` returns.
public final class Scratch: Sendable {
    /// The folder's absolute path.
    public let path: String

    /// Makes `vtrack-<label>-<pid>-<random>`.
    public init(_ label: String = "test") {
        let p = NSTemporaryDirectory() + "vtrack-\(label)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        path = URL(fileURLWithPath: p).resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The path of `name` inside the folder (not created).
    public func file(_ name: String) -> String { path + "/" + name }

    /// The path of folder `name` inside this one, created (with its parents) if missing.
    public func folder(_ name: String) -> String {
        let f = file(name)
        try! FileManager.default.createDirectory(atPath: f, withIntermediateDirectories: true)
        return f
    }
}
