import Common
import Foundation
import ONVIF

/// The Search service (`/onvif/search_service`): recording summary and information, media
/// attributes, and the two searches clients need for coverage — FindRecordings and FindEvents
/// (`tns1:RecordingHistory/Track/State` events whose `IsDataPresent` reveals the gaps) — with
/// sessions that queue, search, page, block up to WaitTime and expire after KeepAliveTime.
///
/// Like many devices it ignores `RecordingInformationFilter` and `SearchFilter` (field quirk E4);
/// only the scope's IncludedSources / IncludedRecordings and the time range narrow a search.
enum SimSearchService {
    static let path = "/onvif/search_service"

    static func make(library: SimRecordings, sessions: SimSearchSessions) -> SimSOAPService {
        SimSOAPService(
            path: path, service: .search, version: (2, 42),
            capability: SimCapability(name: "Search", inExtension: true, extra: "<tt:MetadataSearch>false</tt:MetadataSearch>"),
            operations: [
                "GetServiceCapabilities": { _ in
                    "<tse:GetServiceCapabilitiesResponse><tse:Capabilities MetadataSearch=\"false\" GeneralStartEvents=\"true\"/></tse:GetServiceCapabilitiesResponse>"
                },
                "GetRecordingSummary": { c in summary(c, library) },
                "GetRecordingInformation": { c in try information(c, library) },
                "GetMediaAttributes": { c in try mediaAttributes(c, library) },
                "FindRecordings": { c in findRecordings(c, library, sessions) },
                "FindEvents": { c in try findEvents(c, library, sessions) },
                "EndSearch": { c in
                    try sessions.end(c.text("SearchToken") ?? "")
                    return "<tse:EndSearchResponse><tse:Endpoint>\(SimRecordingXML.time(c.deviceTime))</tse:Endpoint></tse:EndSearchResponse>"
                },
            ],
            deferredOperations: [
                "GetRecordingSearchResults": { c in try results(c, sessions, kind: .recordings) },
                "GetEventSearchResults": { c in try results(c, sessions, kind: .events) },
            ])
    }

    static func summary(_ c: SOAPContext, _ library: SimRecordings) -> String {
        let n = library.recordings.count
        let end = library.recordingEnd(deviceTime: c.deviceTime)
        let from = n == 0 ? end : library.reportedStart
        return "<tse:GetRecordingSummaryResponse><tse:Summary><tt:DataFrom>\(SimRecordingXML.time(from))</tt:DataFrom>"
            + "<tt:DataUntil>\(SimRecordingXML.time(end))</tt:DataUntil><tt:NumberRecordings>\(n)</tt:NumberRecordings>"
            + "</tse:Summary></tse:GetRecordingSummaryResponse>"
    }

    static func information(_ c: SOAPContext, _ library: SimRecordings) throws -> String {
        let token = c.text("RecordingToken") ?? ""
        guard let r = library.recording(token: token) else { throw SimRecordingXML.recordingNotFound(token) }
        return "<tse:GetRecordingInformationResponse><tse:RecordingInformation>\(SimRecordingXML.information(r, library: library, now: library.recordingEnd(deviceTime: c.deviceTime)))"
            + "</tse:RecordingInformation></tse:GetRecordingInformationResponse>"
    }

    static func mediaAttributes(_ c: SOAPContext, _ library: SimRecordings) throws -> String {
        let end = library.recordingEnd(deviceTime: c.deviceTime)
        let at = c.text("Time").flatMap(UTC.parse) ?? end
        var body = ""
        for token in c.request.children("RecordingTokens").map(\.text) {
            guard let r = library.recording(token: token) else { throw SimRecordingXML.recordingNotFound(token) }
            // the attributes hold over the piece of footage around `at` (or the whole recording)
            let whole = DateInterval(start: r.timeline.start, end: max(r.timeline.start, end))
            let piece = r.footage(in: whole, now: end).first { $0.start <= at && at < $0.end } ?? whole
            let main = c.config.recordings.recordSubStreams ? r.channel.sub : r.channel.main
            body += "<tse:MediaAttributes><tt:RecordingToken>\(XMLEscape.text(r.token))</tt:RecordingToken>"
            for t in r.tracks where t.type == .video {
                body += "<tt:TrackAttributes><tt:TrackInformation><tt:TrackToken>\(t.token)</tt:TrackToken><tt:TrackType>Video</tt:TrackType>"
                    + "<tt:Description>VideoTrack</tt:Description><tt:DataFrom>\(SimRecordingXML.time(library.reportedStart))</tt:DataFrom>"
                    + "<tt:DataTo>\(SimRecordingXML.time(end))</tt:DataTo></tt:TrackInformation>"
                    + "<tt:VideoAttributes><tt:Bitrate>\(main.bitrateKbps)</tt:Bitrate><tt:Width>\(main.width)</tt:Width><tt:Height>\(main.height)</tt:Height>"
                    + "<tt:Encoding>\(main.codec.rawValue)</tt:Encoding><tt:Framerate>\(main.fps)</tt:Framerate></tt:VideoAttributes></tt:TrackAttributes>"
            }
            body += "<tt:From>\(SimRecordingXML.time(piece.start))</tt:From><tt:Until>\(SimRecordingXML.time(piece.end))</tt:Until></tse:MediaAttributes>"
        }
        return "<tse:GetMediaAttributesResponse>\(body)</tse:GetMediaAttributesResponse>"
    }

