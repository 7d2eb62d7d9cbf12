import Foundation

/// Numbers as people read them, the same in the terminal app and the CLI: sizes, speeds,
/// durations.
public enum Format {
    /// What stands before an estimated time left: `còn 1:05` / `ETA 1:05`.
    public static let etaWord = Localized(vi: "còn ", en: "ETA ")

    /// `950 KB`, `120.5 MB`, `1.21 GB`.
    public static func bytes(_ n: Int64) -> String {
        let d = Double(n)
        if d < 1_000_000 { return String(format: "%.0f KB", d / 1_000) }
        if d < 1_000_000_000 { return String(format: "%.1f MB", d / 1_000_000) }
        return String(format: "%.2f GB", d / 1_000_000_000)
    }

    /// `12.3 MB/s`.
    public static func speed(_ bytesPerSecond: Double) -> String {
        guard bytesPerSecond.isFinite, bytesPerSecond > 0 else { return "–" }
        return String(format: "%.1f MB/s", bytesPerSecond / 1_000_000)
    }

    /// `0:42`, `12:05`, `1:02:03`; `–` when unknown.
    public static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return "–" }
        let s = Int(seconds.rounded())
        if s >= 3600 { return String(format: "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60) }
        return String(format: "%d:%02d", s / 60, s % 60)
    }

    /// `18.5 h`.
    public static func hours(_ seconds: Double) -> String { String(format: "%.1f h", seconds / 3600) }

    /// `45%`.
    public static func percent(_ fraction: Double) -> String {
        String(format: "%3d%%", Int((min(1, max(0, fraction)) * 100).rounded(.down)))
    }

    /// `×170` (footage seconds per wall-clock second); `–` when not moving.
    public static func realtime(_ factor: Double) -> String {
        guard factor.isFinite, factor > 0 else { return "–" }
        return factor >= 10 ? String(format: "×%.0f", factor) : String(format: "×%.1f", factor)
    }

    /// `51.2 GB`.
    public static func gigabytes(_ gb: Double?) -> String {
        guard let gb else { return "–" }
        return String(format: "%.1f GB", gb)
    }

    /// Local wall-clock time `14:02:11`.
    public static func clock(_ date: Date, utcOffset: Int) -> String {
        let t = Int(date.timeIntervalSince1970.rounded(.down)) + utcOffset
        let s = ((t % 86_400) + 86_400) % 86_400
        return String(format: "%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
    }
}
