import Dispatch
import Foundation
import Synchronization

/// The Search service's sessions (FindRecordings, FindEvents): each has its results computed at
/// once, then "found" evenly over `searchSeconds` after `searchQueuedSeconds` in the queue, handed
/// out page by page, and forgotten after `KeepAliveTime` without a request or at EndSearch.
///
/// A results request that must wait (WaitTime) is answered later by an event-loop timer: the time
/// its answer is due is known in advance from the schedule, so no thread ever blocks.
final class SimSearchSessions: Sendable {
    enum Kind: String, Sendable { case recordings, events }

    /// `Queued`, `Searching`, `Completed` as the answers spell them.
    enum State: String, Sendable { case queued = "Queued", searching = "Searching", completed = "Completed" }

    /// One page of results.
    struct Page: Sendable {
        var state: State
        var results: [String]
    }

    struct Session: Sendable {
        var kind: Kind
        var results: [String]
        var queuedUntil: Double
        var completeAt: Double
        var delivered = 0
        var keepAlive: Double
        var lastUsed: Double
        /// Requests waiting for their answer (a session in use never expires).
        var pending = 0
        var pagesServed = 0
    }

    private struct Sessions {
        var byToken: [String: Session] = [:]
        var next = 1
        var forgetLeft: Int
    }

    private let state: Mutex<Sessions>
    private let switches: ProfileGSwitches

    init(switches: ProfileGSwitches) {
        self.switches = switches
        self.state = Mutex(Sessions(forgetLeft: max(0, switches.forgetSearches)))
    }

    /// Seconds on a monotonic clock.
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Starts a session over `results` and returns its token.
    /// - Parameter keepAlive: the client's KeepAliveTime in seconds (nil: the device's longest).
    func start(_ kind: Kind, results: [String], keepAlive: Double?) -> String {
        let t = Self.now()
        let granted = min(max(keepAlive ?? switches.maxKeepAliveSeconds, 0.1), switches.maxKeepAliveSeconds)
        let queuedUntil = t + max(0, switches.searchQueuedSeconds)
        let session = Session(kind: kind, results: results, queuedUntil: queuedUntil,
                              completeAt: queuedUntil + max(0, switches.searchSeconds), keepAlive: granted, lastUsed: t)
        return state.withLock { s in
            s.byToken = s.byToken.filter { !Self.expired($0.value, at: t) }
            let token = "SearchToken-\(s.next)"
            s.next += 1
            s.byToken[token] = session
            return token
        }
    }

    /// Sessions not yet ended or expired.
    var openCount: Int {
        let t = Self.now()
        return state.withLock { $0.byToken.values.filter { !Self.expired($0, at: t) }.count }
    }

    /// Forgets every session now (as a device reboot would).
    func expireAll() { state.withLock { $0.byToken.removeAll() } }

    /// Checks the token and works out when the answer is due.
    /// - Returns: the seconds to wait, and the function that takes the page at that time.
    /// - Throws: `SOAPFaultReply` InvalidToken for an unknown, ended, expired or other-kind token.
    func requestPage(_ token: String, kind: Kind, minResults: Int?, maxResults: Int?, wait: Double) throws
        -> (after: Double, take: @Sendable () -> Page) {
        let t = Self.now()
        let after: Double = try state.withLock { s in
            guard var session = s.byToken[token], session.kind == kind, !Self.expired(session, at: t) else {
                s.byToken[token] = nil
                throw Self.invalidToken(token)
            }
            session.pending += 1
            session.lastUsed = t
            s.byToken[token] = session
            let due = Self.dueTime(session, minResults: minResults, maxResults: maxResults)
            return min(max(0, due - t), max(0, wait))
        }
        // the page shows at least the state at the time it is due (a timer may fire a little early)
        let dueAt = t + after
        let take: @Sendable () -> Page = { [self] in self.takePage(token, maxResults: maxResults, notBefore: dueAt) }
        return (after, take)
    }

    /// Ends a session. Throws InvalidToken when it does not exist (any more).
    func end(_ token: String) throws {
        let t = Self.now()
        try state.withLock { s in
            guard let session = s.byToken.removeValue(forKey: token), !Self.expired(session, at: t) else { throw Self.invalidToken(token) }
        }
    }

    // MARK: - Schedule

    private func takePage(_ token: String, maxResults: Int?, notBefore: Double) -> Page {
        let t = max(Self.now(), notBefore)
        return state.withLock { s in
            // ended (EndSearch) while this request waited: nothing more will come
            guard var session = s.byToken[token] else { return Page(state: .completed, results: []) }
            let available = Self.available(session, at: t)
            let take = min(available - session.delivered, maxResults.map { max(0, $0) } ?? Int.max)
            let page = Array(session.results[session.delivered..<(session.delivered + take)])
            session.delivered += take
            session.pending -= 1
            session.lastUsed = t
            session.pagesServed += 1
            let state: State = t < session.queuedUntil ? .queued
                : (session.delivered == session.results.count && t >= session.completeAt ? .completed : .searching)
            if session.pagesServed == 1, s.forgetLeft > 0 {
                s.forgetLeft -= 1
                s.byToken[token] = nil // the fault switch: this session is lost after its first page
            } else {
                s.byToken[token] = session
            }
            return Page(state: state, results: page)
        }
    }

    /// Results found by time `t`.
    static func available(_ s: Session, at t: Double) -> Int {
        let total = s.results.count
        if t >= s.completeAt { return total }
        if t < s.queuedUntil { return 0 }
        let fraction = (t - s.queuedUntil) / max(s.completeAt - s.queuedUntil, 1e-9)
        return min(total, Int((Double(total) * fraction).rounded(.down)))
    }

    /// When a page request can be answered without WaitTime: enough new results (MinResults or
    /// MaxResults, whichever is smaller), or the search is complete.
    static func dueTime(_ s: Session, minResults: Int?, maxResults: Int?) -> Double {
        let wanted = [minResults, maxResults].compactMap { $0 }.filter { $0 > 0 }.min()
        guard let wanted else { return s.completeAt }
        let target = s.delivered + wanted
        let total = s.results.count
        if target > total { return s.completeAt }
        let span = s.completeAt - s.queuedUntil
        // available(t) >= target  ⇔  t >= queuedUntil + span * target / total
        return min(s.completeAt, s.queuedUntil + span * Double(target) / Double(max(total, 1)) + 1e-6)
    }

    static func expired(_ s: Session, at t: Double) -> Bool {
        s.pending == 0 && t - s.lastUsed > s.keepAlive
    }

    static func invalidToken(_ token: String) -> SOAPFaultReply {
        SOAPFaultReply.invalidArgument("InvalidToken", "The search token \(token) is invalid (unknown, ended or expired)")
    }
}
