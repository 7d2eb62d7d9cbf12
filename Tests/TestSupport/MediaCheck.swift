import Foundation

/// ffprobe and ffmpeg as the judges of a media file (installed by `scripts/install-deps --test`).
public enum MediaCheck {
    /// What ffprobe says about the first video stream of a file.
    public struct Probe: Equatable, Sendable {
        /// `h264`, `hevc`…
        public var codec: String
        public var width: Int
        public var height: Int
        /// Packets (pictures) ffprobe read.
        public var packets: Int
        /// The container's duration in seconds.
        public var duration: Double
    }

    /// True when both ffprobe and ffmpeg are installed.
    public static let available: Bool = Tools.find("ffprobe") != nil && Tools.find("ffmpeg") != nil

    /// ffprobe's view of the file's first video stream; nil when it cannot read the file.
    public static func probe(_ path: String) -> Probe? {
        let r = Spawn.run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries",
                                      "stream=codec_name,width,height,nb_read_packets:format=duration", "-of", "json", path])
        guard r.status == 0, let obj = try? JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any],
              let stream = (obj["streams"] as? [[String: Any]])?.first else { return nil }
        let format = obj["format"] as? [String: Any] ?? [:]
        return Probe(codec: stream["codec_name"] as? String ?? "",
                     width: stream["width"] as? Int ?? 0, height: stream["height"] as? Int ?? 0,
                     packets: Int(stream["nb_read_packets"] as? String ?? "") ?? 0,
                     duration: Double(format["duration"] as? String ?? "") ?? 0)
    }

    /// Decodes the whole file (`ffmpeg -v error -xerror -i F -f null -`): nil when it exits 0
    /// saying nothing, else what it said.
    public static func decodeError(_ path: String) -> String? {
        let r = Spawn.run("ffmpeg", ["-nostdin", "-v", "error", "-xerror", "-i", path, "-f", "null", "-"])
        return r.status == 0 && r.err.isEmpty ? nil : "exit \(r.status): \(r.err)"
    }
}
