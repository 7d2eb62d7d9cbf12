import Foundation
import Store

/// A fresh folder with its own database and XDG folders, for running the real `vtrack` binary.
final class CLIEnv: @unchecked Sendable { // immutable after init
    let path: String
    let db: String
    let environment: [String: String]

    init() {
        let p = NSTemporaryDirectory() + "vtrack-cli-\(getpid())-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        path = URL(fileURLWithPath: p).resolvingSymlinksInPath().path
        db = path + "/data/vtrack.db"
        var env = ProcessInfo.processInfo.environment
        env["XDG_CONFIG_HOME"] = path + "/config"
        env["XDG_DATA_HOME"] = path + "/share"
        env["HOME"] = path + "/home"
        env["LANG"] = "en_US.UTF-8"
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "LC_MESSAGES")
        env.removeValue(forKey: "VTRACK_DB")
        environment = env
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    /// The repository the CLI uses (same database and key file).
    func repository() throws -> Repository {
        try Repository(locations: StoreLocations(databaseFile: db, keyFile: path + "/config/vtrack/secret.key"))
    }

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs `vtrack ARGS --db <db>`; `stdin` is written to its standard input.
    @discardableResult
    func vtrack(_ args: [String], stdin: String? = nil, lang: String = "en_US.UTF-8", db: Bool = true) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: builtProduct("vtrack"))
        p.arguments = args + (db ? ["--db", self.db] : [])
        var env = environment
        env["LANG"] = lang
        p.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }
}

/// Where SwiftPM put the built executables (next to the test bundle).
func builtProduct(_ name: String) -> String {
    var dir = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    for _ in 0 ..< 4 {
        dir.deleteLastPathComponent()
        let candidate = dir.appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return dir.appendingPathComponent(name).path
}

func jsonObject(_ text: String) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(text.utf8))
}
