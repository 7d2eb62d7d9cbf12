import Foundation
import Streaming

/// MP4 recovery of a cut download: the bytes are written to a `.part` file in a temporary folder,
/// inspected, then finalized (truncated, duration written, renamed).
public enum MP4Fuzz {
    static let folder: String = {
        // tmpfs when there is one: finalize fsyncs every input
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
        let path = base + "vtrack-fuzz-mp4-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    public static func run(_ data: Data) {
        let part = folder + "/f.mp4.part"
        let final = folder + "/f.mp4"
        guard FileManager.default.createFile(atPath: part, contents: data) else { return }
        _ = try? MP4Recovery.inspect(path: part)
        _ = try? MP4Recovery.finalize(partPath: part, finalPath: final)
        unlink(part)
        unlink(final)
    }
}
