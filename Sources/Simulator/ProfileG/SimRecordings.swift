import Foundation

/// The simulated NVR's recordings: one per channel, spanning `SimulatorConfig.days` days and
/// ending now (or where `clock` says), with the seeded gaps of `RecordingTimeline`. The single truth that the Recording,
/// Search and Replay services and the RTSP server's replay all read (it is the RTSP server's
/// `FootageTimeline`: replay skips the gaps and flags the picture after one with D).
///
/// Each recording has three tracks, as devices list them (field quirk E5): `VIDEO001` and
/// `AUDIO001` follow the timeline; `META001` (metadata) is continuous from the recording's start,
/// so a client that does not pick the video track sees no gaps at all.
///
/// ```swift
/// if let rec = sim.recordings.recording(replayPath: "/replay/REC_1f0a") {
///     let pieces = rec.footage(in: DateInterval(start: from, end: to))   // what a replay plays
/// }
/// ```
public struct SimRecordings: Sendable {
    public enum TrackType: String, Sendable { case video = "Video", audio = "Audio", metadata = "Metadata" }

    public struct Track: Sendable, Equatable {
        public var token: String
        public var type: TrackType
        /// False for a track with data all the time since the recording's start (metadata).
        public var followsTimeline: Bool
    }

    public struct Recording: Sendable {
        public var token: String
        public var channel: NVRModel.Channel
        public var timeline: RecordingTimeline
        public var tracks: [Track]

        /// Intervals with footage inside `range` (clipped; never after `now`).
        public func footage(in range: DateInterval, now: Date = Date()) -> [DateInterval] {
            timeline.footage(in: range, now: now)
        }

        /// Intervals with data of one track inside `range`.
        public func footage(track: Track, in range: DateInterval, now: Date = Date()) -> [DateInterval] {
            if track.followsTimeline { return footage(in: range, now: now) }
            let lo = max(range.start, timeline.start), hi = min(range.end, now)
            return lo < hi ? [DateInterval(start: lo, end: hi)] : []
        }
    }

    /// `1970-01-01T00:03:15Z`: the start time some devices report instead of the real one.
    public static let placeholderStart = Date(timeIntervalSince1970: 195)

    /// Every channel's recording, in channel order: what the NVR holds on disk, and what its RTSP
    /// server replays (also through vendor playback URLs).
    public let all: [Recording]
    /// The recordings the ONVIF services list: `all`, or none without Profile G or with
    /// `zeroRecordings` (a device that records but lists nothing over ONVIF, E2).
    public let recordings: [Recording]
    /// The first recorded instant of every recording.
    public let start: Date
    /// Report `placeholderStart` instead of `start` (GetRecordingSummary, RecordingInformation).
    public let placeholderTimes: Bool
    /// The device's clock minus real time (`SimulatorConfig.clockSkew`): the recordings are
    /// stamped by the device's clock, as a real NVR's are, so every time here (timelines, search
    /// answers, replay ranges and the pictures' 0xABAC times) is device time.
    public let clockSkew: TimeInterval
    /// How far the recordings reach (real time unless `SimulatorConfig.recordingClock` says otherwise).
    public let clock: RecordingClock
    let model: NVRModel

    /// - Parameter now: the real time when the simulator starts; the recordings end at the
    ///   device's time then (`now + config.clockSkew`) and keep growing.
    public init(config: SimulatorConfig, model: NVRModel, now: Date = Date()) {
        clockSkew = config.clockSkew
        clock = config.recordingClock ?? .realTime
        let deviceNow = clock.now(real: now).addingTimeInterval(config.clockSkew)
        let start = Date(timeIntervalSince1970: (deviceNow.timeIntervalSince1970 - Double(max(0, config.days)) * 86_400).rounded(.down))
        self.start = start
        self.model = model
        self.placeholderTimes = config.recordings.placeholderTimes
        let tracks = [Track(token: "VIDEO001", type: .video, followsTimeline: true),
                      Track(token: "AUDIO001", type: .audio, followsTimeline: true),
                      Track(token: "META001", type: .metadata, followsTimeline: false)]
        all = model.channels.map { ch in
            Recording(token: ch.recordingToken, channel: ch,
                      timeline: RecordingTimeline(channel: ch.number, seed: config.seed, start: start, schedule: config.recordings.schedule), tracks: tracks)
        }
        recordings = !config.profileG || config.recordings.zeroRecordings ? [] : all
    }

    /// A recording the ONVIF services list, by token.
    public func recording(token: String) -> Recording? { recordings.first { $0.token == token } }

    /// A recording the ONVIF services list, by its camera's video source token.
    public func recording(sourceToken: String) -> Recording? { recordings.first { $0.channel.sourceToken == sourceToken } }

    /// The RTSP path that replays a recording: `/replay/<recording token>`.
    public static func replayPath(token: String) -> String { "/replay/\(token)" }

    /// The listed recording an RTSP replay path names (`/replay/<token>`, optionally followed by
    /// `/sub`, `/trackID=…` or a query), or nil.
    public func recording(replayPath: String) -> Recording? {
        var path = Substring(replayPath)
        if let q = path.firstIndex(of: "?") { path = path[..<q] }
        guard path.hasPrefix("/replay/") else { return nil }
        let token = path.dropFirst("/replay/".count).split(separator: "/").first.map(String.init) ?? ""
        return recording(token: token)
    }

    /// The recording (listed or not) of a vendor channel number (Hikvision `tracks/<N>01`, Dahua
    /// `channel=N`); see `SimVendorPlayback.channel(in:)`.
    public func recording(vendorChannel n: Int) -> Recording? {
        guard let ch = SimVendorPlayback.channel(n, in: model) else { return nil }
        return all.first { $0.channel.sourceToken == ch.sourceToken }
    }

    /// The start time the device reports (the placeholder under `placeholderTimes`).
    var reportedStart: Date { placeholderTimes ? Self.placeholderStart : start }

    /// The end of the recordings now, in the device's time: its clock, less how far the
    /// recordings are behind it (`clock`; nothing at real time).
    public var deviceNow: Date { clock.now().addingTimeInterval(clockSkew) }

    /// The end of the recordings when the device's clock reads `deviceTime` (what the Search
    /// service answers with: DataUntil, LatestRecording, the last track state).
    public func recordingEnd(deviceTime: Date) -> Date { deviceTime.addingTimeInterval(-clock.lag()) }
}

extension SimRecordings: FootageTimeline {
    public func footage(recordingToken: String, from: Date, to: Date) -> [DateInterval] {
        guard from < to, let r = all.first(where: { $0.token == recordingToken }) else { return [] }
        return r.footage(in: DateInterval(start: from, end: to), now: deviceNow)
    }

    public func span(recordingToken: String) -> DateInterval? {
        guard let r = all.first(where: { $0.token == recordingToken }) else { return nil }
        let now = deviceNow
        return r.timeline.start < now ? DateInterval(start: r.timeline.start, end: now) : nil
    }
}
