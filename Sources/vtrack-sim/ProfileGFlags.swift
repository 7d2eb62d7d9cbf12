import ArgumentParser
import Simulator

extension SimVendor: ExpressibleByArgument {}
extension RecordingTimeline.Schedule: ExpressibleByArgument {}

/// `vtrack-sim` flags of Profile G: recordings, search and replay (field quirks E2, E5, F4, F5).
struct ProfileGFlags: ParsableArguments {
    @Flag(name: .customLong("no-profile-g"), help: "No Recording, Search or Replay service; the RTSP server answers 551 to Require: onvif-replay.")
    var noProfileG = false

    @Option(help: "Days of recordings per channel, ending now.") var days = 7

    @Option(help: "Seed of the recordings' gaps (nightly off-hours and outages).") var seed: UInt64 = 42

    @Option(help: "When the channels record: continuous (around the clock, with nightly off-hours and outages) or motion (short clips, about an hour a day).")
    var recording: RecordingTimeline.Schedule = .continuous

    @Option(help: "Pose as this vendor's NVR: hikvision or dahua (manufacturer name and its own RTSP playback URLs).")
    var vendor: SimVendor?

    @Flag(name: .customLong("placeholder-times"), help: "Report recordings as starting at 1970-01-01T00:03:15Z.")
    var placeholderTimes = false

    @Flag(name: .customLong("zero-recordings"), help: "Offer the Profile G services but no recording at all.")
    var zeroRecordings = false

    @Option(name: .customLong("search-seconds"), help: "Seconds each search spends Searching before it is Completed.")
    var searchSeconds: Double = 0.2

    @Option(name: .customLong("forget-searches"), help: "Forget this many search sessions right after their first page (InvalidToken on the next request).")
    var forgetSearches = 0

    @Flag(name: .customLong("record-sub-streams"), help: "The recordings hold each channel's sub stream (H.265 on even channels) instead of the H.264 main stream.")
    var recordSubStreams = false

    @Flag(name: .customLong("no-track-events"), help: "FindEvents finds no track-state events (only the recordings' first and last times tell what exists).")
    var noTrackEvents = false

    @Option(name: .customLong("time-scale"),
            help: "Recordings grow this many times faster than real time, from --recordings-behind seconds in the past until they reach now (e.g. 60: an hour of recording a minute).")
    var timeScale: Double = 1

    @Option(name: .customLong("recordings-behind"),
            help: "Seconds behind now the recordings end at start (default 3600 with --time-scale above 1, else 0).")
    var recordingsBehind: Double?

    func validate() throws {
        if !(1...100_000).contains(timeScale) { throw ValidationError("--time-scale must be between 1 and 100000.") }
        if let b = recordingsBehind, !(0...(86_400.0 * 3650)).contains(b) { throw ValidationError("--recordings-behind must be 0 or more seconds (at most 10 years).") }
        if days < 0 || days > 3650 { throw ValidationError("--days must be between 0 and 3650.") }
        if searchSeconds < 0 { throw ValidationError("--search-seconds must be 0 or more.") }
    }

    func apply(to c: inout SimulatorConfig) {
        c.profileG = !noProfileG
        c.days = days
        c.seed = seed
        if let vendor { c.vendor = vendor }
        c.recordings.placeholderTimes = placeholderTimes
        c.recordings.zeroRecordings = zeroRecordings
        c.recordings.searchSeconds = searchSeconds
        c.recordings.forgetSearches = forgetSearches
        c.recordings.schedule = recording
        c.recordings.recordSubStreams = recordSubStreams
        c.recordings.noTrackEvents = noTrackEvents
        let behind = recordingsBehind ?? (timeScale > 1 ? 3600 : 0)
        if timeScale > 1 || behind > 0 { c.recordingClock = RecordingClock(scale: timeScale, behind: behind) }
    }
}
