import Common
import Foundation

/// Reading Profile G answers by local names, tolerating missing fields and odd dates.
enum ProfileGParsing {
    /// A `RecordingInformation` element (FindRecordings result, GetRecordingInformation).
    static func recordingInformation(_ e: XMLElement) -> RecordingInformation? {
        guard let token = e.childText("RecordingToken"), !token.isEmpty else { return nil }
        let source = e.child("Source")
        let tracks = e.children("Track").compactMap { t -> RecordingTrack? in
            guard let tt = t.childText("TrackToken"), !tt.isEmpty else { return nil }
            return RecordingTrack(token: tt, type: trackKind(t.childText("TrackType")),
                                  dataFrom: date(t.childText("DataFrom")), dataTo: date(t.childText("DataTo")))
        }
        return RecordingInformation(token: token, sourceToken: source?.childText("SourceId") ?? "", sourceName: source?.childText("Name") ?? "",
                                    earliest: date(e.childText("EarliestRecording")), latest: date(e.childText("LatestRecording")),
                                    tracks: tracks, status: e.childText("RecordingStatus") ?? "")
    }

    /// A `RecordingItem` of Recording GetRecordings (tracks under `Tracks/Track/Configuration`).
    static func recordingItem(_ e: XMLElement) -> RecordingInformation? {
        guard let token = e.childText("RecordingToken"), !token.isEmpty else { return nil }
        let source = e.child("Configuration")?.child("Source")
        let tracks = (e.child("Tracks")?.children("Track") ?? []).compactMap { t -> RecordingTrack? in
            guard let tt = t.childText("TrackToken"), !tt.isEmpty else { return nil }
            return RecordingTrack(token: tt, type: trackKind(t.child("Configuration")?.childText("TrackType")))
        }
        return RecordingInformation(token: token, sourceToken: source?.childText("SourceId") ?? "", sourceName: source?.childText("Name") ?? "",
                                    tracks: tracks)
    }

    static func trackKind(_ text: String?) -> RecordingTrack.Kind {
        switch text?.lowercased() {
        case "video": return .video
        case "audio": return .audio
        case "metadata": return .metadata
        default: return .unknown
        }
    }

    static func summary(_ response: XMLElement) -> RecordingSummary {
        let s = response.child("Summary") ?? response
        return RecordingSummary(dataFrom: date(s.childText("DataFrom")), dataUntil: date(s.childText("DataUntil")),
                                numberOfRecordings: Int(s.childText("NumberRecordings") ?? "") ?? 0)
    }

    /// A `Result` of GetEventSearchResults that is a track-state event; nil for any other event.
    static func trackStateEvent(_ r: XMLElement) -> TrackStateEvent? {
        let event = r.child("Event")
        if let topic = event?.firstText("Topic"), !topic.isEmpty, !topic.contains("RecordingHistory/Track/State") { return nil }
        let message = event?.first("Message").flatMap { $0.child("Message") ?? $0 }
        func item(_ parent: String, _ name: String) -> String? {
            message?.child(parent)?.children("SimpleItem").first { $0.attribute("Name") == name }?.attribute("Value")
        }
        guard let present = item("Data", "IsDataPresent").map({ $0.lowercased() == "true" || $0 == "1" }) else { return nil }
        let recording = r.childText("RecordingToken") ?? item("Source", "RecordingToken") ?? ""
        let track = r.childText("TrackToken") ?? item("Source", "Track") ?? ""
        guard let time = date(r.childText("Time")) ?? date(message?.attribute("UtcTime")), !recording.isEmpty else { return nil }
        return TrackStateEvent(recordingToken: recording, trackToken: track, time: time, isDataPresent: present,
                               isStartState: r.childText("StartStateEvent")?.lowercased() == "true")
    }

    static func date(_ text: String?) -> Date? {
        guard let t = text, !t.isEmpty else { return nil }
        return UTC.parse(t)
    }

    /// `<tse:Scope>` with IncludedSources and IncludedRecordings.
    static func scope(_ scope: SearchScope) -> String {
        var s = "<tse:Scope>"
        for src in scope.sources { s += "<tt:IncludedSources><tt:Token>\(XMLEscape.text(src))</tt:Token></tt:IncludedSources>" }
        for rec in scope.recordings { s += "<tt:IncludedRecordings>\(XMLEscape.text(rec))</tt:IncludedRecordings>" }
        return s + "</tse:Scope>"
    }
}
