import Foundation
import ONVIF

/// How coverage is worked out from what a device says, with its quirks:
/// - gaps come from the video track's `RecordingHistory/Track/State` events (field quirk E3);
///   audio and metadata tracks are ignored (E5);
/// - the state before the first event comes from the start-state event, else from the first
///   event (a "false" means there was footage until then);
/// - without events, the recording's first and last times are used;
/// - times before 2000 (placeholders such as `1970-01-01T00:03:15Z`, E5) or in the future are not
///   believed, and everything is clamped to the requested range: a placeholder never plans a
///   50-year download.
public enum CoverageRules {
    /// Recording times before this are placeholders, not real times.
    public static let earliestPlausible = Date(timeIntervalSince1970: 946_684_800) // 2000-01-01

    /// `date` when it is a believable recording time at `now`, else nil.
    public static func plausible(_ date: Date?, now: Date) -> Date? {
        guard let d = date, d >= earliestPlausible, d <= now.addingTimeInterval(86_400) else { return nil }
        return d
    }

    /// The last recorded time when the recording stopped a while ago (more than a minute before
    /// `now`); nil for a recording still going (its LatestRecording is the device's "now", which
    /// differs from ours by the clock offset and whole-second rounding) or an implausible time.
    static func stoppedAt(_ latest: Date?, now: Date) -> Date? {
        guard let l = plausible(latest, now: now), l < now.addingTimeInterval(-60) else { return nil }
        return l
    }

    /// The range a search looks at: `requested`, ending at `now` at the latest.
    public static func effectiveRange(_ requested: DateInterval, now: Date) -> DateInterval {
        DateInterval(start: min(requested.start, now), end: max(min(requested.end, now), min(requested.start, now)))
    }

    /// Coverage of one recording from track-state events (any order; other recordings' events and
    /// non-video tracks are ignored). Falls back to ``fromRecordingRange(earliest:latest:range:now:)``
    /// when the video tracks have no event at all.
    public static func fromTrackStates(_ events: [TrackStateEvent], recording: RecordingInformation,
                                       range requested: DateInterval, now: Date) -> Coverage {
        let range = effectiveRange(requested, now: now)
        let mine = events.filter { $0.recordingToken == recording.token }
        let videoTokens = Set(recording.videoTracks.map(\.token))
        let chosen = videoTokens.isEmpty ? mine : mine.filter { videoTokens.contains($0.trackToken) }
        guard !chosen.isEmpty else {
            return fromRecordingRange(earliest: recording.earliest, latest: recording.latest, range: requested, now: now)
        }
        let earliest = plausible(recording.earliest, now: now)
        let latest = stoppedAt(recording.latest, now: now)
        var intervals: [DateInterval] = []
        for track in Set(chosen.map(\.trackToken)).sorted() {
            let trackEvents = chosen.filter { $0.trackToken == track }
            intervals += intervalsOfTrack(trackEvents, range: range, earliest: earliest, latest: latest)
        }
        return Coverage(range: range, intervals: intervals, basis: .trackEvents)
    }

    /// Coverage when only the first and last recorded times are known: one interval, clamped.
    public static func fromRecordingRange(earliest: Date?, latest: Date?, range requested: DateInterval, now: Date) -> Coverage {
        let range = effectiveRange(requested, now: now)
        let lo = max(range.start, plausible(earliest, now: now) ?? range.start)
        let hi = min(range.end, stoppedAt(latest, now: now) ?? range.end)
        return Coverage(range: range, intervals: lo < hi ? [DateInterval(start: lo, end: hi)] : [], basis: .recordingRange)
    }

    /// Intervals of one track from its events.
    static func intervalsOfTrack(_ events: [TrackStateEvent], range: DateInterval, earliest: Date?, latest: Date?) -> [DateInterval] {
        let sorted = events.enumerated().sorted { a, b in
            if a.element.time != b.element.time { return a.element.time < b.element.time }
            if a.element.isStartState != b.element.isStartState { return a.element.isStartState } // the start state first
            return a.offset < b.offset
        }.map(\.element)
        let floor = max(range.start, earliest ?? range.start)
        var out: [DateInterval] = []
        var openSince: Date?
        var known = false
        for e in sorted {
            if e.isDataPresent {
                if openSince == nil { openSince = max(e.time, floor) }
            } else {
                if let since = openSince {
                    if e.time > since { out.append(DateInterval(start: since, end: e.time)) }
                } else if !known, e.time > floor {
                    // the first thing we hear is "no data from now on": there was footage before
                    out.append(DateInterval(start: floor, end: e.time))
                }
                openSince = nil
            }
            known = true
        }
        if let since = openSince {
            // still recording at the last event: until the end of the range (or the last recorded time)
            let lastEvent = sorted.last?.time ?? since
            let end = latest.map { max($0, lastEvent) }.map { min($0, range.end) } ?? range.end
            if end > since { out.append(DateInterval(start: since, end: end)) }
        }
        return TimeSpans.clamp(out, to: range)
    }
}
