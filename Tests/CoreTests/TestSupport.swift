import Foundation
import Store

/// A fresh folder under /tmp, removed when released.
final class TempDir: @unchecked Sendable { // immutable after init
    let path: String

    init(_ label: String = "core") {
        let p = NSTemporaryDirectory() + "vtrack-\(label)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        // Resolve /tmp symlinks so paths compare equal to what realpath returns.
        path = URL(fileURLWithPath: p).resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    func locations() -> StoreLocations {
        StoreLocations(databaseFile: file("data/vtrack.db"), keyFile: file("config/secret.key"))
    }
}

func isDirectory(_ path: String) -> Bool {
    var d: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &d) && d.boolValue
}

func listing(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

/// Runs a system tool; true when it exits 0.
@discardableResult
func shell(_ tool: String, _ args: [String]) -> Bool {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return false }
    p.waitUntilExit()
    return p.terminationStatus == 0
}

func tool(_ name: String) -> String? {
    ["/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Mounts a tmpfs at `path` with `options` (e.g. `ro`, `size=1m`); nil when not permitted here.
func mountTmpfs(_ path: String, options: String) -> (() -> Void)? {
    guard let mount = tool("mount"), let umount = tool("umount"),
          shell(mount, ["-t", "tmpfs", "-o", options, "tmpfs", path]) else { return nil }
    return { shell(umount, [path]) }
}

/// Makes `path` unwritable: `chmod 555` for a normal user, `chattr +i` for root (whom chmod does
/// not stop); nil when neither works here.
func makeImmutable(_ path: String) -> (() -> Void)? {
    if getuid() != 0 {
        guard chmod(path, 0o555) == 0 else { return nil }
        return { _ = chmod(path, 0o755) }
    }
    guard let chattr = tool("chattr"), shell(chattr, ["+i", path]) else { return nil }
    return { shell(chattr, ["-i", path]) }
}
