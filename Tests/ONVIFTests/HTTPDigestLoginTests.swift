import Foundation
import ONVIF
import Simulator
import Testing
import TestSupport

/// Our SOAP client logs in with HTTP Digest against the simulator over a real socket. The
/// simulator checks the answers with its own verifier (its own header reading and hashing), so
/// these also check the client's shared Digest code against an independent implementation.
@Suite struct HTTPDigestLoginTests {
    @Test(arguments: SimDigestAlgorithm.allCases)
    func logsInWithEachAlgorithm(algorithm: SimDigestAlgorithm) throws {
        let f = try SimFixture { $0.auth = .digest; $0.digestAlgorithm = algorithm }
        let client = f.client()
        #expect(try client.deviceInformation().model == "SIM-NVR")
        #expect(client.authenticationScheme == "WS-Security + HTTP Digest")
        #expect(f.sim.stats.failedLogins == 0)
        // later requests reuse the nonce with a growing nc, and are accepted at once
        _ = try client.deviceInformation()
        #expect(f.sim.stats.failedLogins == 0)
    }

    @Test(arguments: [SimDigestAlgorithm.md5, .sha256])
    func userNameWithQuoteAndBackslashLogsIn(algorithm: SimDigestAlgorithm) throws {
        let user = "o\"ps\\admin"
        let f = try SimFixture { $0.auth = .digest; $0.user = user; $0.digestAlgorithm = algorithm }
        #expect(try f.client(user: user).deviceInformation().model == "SIM-NVR")
        #expect(f.sim.stats.failedLogins == 0)
    }

    @Test(arguments: [SimDigestAlgorithm.md5, .sha256])
    func wrongPasswordIsRefused(algorithm: SimDigestAlgorithm) throws {
        let f = try SimFixture { $0.auth = .digest; $0.digestAlgorithm = algorithm }
        let e = f.error { _ = try f.client(password: "admin124").deviceInformation() }
        guard case .wrongCredentials? = e else {
            Issue.record("expected wrongCredentials, got \(String(describing: e))")
            return
        }
        #expect(f.sim.stats.failedLogins >= 1)
    }
}
