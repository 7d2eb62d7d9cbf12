import Common
import Foundation
import ONVIF
import Simulator
import Testing

/// Answers of the simulator's Search, Replay and Recording services that the client wrappers do
/// not cover: media attributes, scopes, backward event searches, capabilities, faults.
@Suite struct SearchServiceAnswersTests {
    @Test func mediaAttributesDescribeTheVideoTrackAroundATime() throws {
        let f = try ProfileGSim { $0.days = 2 }
        let ch = f.sim.model.channels[1]
        let rec = try #require(f.sim.recordings.recording(token: ch.recordingToken))
        let piece = try #require(rec.footage(in: DateInterval(start: rec.timeline.start, end: secondsAgo(3600))).first { $0.duration > 600 })
        let at = piece.start.addingTimeInterval(300)
        let body = "<tse:GetMediaAttributes \(tse)><tse:RecordingTokens>\(ch.recordingToken)</tse:RecordingTokens><tse:Time>\(UTC.iso(at))</tse:Time></tse:GetMediaAttributes>"
        let e = try f.client().call(.search, "GetMediaAttributes", body: body)
        let attrs = try #require(e.child("MediaAttributes"))
        #expect(attrs.childText("RecordingToken") == ch.recordingToken)
        let video = try #require(attrs.first("VideoAttributes"))
        #expect(video.childText("Width") == "1920" && video.childText("Height") == "1080" && video.childText("Encoding") == "H264")
        #expect(attrs.childText("From").flatMap(UTC.parse) == piece.start)
        #expect(attrs.childText("Until").flatMap(UTC.parse) == piece.end)
        let bad = thrown { _ = try f.client().call(.search, "GetMediaAttributes", body: "<tse:GetMediaAttributes \(tse)><tse:RecordingTokens>NOPE</tse:RecordingTokens><tse:Time>\(UTC.iso(at))</tse:Time></tse:GetMediaAttributes>") }
        guard case ONVIFError.deviceFault(_, "NoRecording", _)? = bad else {
            Issue.record("expected a NoRecording fault, got \(String(describing: bad))")
            return
        }
    }

    @Test func aScopeBySourceNarrowsTheSearch() throws {
        let f = try ProfileGSim { $0.channels = 6 }
        let ch = f.sim.model.channels[4]
        let found = try f.client().findRecordings(scope: SearchScope(sources: [ch.sourceToken]))
        #expect(found.map(\.token) == [ch.recordingToken])
        let two = try f.client().findRecordings(scope: SearchScope(recordings: [f.sim.model.channels[0].recordingToken, ch.recordingToken]))
        #expect(Set(two.map(\.token)) == [f.sim.model.channels[0].recordingToken, ch.recordingToken])
    }

    @Test func aBackwardEventSearchComesNewestFirst() throws {
        let f = try ProfileGSim { $0.channels = 1; $0.days = 2 }
        let client = f.client()
        let end = secondsAgo(3600), start = secondsAgo(36 * 3600)
        let body = "<tse:FindEvents \(tse)><tse:StartPoint>\(UTC.iso(end))</tse:StartPoint><tse:EndPoint>\(UTC.iso(start))</tse:EndPoint><tse:Scope/>"
            + "<tse:IncludeStartState>false</tse:IncludeStartState><tse:KeepAliveTime>PT10S</tse:KeepAliveTime></tse:FindEvents>"
        let token = try #require(try client.call(.search, "FindEvents", body: body).firstText("SearchToken"))
        defer { _ = try? client.call(.search, "EndSearch", body: "<tse:EndSearch \(tse)><tse:SearchToken>\(token)</tse:SearchToken></tse:EndSearch>") }
        let page = try client.call(.search, "GetEventSearchResults",
                                   body: "<tse:GetEventSearchResults \(tse)><tse:SearchToken>\(token)</tse:SearchToken><tse:WaitTime>PT20S</tse:WaitTime></tse:GetEventSearchResults>",
                                   timeout: 30)
        let times = page.all("Result").compactMap { $0.childText("Time").flatMap(UTC.parse) }
        #expect(times.count >= 2)
        #expect(times == times.sorted(by: >))
        #expect(times.allSatisfy { $0 >= start && $0 <= end })
    }

    @Test func capabilitiesAndUnknownTokens() throws {
        let f = try ProfileGSim()
        let client = f.client()
        let search = try client.call(.search, "GetServiceCapabilities", body: "<tse:GetServiceCapabilities \(tse)/>")
        #expect(search.child("Capabilities")?.attribute("GeneralStartEvents") == "true")
        let replay = try client.call(.replay, "GetServiceCapabilities", body: "<trp:GetServiceCapabilities xmlns:trp=\"\(ONVIFService.replay.namespace)\"/>")
        #expect(replay.child("Capabilities")?.attribute("RTP_RTSP_TCP") == "true")
        let recording = try client.call(.recording, "GetServiceCapabilities", body: "<trc:GetServiceCapabilities xmlns:trc=\"\(ONVIFService.recording.namespace)\"/>")
        #expect(recording.child("Capabilities")?.attribute("MaxRecordings") == "4")
        let e = thrown { _ = try client.call(.search, "EndSearch", body: "<tse:EndSearch \(tse)><tse:SearchToken>SearchToken-999</tse:SearchToken></tse:EndSearch>") }
        guard case ONVIFError.deviceFault(_, "InvalidToken", _)? = e else {
            Issue.record("expected InvalidToken, got \(String(describing: e))")
            return
        }
    }

    @Test func aRebootedDeviceForgetsItsSearches() throws {
        let f = try ProfileGSim()
        let client = f.client()
        let token = try #require(try client.call(.search, "FindRecordings", body: "<tse:FindRecordings \(tse)><tse:Scope/><tse:KeepAliveTime>PT60S</tse:KeepAliveTime></tse:FindRecordings>").firstText("SearchToken"))
        #expect(f.sim.openSearchSessions == 1)
        f.sim.expireSearchSessions()
        #expect(f.sim.openSearchSessions == 0)
        let e = thrown { _ = try client.call(.search, "GetRecordingSearchResults", body: "<tse:GetRecordingSearchResults \(tse)><tse:SearchToken>\(token)</tse:SearchToken></tse:GetRecordingSearchResults>") }
        guard case ONVIFError.deviceFault(_, "InvalidToken", _)? = e else {
            Issue.record("expected InvalidToken, got \(String(describing: e))")
            return
        }
    }

    @Test func profileGServicesSitUnderTheCapabilitiesExtension() throws {
        let f = try ProfileGSim()
        let caps = try f.client().call(url: f.sim.deviceServiceURL, action: ONVIFService.device.action("GetCapabilities"),
                                       body: "<tds:GetCapabilities xmlns:tds=\"\(ONVIFService.device.namespace)\"><tds:Category>All</tds:Category></tds:GetCapabilities>")
        let top = try #require(caps.child("Capabilities"))
        for name in ["Search", "Replay", "Recording"] {
            #expect(top.child(name) == nil) // never top level (field quirk B1)
            #expect(top.child("Extension")?.child(name)?.childText("XAddr")?.hasSuffix("_service") == true)
        }
        #expect(top.child("Media") != nil)
    }
}
