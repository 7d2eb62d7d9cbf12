import Common
import Foundation

/// How a camera's footage is replayed.
public enum ReplaySource: Sendable, Equatable {
    /// ONVIF Profile G: GetReplayUri for this recording, then RTSP with `Require: onvif-replay`
    /// and `Range: clock=…`.
    case onvif(recordingToken: String)
    /// The device's playback fallback (a vendor URL such as Hikvision's or Dahua's, or the
    /// source's URL template), with the times in the URL; `name` says which (`hikvision`,
    /// `dahua`, `template`). The end is still enforced by the client.
    case fallback(name: String)

    /// The text stored in `download_camera.replay`: `onvif:<token>` or `fallback:<name>`.
    public var stored: String {
        switch self {
        case .onvif(let t): return "onvif:" + t
        case .fallback(let n): return "fallback:" + n
        }
    }

    /// Reads `stored`.
    public init?(stored: String) {
        if stored.hasPrefix("onvif:") {
            self = .onvif(recordingToken: String(stored.dropFirst(6)))
        } else if stored.hasPrefix("fallback:") {
            self = .fallback(name: String(stored.dropFirst(9)))
        } else {
            return nil
        }
    }

    /// True for ONVIF replay.
    public var isONVIF: Bool { if case .onvif = self { return true } else { return false } }
}

/// An RTSP address that replays one piece of footage.
public struct ReplayAddress: Sendable, Equatable {
    /// `rtsp://…`, without credentials.
    public var url: String
    /// Send `Require: onvif-replay`, `Range: clock=…` and `Rate-Control: no` (ONVIF replay);
    /// false for vendor URLs, which carry the times themselves.
    public var onvifReplay: Bool

    public init(url: String, onvifReplay: Bool) {
        self.url = url
        self.onvifReplay = onvifReplay
    }
}

/// One camera to download: its key (name) and its record as saved with the source.
public struct DownloadCamera: Sendable, Equatable {
    public var key: String
    public var camera: Camera

    public init(key: String, camera: Camera) {
        self.key = key
        self.camera = camera
    }
}

/// What a device has of one camera for the requested range, and how to replay it: the planner's
/// input (from Profile G search, or the whole range for a vendor fallback).
public struct PlannedCamera: Sendable, Equatable {
    /// The camera key.
    public var camera: String
    /// Intervals with footage, inside the requested range.
    public var covered: [DateInterval]
    public var replay: ReplaySource

    public init(camera: String, covered: [DateInterval], replay: ReplaySource) {
        self.camera = camera
        self.covered = covered
        self.replay = replay
    }
}

/// What the downloader needs from a device. The ONVIF implementation searches Profile G
/// recordings and calls GetReplayUri; it falls back to vendor playback URLs.
public protocol RecordingAccess: Sendable {
    /// For each camera (same order), what it has within `range` and how to replay it.
    func plan(_ cameras: [DownloadCamera], in range: DateInterval) throws -> [PlannedCamera]
    /// The address that replays `piece` of `camera` with `replay`.
    func replayAddress(_ replay: ReplaySource, camera: DownloadCamera, piece: DateInterval) throws -> ReplayAddress
    /// What to use instead when the device refuses ONVIF replay (551); nil when nothing.
    func fallback(for camera: DownloadCamera) -> ReplaySource?
    /// The RTSP login (user, password), nil for none.
    var rtspCredentials: (user: String, password: String)? { get }
    /// The device's clock minus ours, seconds. Coverage and pieces are in our time; the replay's
    /// `Range: clock=…` is sent in the device's time and the pictures' times (0xABAC), stamped by
    /// the device, are converted back with it. `replayAddress` converts the times it puts in URLs.
    func deviceClockOffset() throws -> Double
}

extension RecordingAccess {
    /// No offset: the device's clock is ours.
    public func deviceClockOffset() throws -> Double { 0 }
}
