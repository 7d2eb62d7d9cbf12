import Common
import Foundation
import GRDB

/// A row of `download_job`: one request to download a time range of some cameras of a source
/// (the prototype's request shape: source id, range, cameras, format, max_file_size_mb).
public struct DownloadJobRecord: Sendable, Equatable {
    public var id: Int64
    public var sourceID: Int64
    /// The source's name when the job was made (kept if the source is renamed or removed).
    public var sourceName: String
    /// The requested range (UTC).
    public var range: DateInterval
    /// Camera keys, in the order they were asked for.
    public var cameras: [String]
    /// Always `mp4`.
    public var format: String
    /// Files are split on a keyframe before they grow past this.
    public var maxFileSizeMB: Int
    /// Other options (JSON object): `parallel`, `replay_sessions`, …
    public var options: [String: JSONValue]
    public var state: DownloadState
    /// Why the job stopped (paused or failed), in both languages.
    public var reason: Localized?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var finishedAt: Date?

    /// `options["parallel"]` as a number of cameras at once.
    public var parallel: Int? { options["parallel"]?.intValue }

    init(row: Row) {
        id = row["id"]
        sourceID = row["source_id"] ?? 0
        sourceName = row["source_name"] ?? ""
        let s = DownloadTime.date(row["range_start"]) ?? Date(timeIntervalSince1970: 0)
        let e = DownloadTime.date(row["range_end"]) ?? s
        range = DateInterval(start: s, end: max(s, e))
        cameras = (row["cameras"] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        format = row["format"] ?? "mp4"
        maxFileSizeMB = row["max_file_size_mb"] ?? 500
        options = (row["options"] as String?).flatMap { try? JSONDecoder().decode([String: JSONValue].self, from: Data($0.utf8)) } ?? [:]
        state = DownloadState(rawValue: row["state"] ?? "") ?? .failed
        reason = DownloadReason.decode(row["reason"])
        createdAt = DownloadTime.date(row["created_at"])
        updatedAt = DownloadTime.date(row["updated_at"])
        finishedAt = DownloadTime.date(row["finished_at"])
    }
}

/// A row of `download_camera`: one camera of a job — its folder, what the device has for the
/// range (`covered`), how to replay it, and how far it got.
public struct DownloadCameraRecord: Sendable, Equatable {
    public var jobID: Int64
    /// The camera key (name), as in `video_source.config.selected_cameras`.
    public var camera: String
    /// The camera's absolute folder.
    public var folder: String
    public var state: DownloadState
    public var reason: Localized?
    /// Intervals with footage inside the requested range; nil until planned.
    public var covered: [DateInterval]?
    /// How the footage is replayed (`onvif:<recording token>` or `url:<template>`), nil until planned.
    public var replay: String?
    /// Media seconds downloaded so far (in finished files and the file being written).
    public var mediaSeconds: Double
    public var bytes: Int64
    public var updatedAt: Date?

    /// Seconds of footage planned.
    public var coveredSeconds: Double { (covered ?? []).reduce(0) { $0 + $1.duration } }

    init(row: Row) {
        jobID = row["job_id"]
        camera = row["camera"] ?? ""
        folder = row["folder"] ?? ""
        state = DownloadState(rawValue: row["state"] ?? "") ?? .queued
        reason = DownloadReason.decode(row["reason"])
        let c: String? = row["covered"]
        covered = c.map { DownloadTime.intervals($0) }
        replay = row["replay"]
        mediaSeconds = row["media_seconds"] ?? 0
        bytes = row["bytes"] ?? 0
        updatedAt = DownloadTime.date(row["updated_at"])
    }
}

/// A row of `download_file`: one MP4 file a job wrote (or is writing) for a camera.
public struct DownloadFileRecord: Sendable, Equatable {
    public var id: Int64
    public var jobID: Int64
    public var camera: String
    /// The final path once `done`; the `.part` path while `writing`.
    public var path: String
    /// Wall-clock time of the first picture, and of the end of the last one (UTC).
    public var start: Date?
    public var end: Date?
    public var bytes: Int64
    /// Media duration of the video track, seconds.
    public var duration: Double
    public var state: DownloadFileState

    init(row: Row) {
        id = row["id"]
        jobID = row["job_id"]
        camera = row["camera"] ?? ""
        path = row["path"] ?? ""
        start = DownloadTime.date(row["start_time"])
        end = DownloadTime.date(row["end_time"])
        bytes = row["bytes"] ?? 0
        duration = row["duration"] ?? 0
        state = DownloadFileState(rawValue: row["state"] ?? "") ?? .writing
    }
}

/// Reasons are stored as JSON `{"en": …, "vi": …}` so each reader sees its own language.
enum DownloadReason {
    static func encode(_ l: Localized?) -> String? {
        guard let l else { return nil }
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? enc.encode(l)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func decode(_ s: String?) -> Localized? {
        guard let s, !s.isEmpty else { return nil }
        if let l = try? JSONDecoder().decode(Localized.self, from: Data(s.utf8)) { return l }
        return Localized(vi: s, en: s)
    }
}

extension JSONValue {
    /// The value as an integer, when it is a whole number an `Int` can hold.
    public var intValue: Int? {
        if case .number(let d) = self { return Int(exactly: d) }
        if case .string(let s) = self { return Int(s) }
        return nil
    }
}
