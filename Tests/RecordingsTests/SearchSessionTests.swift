import Common
import Foundation
import ONVIF
import Simulator
import Testing

/// The Search service's sessions, driven through the simulator over real sockets: paging,
/// WaitTime, KeepAliveTime expiry and restart, EndSearch always.
@Suite struct SearchSessionTests {
    @Test func pagingSmallerThanTheRecordingsReturnsEachOnce() throws {
        let f = try ProfileGSim { $0.channels = 8 }
        let recordings = try f.client().findRecordings(options: SearchOptions(pageSize: 3))
        #expect(recordings.count == 8)
        #expect(Set(recordings.map(\.token)) == Set(f.sim.model.channels.map(\.recordingToken)))
        // 8 results in pages of at most 3: at least three result requests
        #expect(f.sim.stats.count("GetRecordingSearchResults") >= 3)
        #expect(f.searchesEnded == f.searchesStarted)
        #expect(f.sim.openSearchSessions == 0)
        for r in recordings {
            let ch = try #require(f.sim.model.channel(recordingToken: r.token))
            #expect(r.sourceToken == ch.sourceToken) // tied to the camera by its video source token
            #expect(r.videoTracks.map(\.token) == ["VIDEO001"])
            #expect(r.tracks.count == 3)
        }
    }

    /// Raw GetRecordingSearchResults: the state and the results it carries.
    func page(_ client: ONVIFClient, _ token: String, min: Int? = nil, max: Int? = nil, wait: String) throws -> (state: String, count: Int) {
        var body = "<tse:GetRecordingSearchResults \(tse)><tse:SearchToken>\(token)</tse:SearchToken>"
        if let min { body += "<tse:MinResults>\(min)</tse:MinResults>" }
        if let max { body += "<tse:MaxResults>\(max)</tse:MaxResults>" }
        body += "<tse:WaitTime>\(wait)</tse:WaitTime></tse:GetRecordingSearchResults>"
        let e = try client.call(.search, "GetRecordingSearchResults", body: body, timeout: 60)
        let list = try #require(e.child("ResultList"))
        return (list.childText("SearchState") ?? "", list.children("RecordingInformation").count)
    }

    func find(_ client: ONVIFClient, keepAlive: String = "PT60S") throws -> String {
        let e = try client.call(.search, "FindRecordings", body: "<tse:FindRecordings \(tse)><tse:Scope/><tse:KeepAliveTime>\(keepAlive)</tse:KeepAliveTime></tse:FindRecordings>")
        return try #require(e.firstText("SearchToken"))
    }

    @Test func waitTimeBlocksUntilTheSearchCompletes() throws {
        // a search that stays queued for 3 s then searches for 1 s
        let f = try ProfileGSim { $0.recordings.searchQueuedSeconds = 3; $0.recordings.searchSeconds = 1 }
        let client = f.client()
        let token = try find(client)
        let first = try page(client, token, wait: "PT0S")
        #expect(first.state == "Queued")
        #expect(first.count == 0)
        // without a real wait, this answer would still say Queued
        let second = try page(client, token, wait: "PT30S")
        #expect(second.state == "Completed")
        #expect(second.count == 4)
    }

    @Test func minResultsReturnsAsSoonAsThatManyAreFound() throws {
        let f = try ProfileGSim { $0.channels = 8; $0.recordings.searchQueuedSeconds = 0; $0.recordings.searchSeconds = 4 }
        let client = f.client()
        let token = try find(client)
        let p = try page(client, token, min: 2, max: 2, wait: "PT30S")
        #expect(p.count == 2)
        #expect(p.state == "Searching")
        var total = p.count, state = p.state
        while state != "Completed" {
            let next = try page(client, token, max: 3, wait: "PT30S")
            #expect(next.count <= 3)
            total += next.count
            state = next.state
        }
        #expect(total == 8)
    }

    @Test func keepAliveTimeExpiryInvalidatesTheToken() throws {
        let f = try ProfileGSim()
        let client = f.client()
        let token = try find(client, keepAlive: "PT1S")
        Thread.sleep(forTimeInterval: 2.5)
        let e = thrown { _ = try page(client, token, wait: "PT0S") }
        guard case ONVIFError.deviceFault(_, let code, _)? = e else {
            Issue.record("expected an InvalidToken fault, got \(String(describing: e))")
            return
        }
        #expect(code == "InvalidToken")
        #expect(f.sim.openSearchSessions == 0)
    }

    @Test func aForgottenSearchIsStartedAgain() throws {
        let f = try ProfileGSim { $0.recordings.forgetSearches = 1 }
        let recordings = try f.client().findRecordings(options: SearchOptions(pageSize: 2))
        #expect(recordings.count == 4)
        #expect(f.sim.stats.count("FindRecordings") == 2)
        #expect(f.searchesEnded == f.searchesStarted)
    }

    @Test func aSearchForgottenEveryTimeGivesUpWithItsSentence() throws {
        let f = try ProfileGSim { $0.recordings.forgetSearches = 100 }
        let e = thrown { _ = try f.client().findRecordings(options: SearchOptions(pageSize: 2, maxRestarts: 2)) }
        #expect(e as? RecordingsError == .searchExpired(restarts: 2))
        #expect(f.sim.stats.count("FindRecordings") == 3)
        #expect(f.searchesEnded == f.searchesStarted) // EndSearch even for the lost sessions
        #expect((e as? RecordingsError)?.text(.en).contains("dropped the recording search") == true)
        #expect((e as? RecordingsError)?.text(.vi).contains("phiên tìm kiếm") == true)
    }

    @Test func eventSearchesAreEndedToo() throws {
        let f = try ProfileGSim { $0.days = 2 }
        let range = DateInterval(start: secondsAgo(86_400), end: secondsAgo(60))
        let events = try f.client().findTrackStates(in: range, options: SearchOptions(pageSize: 7))
        #expect(!events.isEmpty)
        #expect(f.sim.stats.count("FindEvents") == 1)
        #expect(f.searchesEnded == 1)
        #expect(f.sim.openSearchSessions == 0)
    }

    @Test func theLongPollOutlastsTheRequestTimeout() throws {
        // the device answers only when its 4 s search is done; a 2 s request timeout alone would cut it off
        let f = try ProfileGSim { $0.recordings.searchSeconds = 4 }
        let client = f.client(options: ClientOptions(requestTimeout: 2))
        let recordings = try client.findRecordings(options: SearchOptions(waitSeconds: 6))
        #expect(recordings.count == 4)
        #expect(f.sim.stats.count("GetRecordingSearchResults") == 1) // one blocked request, not polling
    }

    @Test func aSearchThatNeverFinishesGivesUpAndIsEnded() throws {
        let f = try ProfileGSim { $0.recordings.searchSeconds = 60 }
        let e = thrown { _ = try f.client().findRecordings(options: SearchOptions(waitSeconds: 0.2, pageSize: 1, deadlineSeconds: 1)) }
        #expect(e as? RecordingsError == .searchUnfinished(seconds: 1))
        #expect((e as? RecordingsError)?.text(.en).contains("had not finished searching") == true)
        #expect(f.searchesEnded == f.searchesStarted)
        #expect(f.sim.openSearchSessions == 0)
    }
}
