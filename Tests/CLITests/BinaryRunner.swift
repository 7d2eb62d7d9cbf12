import Foundation
import TestSupport

/// Runs a product of this package (`vtrack`, `vtrack-sim`) as a user would: `LANG=C.UTF-8` and
/// no `VTRACK_PASSWORD` from the test process's environment.
enum BinaryRunner {
    /// The path of a built product.
    static func path(_ product: String) -> String { BuiltProducts.path(product) }

    /// The test process's environment with `LANG=C.UTF-8`, without `VTRACK_PASSWORD`, plus `extra`.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "VTRACK_PASSWORD")
        env["LANG"] = "C.UTF-8"
        env.merge(extra) { _, new in new }
        return env
    }

    /// Runs `product args…` to completion with `stdin` as input and extra environment variables.
    static func run(_ product: String, _ args: [String], stdin: String? = nil, environment: [String: String] = [:]) -> ProgramOutput {
        Spawn.run(path(product), args, environment: Self.environment(environment), stdin: stdin)
    }
}
