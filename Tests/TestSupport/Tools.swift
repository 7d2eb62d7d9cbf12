import Foundation

/// System programs the tests use as judges or helpers (ffprobe, tmux, ip, mount, script…).
public enum Tools {
    /// The full path of program `name`: the first match in `$PATH`, then the usual system
    /// folders (`/usr/sbin` and `/sbin` are often not in a user's `$PATH`); nil when absent.
    public static func find(_ name: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let system = ["/usr/local/bin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/sbin", "/sbin"]
        for dir in path + system where !dir.isEmpty {
            let candidate = dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
