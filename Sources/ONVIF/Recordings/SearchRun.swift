import Foundation

/// Runs one Profile G search to the end: Find… gives a token; result pages are fetched (MaxResults
/// per page, WaitTime per request, an HTTP timeout longer than WaitTime) until `SearchState` is
/// `Completed`; EndSearch is ALWAYS sent, also when a page fails. A session the device forgot
/// (InvalidToken fault) is started again from scratch, up to `maxRestarts` times.
struct SearchRun {
    let client: ONVIFClient
    let options: SearchOptions
    /// `FindRecordings` or `FindEvents`.
    let findOperation: String
    /// The Find… request body.
    let findBody: String
    /// `GetRecordingSearchResults` or `GetEventSearchResults`.
    let resultsOperation: String
    /// Local name of one result under `ResultList`: `RecordingInformation` or `Result`.
    let item: String

    static let tse = "xmlns:tse=\"\(ONVIFService.search.namespace)\" xmlns:tt=\"http://www.onvif.org/ver10/schema\""

    func run() throws -> [XMLElement] {
        let deadline = Date().addingTimeInterval(options.deadlineSeconds)
        var restarts = 0
        while true {
            do {
                return try session(deadline: deadline)
            } catch let e as ONVIFError where Self.isInvalidToken(e) {
                restarts += 1
                if restarts > options.maxRestarts { throw RecordingsError.searchExpired(restarts: options.maxRestarts) }
            }
        }
    }

    /// One session: start, page to the end, always end.
    private func session(deadline: Date) throws -> [XMLElement] {
        let started = try client.call(.search, findOperation, body: findBody)
        guard let token = started.firstText("SearchToken"), !token.isEmpty else {
            throw ONVIFError.malformedAnswer(action: findOperation, detail: "no SearchToken")
        }
        defer { end(token) }
        var items: [XMLElement] = []
        let wait = ISODuration.text(seconds: options.waitSeconds)
        let body = "<tse:\(resultsOperation) \(Self.tse)><tse:SearchToken>\(XMLEscape.text(token))</tse:SearchToken>"
            + "<tse:MaxResults>\(options.pageSize)</tse:MaxResults><tse:WaitTime>\(wait)</tse:WaitTime></tse:\(resultsOperation)>"
        while true {
            let page = try client.call(.search, resultsOperation, body: body, timeout: options.waitSeconds + client.options.requestTimeout)
            let list = page.child("ResultList") ?? page
            let found = list.children(item)
            items += found
            let state = list.childText("SearchState") ?? ""
            if state == "Completed" { return items }
            // a device that never tells its state: an empty page ends the search
            if (state.isEmpty || state == "Unknown") && found.isEmpty { return items }
            if Date() > deadline { throw RecordingsError.searchUnfinished(seconds: options.deadlineSeconds) }
        }
    }

    /// EndSearch, whatever happened (errors ignored: the session may be gone already).
    private func end(_ token: String) {
        let body = "<tse:EndSearch \(Self.tse)><tse:SearchToken>\(XMLEscape.text(token))</tse:SearchToken></tse:EndSearch>"
        _ = try? client.call(.search, "EndSearch", body: body)
    }

    static func isInvalidToken(_ e: ONVIFError) -> Bool {
        guard case .deviceFault(_, let code, let reason) = e else { return false }
        return code == "InvalidToken" || (code == "InvalidArgVal" && reason.lowercased().contains("token"))
    }
}
