import Foundation
import Simulator
import Testing
import TestSupport
@testable import Streaming

/// Our RTSP client logs in with Digest against the simulator's RTSP server over a real socket;
/// the server checks answers with its own verifier (written apart from the client's code).
@Suite("RTSP Digest logins against the simulator's verifier")
struct RTSPDigestLoginTests {
    @Test(arguments: SimDigestAlgorithm.allCases)
    func logsInWithEachAlgorithm(algorithm: SimDigestAlgorithm) throws {
        let sim = try SimRTSP { $0.digestAlgorithm = algorithm }
        let s = try RTSPSession(url: sim.url("/live/ch01/sub")).run(PlayRequest(), sink: CollectingSink(limit: 2))
        #expect(s.endReason == .stoppedBySink)
        // only the first request was challenged: DESCRIBE, SETUP and PLAY were all accepted after it
        #expect(sim.server.statistics.authFailures == 1)
    }

    @Test(arguments: [SimDigestAlgorithm.md5, .sha256])
    func userNameWithQuoteAndBackslashLogsIn(algorithm: SimDigestAlgorithm) throws {
        let user = "o\"ps\\admin"
        let sim = try SimRTSP { $0.user = user; $0.digestAlgorithm = algorithm }
        let s = try RTSPSession(url: sim.url("/live/ch01/sub", withCredentials: false), user: user, password: sim.config.password)
            .run(PlayRequest(), sink: CollectingSink(limit: 2))
        #expect(s.endReason == .stoppedBySink)
        #expect(sim.server.statistics.authFailures == 1)
    }

    @Test(arguments: [SimDigestAlgorithm.md5, .sha256])
    func wrongPasswordIsRefused(algorithm: SimDigestAlgorithm) throws {
        let sim = try SimRTSP { $0.digestAlgorithm = algorithm; $0.rtsp.auth = .digestUnquoted }
        #expect(throws: StreamingError.authenticationFailed(user: "admin")) {
            try RTSPSession(url: sim.url("/live/ch01/sub"), password: "admin124").run(PlayRequest(), sink: CollectingSink(limit: 1))
        }
        #expect(sim.server.statistics.authFailures >= 2)
    }
}
