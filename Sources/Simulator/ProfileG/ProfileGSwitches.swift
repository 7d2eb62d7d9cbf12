import Foundation

/// How the simulated NVR's Profile G services (Recording, Search, Replay) behave. Profile G as a
/// whole is switched by `SimulatorConfig.profileG`; the span of the recordings by `days` and
/// their gaps by `seed`.
public struct ProfileGSwitches: Sendable, Equatable {
    /// GetRecordingSummary, RecordingInformation and track DataFrom report `1970-01-01T00:03:15Z`
    /// instead of the real start (a gSOAP-based device, field quirk E5).
    public var placeholderTimes = false
    /// No recording at all although the services exist (an Axis camera before a recording job
    /// was created over ONVIF, E2).
    public var zeroRecordings = false
    /// Seconds a new search stays `Queued`.
    public var searchQueuedSeconds: Double = 0.05
    /// Seconds a search then spends `Searching` before it is `Completed`; results become available
    /// evenly over this time.
    public var searchSeconds: Double = 0.2
    /// Longest KeepAliveTime the device grants a search session, in seconds (a client asking for
    /// more gets this much).
    public var maxKeepAliveSeconds: Double = 300
    /// Fault switch: this many search sessions are forgotten right after their first page of
    /// results (the next request with that token gets an InvalidToken fault), as if KeepAliveTime
    /// had run out. Counts down across the simulator's life.
    public var forgetSearches = 0
    /// When the channels record: around the clock (default) or short clips on motion.
    public var schedule: RecordingTimeline.Schedule = .continuous
    /// The recordings hold each channel's sub stream (640×360, 15 fps: H.265 on even channels)
    /// instead of its main stream (H.264): an NVR recording H.265 cameras. GetReplayUri's
    /// `/replay/<token>` then plays that stream, and GetMediaAttributes names its encoding.
    public var recordSubStreams = false
    /// FindEvents finds no RecordingHistory track-state events (a device that keeps none): a
    /// client only has the recordings' first and last times to go by.
    public var noTrackEvents = false

    public init() {}
}

/// NVR vendors the simulator can pose as: their manufacturer string and playback URL formats.
public enum SimVendor: String, Sendable, CaseIterable {
    /// `/Streaming/tracks/<ch>01?starttime=YYYYMMDDThhmmssZ&endtime=…` (does not stop at endtime).
    case hikvision
    /// `/cam/playback?channel=N&starttime=YYYY_MM_DD_hh_mm_ss&endtime=…`.
    case dahua

    /// What GetDeviceInformation answers as Manufacturer.
    public var manufacturer: String {
        switch self {
        case .hikvision: return "HIKVISION"
        case .dahua: return "Dahua"
        }
    }
}
