import Common
import Foundation
import ONVIF

/// What a source holds for a time range: per camera, the footage and how to replay it.
public struct RecordingsReport: Sendable {
    /// How footage is fetched from this device.
    public enum Playback: Sendable, Equatable {
        /// ONVIF Profile G: GetReplayUri, RTSP with `Require: onvif-replay`.
        case onvifReplay
        /// The vendor's or the user's playback URLs (see ``PlaybackFallback``).
        case fallback(PlaybackFallback)
        /// No way: the device lists no recordings over ONVIF and no fallback is known.
        case none
    }

    public var sourceName: String
    public var device: DeviceInfo
    /// The range looked at (the requested one, ending no later than the search).
    public var range: DateInterval
    /// The device offers Profile G (Search and Replay).
    public var profileG: Bool
    public var playback: Playback
    /// The device answered the search with no recordings at all (field quirk E2): a result, not an
    /// error. `note` then says what to try.
    public var noRecordings: Bool
    /// One sentence for the whole report (no recordings, no Profile G, fallback in use), or nil.
    public var note: Localized?
    /// In the order of the source's cameras.
    public var cameras: [CameraRecordings]
    /// The device's clock minus ours, seconds (0 when unknown or under a second). Every time in
    /// the report is ours (UTC): the device's times were converted with this offset.
    public var clockOffset: Double = 0
}

/// One camera's footage in a ``RecordingsReport``.
public struct CameraRecordings: Sendable {
    /// The camera's key (name) in the source's selection.
    public var key: String
    public var camera: Camera
    /// The ONVIF recording of this camera, when it has one.
    public var recording: RecordingInformation?
    public var coverage: Coverage
    /// GetReplayUri of the recording (no credentials), for `Range: clock=` replay.
    public var replayURI: String?
    /// The fallback playback URL over the whole range, when the device has no ONVIF replay.
    public var fallbackURL: String?
    /// Why something is missing for this camera (no recording, replay URI refused…), or nil.
    public var note: Localized?
}
