import Foundation

/// The executables of this package (`vtrack`, `vtrack-sim`, `vtrack-store-worker`) that
/// `swift build --build-tests` put next to the test bundle.
public enum BuiltProducts {
    /// The build products folder: the first folder holding `vtrack`, searched from the running
    /// test binary (`/proc/self/exe`, then `argv[0]`) up to four folders up; else the package's
    /// `.build/debug`.
    public static let folder: URL = {
        let fm = FileManager.default
        let exe = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        for start in [exe, CommandLine.arguments[0]] {
            var dir = URL(fileURLWithPath: start)
            for _ in 0..<4 {
                dir.deleteLastPathComponent()
                if fm.isExecutableFile(atPath: dir.appendingPathComponent("vtrack").path) { return dir }
            }
        }
        return packageRoot.appendingPathComponent(".build/debug")
    }()

    /// The package root (the folder of Package.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of product `name` (it may not exist: see `exists`).
    public static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// True when product `name` was built.
    public static func exists(_ name: String) -> Bool { FileManager.default.isExecutableFile(atPath: path(name)) }
}
