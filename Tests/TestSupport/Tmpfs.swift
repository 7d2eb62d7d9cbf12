import Foundation

/// Small tmpfs file systems mounted by a test: a full disk, a read-only disk. Needs root (CI
/// runs as root); elsewhere the tests that need one are skipped, and say why.
public enum Tmpfs {
    /// True when a tmpfs can be mounted here; tried once per test process.
    public static let canMount: Bool = {
        let probe = Scratch("tmpfs-probe")
        guard let unmount = mount(at: probe.path, options: "size=64k") else { return false }
        unmount()
        return true
    }()

    /// Why the tests that need a tmpfs are skipped when `canMount` is false.
    public static let unavailableReason = "cannot mount a tmpfs here (needs root and mount(8))"

    /// Mounts a tmpfs at `path` with `options` (`size=1m`, `ro,size=1m`…); returns what unmounts
    /// it (lazily: a descriptor a child process still holds does not keep it busy), or nil when
    /// mounting is not permitted here.
    public static func mount(at path: String, options: String) -> (() -> Void)? {
        guard let mount = Tools.find("mount"), let umount = Tools.find("umount"),
              Spawn.run(mount, ["-t", "tmpfs", "-o", options, "tmpfs", path]).status == 0 else { return nil }
        return { _ = Spawn.run(umount, ["-l", path]) }
    }
}
