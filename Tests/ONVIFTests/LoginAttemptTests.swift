import Common
import Foundation
import ONVIF
import Simulator
import Synchronization
import Testing
import TestSupport

/// "Never more than 3 attempts with a bad password": counted by the simulator, which locks the
/// account at the 4th wrong login — whatever the auth mode, the fault switches, or how many
/// threads share the client.
@Suite struct LoginAttemptTests {
    typealias Configure = @Sendable (inout SimulatorConfig) -> Void

    static let variants: [(String, Configure)] = [
        ("wsse", { $0.auth = .wsse }),
        ("digest", { $0.auth = .digest }),
        ("basic", { $0.auth = .basic }),
        ("both", { $0.auth = .both }),
        ("empty 200 on a refused login", { $0.faults.emptyOn401 = true }),
        ("HTML 401 page", { $0.faults.html401 = true }),
        ("HTML 401 page with digest", { $0.faults.html401 = true; $0.auth = .digest }),
        ("SOAP 1.1 only", { $0.faults.soap11Only = true }),
        ("empty 200 and SOAP 1.1 only", { $0.faults.soap11Only = true; $0.faults.emptyOn401 = true }),
        ("authenticated date and time", { $0.faults.authenticatedDateTime = true }),
        ("far clock and authenticated date and time", { $0.faults.authenticatedDateTime = true; $0.clockSkew = 3600 }),
    ]

    @Test(arguments: 0..<variants.count)
    func aProbeWithABadPasswordNeverLocksAnAccountThatLocksAtFour(_ i: Int) throws {
        let (name, configure) = Self.variants[i]
        let f = try SimFixture {
            configure(&$0)
            $0.lockAfterFailures = 4
        }
        let client = f.client(password: "wrong-pass")
        let e = f.error { _ = try client.probe() }
        #expect(e?.isAuthenticationFailure == true, "\(name): \(String(describing: e))")
        // a second probe and another call with the same client ask the device nothing more
        _ = f.error { _ = try client.probe() }
        _ = f.error { _ = try client.scopes() }
        let s = f.sim.stats
        #expect(s.failedLogins + s.clockRejections <= 3, "\(name): \(s.failedLogins) wrong logins, \(s.clockRejections) clock rejections")
        #expect(!s.locked, "\(name)")
    }

    @Test(arguments: [SimulatorConfig.AuthMode.wsse, .digest, .basic, .both])
    func concurrentCallsWithABadPasswordNeverExceedThreeAttempts(_ mode: SimulatorConfig.AuthMode) throws {
        let f = try SimFixture {
            $0.auth = mode
            $0.lockAfterFailures = 4
        }
        let client = f.client(password: "wrong-pass")
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            if i % 2 == 0 { _ = try? client.deviceInformation() } else { _ = try? client.scopes() }
        }
        let s = f.sim.stats
        #expect(s.failedLogins >= 1, "the wrong password never reached the device")
        #expect(s.failedLogins <= 3, "\(s.failedLogins) wrong logins reached the device")
        #expect(!s.locked)
    }

    @Test func concurrentCallsWithTheRightPasswordAllSucceed() throws {
        let f = try SimFixture { $0.auth = .digest }
        let client = f.client()
        let ok = SendableCounter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if (try? client.deviceInformation()) != nil { ok.add() }
        }
        #expect(ok.value == 8)
        #expect(f.sim.stats.failedLogins == 0)
    }
}

/// A counter threads may bump.
final class SendableCounter: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
