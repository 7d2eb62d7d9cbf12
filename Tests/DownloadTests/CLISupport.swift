import Foundation
import Store
import Testing

/// Where SwiftPM put the built executables (next to the test bundle).
func builtProduct(_ name: String) -> String {
    var dir = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    for _ in 0..<4 {
        dir.deleteLastPathComponent()
        let candidate = dir.appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return dir.appendingPathComponent(name).path
}

/// `vtrack-sim` as a separate process: started with flags, stopped (SIGTERM) when released.
final class SimProcess: Sendable {
    let pid: pid_t
    let httpPort: Int
    private let dir: Scratch

    init(_ args: [String]) throws {
        dir = Scratch("simproc")
        let out = dir.file("out"), err = dir.file("err")
        guard let pid = Spawn.start(builtProduct("vtrack-sim"), args, stdout: out, stderr: err) else { throw CocoaError(.executableNotLoadable) }
        self.pid = pid
        var port = 0
        for _ in 0..<300 {
            let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            if let r = text.range(of: #"ready http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                port = Int(text[r].split(separator: ":").last!.dropLast()) ?? 0
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        httpPort = port
        if port == 0 { kill(pid, SIGKILL); _ = Spawn.wait(pid); throw CocoaError(.fileReadCorruptFile) }
    }

    deinit {
        kill(pid, SIGTERM)
        _ = Spawn.wait(pid)
    }
}

/// A scratch home for the `vtrack` binary: its own database, key, XDG folders and video root.
final class CLIHome: Sendable {
    let dir = Scratch("cli")
    var db: String { dir.file("data/vtrack.db") }
    var videoRoot: String { dir.file("videos") }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["XDG_CONFIG_HOME"] = dir.file("config")
        env["XDG_DATA_HOME"] = dir.file("share")
        env["HOME"] = dir.file("home")
        env["LANG"] = "en_US.UTF-8"
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "VTRACK_DB")
        env.removeValue(forKey: "VTRACK_PASSWORD")
        return env
    }

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs `vtrack ARGS --db <db>` to completion.
    @discardableResult
    func vtrack(_ args: [String]) -> Result {
        let (s, o, e) = Spawn.run(builtProduct("vtrack"), args + ["--db", db], environment: environment)
        return Result(status: s, out: o, err: e)
    }

    /// Starts `vtrack ARGS --db <db>` with its output in files; returns the pid and the files.
    func start(_ args: [String]) -> (pid: pid_t, out: String, err: String)? {
        let n = UUID().uuidString.prefix(6)
        let out = dir.file("run-\(n).out"), err = dir.file("run-\(n).err")
        guard let pid = Spawn.start(builtProduct("vtrack"), args + ["--db", db], environment: environment, stdout: out, stderr: err) else { return nil }
        return (pid, out, err)
    }

    /// Saves the simulator as source `sim` with every camera selected.
    func addSource(_ sim: SimProcess, name: String = "sim") throws {
        let r = vtrack(["sources", "add", name, "--host", "127.0.0.1:\(sim.httpPort)", "--user", "admin", "--password", "admin123",
                        "--video-root", videoRoot])
        guard r.status == 0 else { throw CLIFailure(text: r.err) }
    }

    func repository() throws -> Repository {
        try Repository(locations: StoreLocations(databaseFile: db, keyFile: dir.file("config/vtrack/secret.key")))
    }
}

struct CLIFailure: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}

/// The JSON objects of `--json` lines output.
func jsonLines(_ text: String) -> [[String: Any]] {
    text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
}

/// `yyyy-mm-ddThh:mm:ssZ`.
func isoZ(_ d: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: d)
}
