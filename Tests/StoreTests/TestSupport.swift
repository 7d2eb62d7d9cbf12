import Foundation
@testable import Store

/// A fresh folder under /tmp, removed when released.
final class TempDir: @unchecked Sendable { // immutable after init
    let path: String

    init(_ label: String = "store") {
        let p = NSTemporaryDirectory() + "vtrack-\(label)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        path = p
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    /// Locations with the database and key file inside this folder.
    func locations(db: String = "data/vtrack.db") -> StoreLocations {
        StoreLocations(databaseFile: file(db), keyFile: file("config/vtrack/secret.key"))
    }
}

func permissions(_ path: String) -> Int? {
    guard let attrs = try? FileManager.default.attributesOfItem(atPath: path),
          let p = attrs[.posixPermissions] as? NSNumber else { return nil }
    return p.intValue & 0o777
}

/// Every byte of the database and its -wal/-journal companions.
func rawDatabaseBytes(_ db: String) -> Data {
    var all = Data()
    for suffix in ["", "-wal", "-journal", "-shm"] {
        if let d = FileManager.default.contents(atPath: db + suffix) { all.append(d) }
    }
    return all
}

func contains(_ haystack: Data, _ needle: String) -> Bool {
    haystack.range(of: Data(needle.utf8)) != nil
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

/// Runs a program to completion; returns exit status and standard output.
@discardableResult
func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: program)
    p.arguments = arguments
    if let environment { p.environment = environment }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}