    /// The recordings a request's `Scope` names (all when it names none).
    static func scoped(_ c: SOAPContext, _ library: SimRecordings) -> [SimRecordings.Recording] {
        guard let scope = c.request.child("Scope") else { return library.recordings }
        let sources = scope.children("IncludedSources").map { $0.childText("Token") ?? $0.text }.filter { !$0.isEmpty }
        let recordings = scope.children("IncludedRecordings").map(\.text).filter { !$0.isEmpty }
        if sources.isEmpty && recordings.isEmpty { return library.recordings }
        return library.recordings.filter { sources.contains($0.channel.sourceToken) || recordings.contains($0.token) }
    }

    static func keepAlive(_ c: SOAPContext) -> Double? {
        c.request.childText("KeepAliveTime").flatMap(ISODuration.seconds)
    }

    static func findRecordings(_ c: SOAPContext, _ library: SimRecordings, _ sessions: SimSearchSessions) -> String {
        var found = scoped(c, library).map { r in
            "<tt:RecordingInformation>\(SimRecordingXML.information(r, library: library, now: library.recordingEnd(deviceTime: c.deviceTime)))</tt:RecordingInformation>"
        }
        if let max = c.request.childText("MaxMatches").flatMap({ Int($0) }), max >= 0 { found = Array(found.prefix(max)) }
        let token = sessions.start(.recordings, results: found, keepAlive: keepAlive(c))
        return "<tse:FindRecordingsResponse><tse:SearchToken>\(token)</tse:SearchToken></tse:FindRecordingsResponse>"
    }

    static func findEvents(_ c: SOAPContext, _ library: SimRecordings, _ sessions: SimSearchSessions) throws -> String {
        let now = library.recordingEnd(deviceTime: c.deviceTime)
        guard let startPoint = c.request.childText("StartPoint").flatMap(UTC.parse) else {
            throw SOAPFaultReply.invalidArgument("InvalidArgs", "FindEvents needs a StartPoint")
        }
        let endPoint = c.request.childText("EndPoint").flatMap(UTC.parse) ?? now
        let backwards = endPoint < startPoint
        let lo = min(startPoint, endPoint), hi = max(startPoint, endPoint)
        let includeStartState = c.request.childText("IncludeStartState")?.lowercased() == "true"

        struct Found { var time: Date; var order: Int; var xml: String }
        var found: [Found] = []
        var order = 0
        for r in scoped(c, library) where !c.config.recordings.noTrackEvents {
            let whole = DateInterval(start: r.timeline.start, end: max(r.timeline.start, now))
            for t in r.tracks {
                if includeStartState {
                    let present = r.footage(track: t, in: DateInterval(start: startPoint, end: startPoint.addingTimeInterval(1)), now: now)
                        .contains { $0.start <= startPoint }
                    found.append(Found(time: startPoint, order: order, xml: SimRecordingXML.trackStateEvent(
                        recording: r.token, track: t.token, at: startPoint, dataPresent: present, startState: true)))
                    order += 1
                }
                for piece in r.footage(track: t, in: whole, now: now) {
                    var edges = [(piece.start, true)]
                    if piece.end < now { edges.append((piece.end, false)) } // the last piece is still being recorded
                    for (time, present) in edges where time >= lo && time <= hi && !(includeStartState && time == startPoint) {
                        found.append(Found(time: time, order: order, xml: SimRecordingXML.trackStateEvent(
                            recording: r.token, track: t.token, at: time, dataPresent: present, startState: false)))
                        order += 1
                    }
                }
            }
        }
        found.sort { $0.time != $1.time ? ($0.time < $1.time) != backwards : $0.order < $1.order }
        var results = found.map { "<tt:Result>\($0.xml)</tt:Result>" }
        if let max = c.request.childText("MaxMatches").flatMap({ Int($0) }), max >= 0 { results = Array(results.prefix(max)) }
        let token = sessions.start(.events, results: results, keepAlive: keepAlive(c))
        return "<tse:FindEventsResponse><tse:SearchToken>\(token)</tse:SearchToken></tse:FindEventsResponse>"
    }

    /// GetRecordingSearchResults / GetEventSearchResults: answers when enough results are found,
    /// the search completes, or WaitTime runs out — whichever comes first.
    static func results(_ c: SOAPContext, _ sessions: SimSearchSessions, kind: SimSearchSessions.Kind) throws -> SOAPDeferredAnswer {
        let token = c.text("SearchToken") ?? ""
        let minResults = c.request.childText("MinResults").flatMap { Int($0) }
        let maxResults = c.request.childText("MaxResults").flatMap { Int($0) }
        let wait = c.request.childText("WaitTime").flatMap(ISODuration.seconds) ?? 0
        let (after, take) = try sessions.requestPage(token, kind: kind, minResults: minResults, maxResults: maxResults, wait: wait)
        let element = kind == .recordings ? "GetRecordingSearchResultsResponse" : "GetEventSearchResultsResponse"
        return SOAPDeferredAnswer(after: after) {
            let page = take()
            return "<tse:\(element)><tse:ResultList><tt:SearchState>\(page.state.rawValue)</tt:SearchState>\(page.results.joined())</tse:ResultList></tse:\(element)>"
        }
    }
}
