import Common
import Foundation

/// Names of downloaded files: `<camera folder>_<YYYYMMDDThhmmssZ>_<YYYYMMDDThhmmssZ>.mp4`, UTC,
/// from the first picture's time to the end of the last picture (whole seconds, rounded down),
/// in the camera's folder. While being written a file is `<camera folder>_<start>.mp4.part`.
public enum DownloadFileName {
    /// The finished file's name.
    public static func final(cameraFolder: String, start: Date, end: Date) -> String {
        "\(cameraFolder)_\(stamp(start))_\(stamp(max(start, end))).mp4"
    }

    /// The path given to the MP4 writer (which writes `<this>.part`).
    public static func writerPath(folder: String, cameraFolder: String, start: Date) -> String {
        folder + "/\(cameraFolder)_\(stamp(start)).mp4"
    }

    /// The prefix every finished file starting at `start` has (to find a file renamed just
    /// before a crash).
    public static func finalPrefix(cameraFolder: String, start: Date) -> String {
        "\(cameraFolder)_\(stamp(start))_"
    }

    /// `20260115T083000Z`: whole seconds, rounded down — after rounding to the millisecond, as
    /// the database stores the file's times, so a name always matches its row (a picture at
    /// 08:29:59.9996 is stored as 08:30:00.000 and named 083000, not 082959).
    public static func stamp(_ date: Date) -> String {
        let millis = (date.timeIntervalSince1970 * 1000).rounded() / 1000
        return UTC.compact(Date(timeIntervalSince1970: (millis + 1e-6).rounded(.down)))
    }

    /// `path` itself when free, otherwise `stem_2.mp4`, `stem_3.mp4`, … A symbolic link (even
    /// one that leads nowhere) takes its name: it is never replaced (the rename refuses it too).
    public static func unused(_ path: String) -> String {
        guard taken(path) else { return path }
        let stem = path.hasSuffix(".mp4") ? String(path.dropLast(4)) : path
        var n = 2
        while taken("\(stem)_\(n).mp4") { n += 1 }
        return "\(stem)_\(n).mp4"
    }

    private static func taken(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }
}
