import Foundation

/// A scratch home for the real `vtrack` binary: its own database, key, XDG folders and video
/// root, and an environment that leaks nothing of the test process's (no `VTRACK_DB`, no
/// `VTRACK_PASSWORD`, no `LC_ALL`/`LC_MESSAGES`; `LANG` is English). Removed when released.
public final class VTrackHome: Sendable {
    /// The folder everything lives in.
    public let dir: Scratch

    /// Makes a fresh home (`vtrack-<label>-…` in the temporary folder).
    public init(_ label: String = "cli") { dir = Scratch(label) }

    /// The home folder's path.
    public var path: String { dir.path }
    /// The path of `name` inside the home folder.
    public func file(_ name: String) -> String { dir.file(name) }
    /// The database that `vtrack(_:)` passes with `--db`.
    public var db: String { file("data/vtrack.db") }
    /// Where vtrack keeps its key in this home (`$XDG_CONFIG_HOME/vtrack/secret.key`).
    public var keyFile: String { file("config/vtrack/secret.key") }
    /// A video root inside the home.
    public var videoRoot: String { file("videos") }

    /// The environment every run gets.
    public var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["XDG_CONFIG_HOME"] = file("config")
        env["XDG_DATA_HOME"] = file("share")
        env["HOME"] = file("home")
        env["LANG"] = "en_US.UTF-8"
        for name in ["LC_ALL", "LC_MESSAGES", "VTRACK_DB", "VTRACK_PASSWORD"] { env.removeValue(forKey: name) }
        return env
    }

    /// Runs `vtrack ARGS --db <db>` to completion (without `--db` when `db` is false);
    /// `stdin` is its standard input, `lang` its `LANG`, `environment` extra variables.
    @discardableResult
    public func vtrack(_ args: [String], stdin: String? = nil, lang: String? = nil,
                       environment extra: [String: String] = [:], db: Bool = true) -> ProgramOutput {
        Spawn.run(BuiltProducts.path("vtrack"), args + (db ? ["--db", self.db] : []),
                  environment: environment(lang: lang, extra), stdin: stdin)
    }

    /// Starts `vtrack ARGS --db <db>` with its output in files of the home; returns the pid
    /// (wait for it with `Spawn.wait`) and the two files, nil when it cannot start.
    public func start(_ args: [String], environment extra: [String: String] = [:]) -> (pid: pid_t, out: String, err: String)? {
        let n = UUID().uuidString.prefix(6)
        let out = file("run-\(n).out"), err = file("run-\(n).err")
        guard let pid = Spawn.start(BuiltProducts.path("vtrack"), args + ["--db", db], environment: environment(lang: nil, extra),
                                    stdout: out, stderr: err) else { return nil }
        return (pid, out, err)
    }

    private func environment(lang: String?, _ extra: [String: String]) -> [String: String] {
        var env = environment
        if let lang { env["LANG"] = lang }
        env.merge(extra) { _, new in new }
        return env
    }
}
