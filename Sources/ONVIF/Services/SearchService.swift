import Common
import Foundation

/// Search service (Profile G) calls: what the device recorded, and when.
extension ONVIFClient {
    private var tse: String { SearchRun.tse }

    /// Throws `RecordingsError.noProfileG` unless the device offers both Search and Replay.
    public func requireProfileG() throws {
        let map = try services()
        let missing = [ONVIFService.search, .replay].filter { !map.offers($0) }.map(\.displayName)
        if !missing.isEmpty { throw RecordingsError.noProfileG(missing: missing) }
    }

    /// GetRecordingSummary: the span of all recordings and how many there are. DataFrom may be a
    /// placeholder (1970): use it only through ``CoverageRules`` style clamping.
    public func recordingSummary() throws -> RecordingSummary {
        try searchCall { ProfileGParsing.summary(try call(.search, "GetRecordingSummary", body: "<tse:GetRecordingSummary \(tse)/>")) }
    }

    /// GetRecordingInformation of one recording.
    public func recordingInformation(token: String) throws -> RecordingInformation {
        try searchCall(token: token) {
            let body = "<tse:GetRecordingInformation \(tse)><tse:RecordingToken>\(XMLEscape.text(token))</tse:RecordingToken></tse:GetRecordingInformation>"
            let e = try call(.search, "GetRecordingInformation", body: body)
            guard let info = (e.child("RecordingInformation")).flatMap(ProfileGParsing.recordingInformation) else {
                throw ONVIFError.malformedAnswer(action: "GetRecordingInformation", detail: "no RecordingInformation")
            }
            return info
        }
    }

    /// FindRecordings + every page of GetRecordingSearchResults + EndSearch: the recordings in
    /// `scope`, in the device's order, each once.
    public func findRecordings(scope: SearchScope = .all, options: SearchOptions = SearchOptions()) throws -> [RecordingInformation] {
        try searchCall {
            let body = "<tse:FindRecordings \(tse)>\(ProfileGParsing.scope(scope))"
                + "<tse:KeepAliveTime>\(ISODuration.text(seconds: options.keepAliveSeconds))</tse:KeepAliveTime></tse:FindRecordings>"
            let run = SearchRun(client: self, options: options, findOperation: "FindRecordings", findBody: body,
                                resultsOperation: "GetRecordingSearchResults", item: "RecordingInformation")
            var seen = Set<String>()
            return try run.run().compactMap(ProfileGParsing.recordingInformation).filter { seen.insert($0.token).inserted }
        }
    }

    /// FindEvents for `tns1:RecordingHistory/Track/State` over `range` + every page of
    /// GetEventSearchResults + EndSearch: the track-state events in time order, with (by default)
    /// the state of every track at `range.start` as start-state events.
    public func findTrackStates(in range: DateInterval, scope: SearchScope = .all, includeStartState: Bool = true,
                                options: SearchOptions = SearchOptions()) throws -> [TrackStateEvent] {
        try searchCall {
            let body = "<tse:FindEvents \(tse) xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\" xmlns:tns1=\"http://www.onvif.org/ver10/topics\">"
                + "<tse:StartPoint>\(UTC.iso(range.start))</tse:StartPoint><tse:EndPoint>\(UTC.iso(range.end))</tse:EndPoint>"
                + ProfileGParsing.scope(scope)
                + "<tse:SearchFilter><wsnt:TopicExpression Dialect=\"http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet\">tns1:RecordingHistory/Track/State</wsnt:TopicExpression></tse:SearchFilter>"
                + "<tse:IncludeStartState>\(includeStartState)</tse:IncludeStartState>"
                + "<tse:KeepAliveTime>\(ISODuration.text(seconds: options.keepAliveSeconds))</tse:KeepAliveTime></tse:FindEvents>"
            let run = SearchRun(client: self, options: options, findOperation: "FindEvents", findBody: body,
                                resultsOperation: "GetEventSearchResults", item: "Result")
            let events = try run.run().compactMap(ProfileGParsing.trackStateEvent)
            return events.enumerated().sorted { a, b in
                a.element.time != b.element.time ? a.element.time < b.element.time : a.offset < b.offset
            }.map(\.element)
        }
    }

    /// Turns "no Search service" into `noProfileG` and, for a call about one recording, a
    /// NoRecording fault into `recordingNotFound`.
    private func searchCall<T>(token: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch ONVIFError.serviceNotSupported(let s) where s == ONVIFService.search.displayName {
            throw RecordingsError.noProfileG(missing: [s])
        } catch ONVIFError.deviceFault(_, "NoRecording", _) where token != nil {
            throw RecordingsError.recordingNotFound(token: token ?? "")
        }
    }
}
