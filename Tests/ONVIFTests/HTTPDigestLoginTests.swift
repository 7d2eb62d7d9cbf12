import Common
import Foundation
@testable import ONVIF
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

    /// The simulator really checks the hash: an answer that names SHA-256 but was hashed with MD5
    /// (the kind of mistake a client could share with a server that reuses its code) is refused.
    @Test func anAnswerHashedWithAnotherAlgorithmIsRefused() throws {
        let f = try SimFixture { $0.auth = .digest; $0.digestAlgorithm = .sha256 }
        let url = f.sim.deviceServiceURL
        let action = ONVIFService.device.action("GetDeviceInformation")
        let xml = Envelope.build(version: .soap12, action: action, to: url, body: DeviceRequests.getDeviceInformation, security: nil)
        let t = CurlTransport(settings: TransportSettings(connectTimeout: 2, requestTimeout: 5, allowInsecureTLS: false), maxHandles: 1)
        func post(_ authorization: String?) throws -> HTTPResponse {
            let headers = SOAPVersion.soap12.headers(action: action) + (authorization.map { ["Authorization: \($0)"] } ?? [])
            return try t.send(HTTPRequest(url: url, headers: headers, body: Array(xml.utf8))).get()
        }
        let refused = try post(nil)
        #expect(refused.status == 401)
        var challenge = try #require(refused.headerValues("www-authenticate").lazy.compactMap(DigestChallenge.init(header:)).first)
        #expect(challenge.algorithm == .sha256)
        let path = "/onvif/device_service"
        #expect(try post(challenge.authorization(method: "POST", uri: path, user: "admin", password: "admin123", nc: 1, cnonce: "c1")).status == 200)
        challenge.algorithm = .md5 // still says algorithm=SHA-256
        #expect(try post(challenge.authorization(method: "POST", uri: path, user: "admin", password: "admin123", nc: 2, cnonce: "c2")).status == 401)
        // and an answer for another URI than the one requested
        challenge.algorithm = .sha256
        #expect(try post(challenge.authorization(method: "POST", uri: "/onvif/media_service", user: "admin", password: "admin123", nc: 3, cnonce: "c3")).status == 401)
    }
}
