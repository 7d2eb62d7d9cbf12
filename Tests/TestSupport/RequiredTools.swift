import Foundation
import Testing

/// A test or suite that needs system programs (ffmpeg, ffprobe…) to judge its results.
///
/// Where they are absent, it is skipped on a developer's machine, but FAILS under CI (the `CI`
/// environment variable is set): CI installs them with `scripts/install-deps --test`, so a
/// missing one there means the checks would silently not run.
///
/// ```swift
/// @Suite(.requires("ffmpeg", "ffprobe")) struct EngineTests { … }
/// ```
extension Trait where Self == ConditionTrait {
    public static func requires(_ tools: String..., sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        .enabled("needs \(tools.joined(separator: ", ")) (scripts/install-deps --test)", sourceLocation: sourceLocation) {
            try RequiredTools.check(tools, environment: ProcessInfo.processInfo.environment)
        }
    }

    /// ffmpeg and ffprobe, the judges of every media file (see ``MediaCheck``).
    public static var requiresMediaTools: Self { requires("ffmpeg", "ffprobe") }
}

/// The decision behind `.requires(…)`.
public enum RequiredTools {
    /// A needed program that CI should have installed is missing.
    public struct Missing: Error, CustomStringConvertible {
        public let tools: [String]
        public var description: String {
            "\(tools.joined(separator: ", ")) not installed, and CI is set: run scripts/install-deps --test"
        }
    }

    /// True (run) when every tool is installed; false (skip) when one is missing outside CI.
    /// - Throws: ``Missing`` (the test fails) when one is missing and `CI` is set.
    public static func check(_ tools: [String], environment: [String: String],
                             find: (String) -> String? = Tools.find) throws -> Bool {
        let missing = tools.filter { find($0) == nil }
        if missing.isEmpty { return true }
        if let ci = environment["CI"], !ci.isEmpty { throw Missing(tools: missing) }
        return false
    }
}
