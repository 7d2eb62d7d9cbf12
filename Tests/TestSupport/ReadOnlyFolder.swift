import Foundation

/// Makes a folder unwritable for the tests of "cannot write" errors: `chmod 555` for a normal
/// user, `chattr +i` for root (whom permissions do not stop).
public enum ReadOnlyFolder {
    /// True when a folder in the temporary folder can be made unwritable here; tried once.
    public static let canMake: Bool = {
        let probe = Scratch("readonly-probe")
        guard let restore = make(probe.path) else { return false }
        restore()
        return true
    }()

    /// Why the tests that need one are skipped when `canMake` is false.
    public static let unavailableReason = "cannot make a folder unwritable here (root needs chattr +i on the temporary folder's file system)"

    /// Makes `path` unwritable; returns what makes it writable again, or nil when neither way
    /// works here.
    public static func make(_ path: String) -> (() -> Void)? {
        if getuid() != 0 {
            guard chmod(path, 0o555) == 0 else { return nil }
            return { _ = chmod(path, 0o755) }
        }
        guard let chattr = Tools.find("chattr"), Spawn.run(chattr, ["+i", path]).status == 0 else { return nil }
        return { _ = Spawn.run(chattr, ["-i", path]) }
    }
}
