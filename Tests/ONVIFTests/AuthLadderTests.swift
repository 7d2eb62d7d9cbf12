import Common
import Foundation
import ONVIF
import Simulator
import Synchronization
import Testing
import TestSupport

/// Every authentication mode, wrong passwords, attempt caps and lockout, against the simulator.
@Suite struct AuthLadderTests {
    @Test(arguments: [SimulatorConfig.AuthMode.wsse, .digest, .basic, .both, .none])
    func everyAuthModeLogsIn(_ mode: SimulatorConfig.AuthMode) throws {
        let f = try SimFixture { $0.auth = mode }
        let client = f.client()
        let r = try client.probe()
        #expect(r.cameras.count == 4)
        #expect(r.device.manufacturer == "VTrack")
        #expect(f.sim.stats.failedLogins == 0)
        switch mode {
        case .wsse, .both, .none: #expect(client.authenticationScheme == "WS-Security")
        case .digest: #expect(client.authenticationScheme == "WS-Security + HTTP Digest")
        case .basic: #expect(client.authenticationScheme == "WS-Security + HTTP Basic")
        }
    }

    @Test func deviceWithoutLoginNeedsNoCredentials() throws {
        let f = try SimFixture { $0.auth = .none }
        let r = try f.client(user: nil).probe()
        #expect(r.cameras.count == 4)
    }

    @Test func missingCredentialsAreNamed() throws {
        let f = try SimFixture { $0.auth = .wsse }
        let e = f.error { _ = try f.client(user: nil).probe() }
        #expect(e == .credentialsRequired(host: f.address.description))
    }

    @Test(arguments: [SimulatorConfig.AuthMode.wsse, .digest, .basic, .both])
    func wrongPasswordIsTriedAtMostThreeTimes(_ mode: SimulatorConfig.AuthMode) throws {
        let f = try SimFixture { $0.auth = mode }
        let client = f.client(password: "wrong-pass")
        let e = f.error { _ = try client.probe() }
        guard case .wrongCredentials(let user, _)? = e else {
            Issue.record("expected wrongCredentials, got \(String(describing: e))")
            return
        }
        #expect(user == "admin")
        #expect(f.sim.stats.failedLogins >= 1)
        #expect(f.sim.stats.failedLogins <= 3)
        // the error sticks: later calls do not ask the device again
        let before = f.sim.stats.failedLogins
        _ = f.error { _ = try client.deviceInformation() }
        _ = f.error { _ = try client.probe() }
        #expect(f.sim.stats.failedLogins == before)
    }

    @Test func accountLockShowsTheDevicesReason() throws {
        let f = try SimFixture { $0.lockAfterFailures = 2 }
        let e = f.error { _ = try f.client(password: "wrong-pass").probe() }
        guard case .accountLocked(let reason)? = e else {
            Issue.record("expected accountLocked, got \(String(describing: e))")
            return
        }
        #expect(reason.contains("locked"))
        #expect(f.sim.stats.failedLogins == 2)
        #expect(f.sim.stats.locked)
        // now even the right password is refused with the lock reason, and costs no more failures
        let again = f.error { _ = try f.client().probe() }
        if case .accountLocked? = again {} else { Issue.record("expected accountLocked, got \(String(describing: again))") }
        #expect(f.sim.stats.failedLogins == 2)
    }

    @Test func remainingAttemptsReachTheUser() throws {
        let f = try SimFixture { $0.lockAfterFailures = 10 }
        let e = f.error { _ = try f.client(password: "wrong-pass").probe() }
        guard case .wrongCredentials(_, let reason?)? = e else {
            Issue.record("expected wrongCredentials with a reason, got \(String(describing: e))")
            return
        }
        #expect(reason.contains("You still have"))
        #expect(f.sim.stats.failedLogins <= 3)
        #expect(!f.sim.stats.locked)
    }

    @Test(arguments: [20.0, -20.0, 3600.0, -3600.0, 15_552_000.0, -15_552_000.0])
    func clockSkewIsMeasuredAndUsed(_ skew: Double) throws {
        let f = try SimFixture { $0.clockSkew = skew }
        let client = f.client()
        let r = try client.probe()
        #expect(r.cameras.count == 4)
        let offset = try #require(client.clockOffset)
        #expect(abs(offset - skew) < 3)
        #expect(f.sim.stats.clockRejections == 0)
        #expect(f.sim.stats.failedLogins == 0)
    }

    /// Firmware that answers local wall time labelled as UTC but checks logins against real UTC
    /// (A3, OpenIPC Majestic's -36000 s drift): the second reading of its answer logs in.
    @Test(arguments: [8, -10, 5])
    func localTimeLabelledUTCIsReadTheOtherWay(_ hoursEast: Int) throws {
        let f = try SimFixture {
            $0.faults.localTimeLabelledUTC = hoursEast
            $0.clockSkew = 30
        }
        let client = f.client()
        let r = try client.probe()
        #expect(r.cameras.count == 4)
        #expect(abs((client.clockOffset ?? 0) - 30) < 3)
        #expect(f.sim.stats.clockRejections == 1)
        #expect(f.sim.stats.failedLogins == 0)
    }

    /// The same firmware with nothing in its answer that hints at the mislabel: the login cannot
    /// work, and the error names the clock and how far off it reads.
    @Test func aClockThatReadsHoursOffIsNamedWithItsOffset() throws {
        let f = try SimFixture {
            $0.faults.localTimeLabelledUTC = 3
            $0.faults.localTimeZoneHidden = true
        }
        let e = f.error { _ = try f.client().probe() }
        guard case .clockFarOff(let offset?)? = e else {
            Issue.record("expected clockFarOff with an offset, got \(String(describing: e))")
            return
        }
        #expect(abs(offset - 3 * 3600) < 3)
        #expect(e?.text(.en).contains("off by about 3 h (ahead)") == true)
        #expect(e?.text(.vi).contains("3 h") == true)
        #expect(f.sim.stats.failedLogins == 0)
        #expect(f.sim.stats.clockRejections <= 3)
    }

    @Test func localTimeLabelledUTCWithAWrongPasswordStaysWithinThreeAttempts() throws {
        let f = try SimFixture {
            $0.faults.localTimeLabelledUTC = 7
            $0.lockAfterFailures = 4
        }
        let e = f.error { _ = try f.client(password: "wrong-pass").probe() }
        guard case .wrongCredentials? = e else {
            Issue.record("expected wrongCredentials, got \(String(describing: e))")
            return
        }
        #expect(f.sim.stats.failedLogins <= 3)
        #expect(!f.sim.stats.locked)
    }

    @Test func aDriftedClockHealsItself() throws {
        let f = try SimFixture { $0.clockSkew = 0 }
        let client = f.client()
        _ = try client.probe()
        f.sim.setClockSkew(3600) // the device clock jumps an hour (DST)
        let info = try client.deviceInformation()
        #expect(info.model == "SIM-NVR")
        #expect(f.sim.stats.clockRejections == 1)
        #expect(abs((client.clockOffset ?? 0) - 3600) < 3)
    }

    @Test func concurrentCallsHealADriftOnce() throws {
        let f = try SimFixture()
        let client = f.client()
        _ = try client.services()
        f.sim.setClockSkew(-7200)
        let results = Mutex<[Bool]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let ok = (try? client.deviceInformation()) != nil
            results.withLock { $0.append(ok) }
        }
        #expect(results.withLock { $0 } == Array(repeating: true, count: 8))
        #expect(f.sim.stats.failedLogins == 0)
        #expect(f.sim.stats.count("GetSystemDateAndTime") == 2) // measured once, re-measured once
        #expect(abs((client.clockOffset ?? 0) + 7200) < 3)
    }

    @Test func authenticatedDateTimeFallsBack() throws {
        let f = try SimFixture {
            $0.faults.authenticatedDateTime = true
            $0.clockSkew = 2
        }
        let client = f.client()
        let r = try client.probe()
        #expect(r.cameras.count == 4)
        #expect(f.sim.stats.count("GetSystemDateAndTime") >= 2) // unauthenticated, then authenticated
        #expect(abs((r.device.clockOffsetSeconds ?? 0) - 2) < 3)
    }

    @Test func aFarClockTheDeviceWillNotTellIsNamed() throws {
        let f = try SimFixture {
            $0.faults.authenticatedDateTime = true
            $0.clockSkew = 180 * 86_400
        }
        let e = f.error { _ = try f.client().probe() }
        #expect(e == .clockFarOff(offsetSeconds: nil))
        #expect(f.sim.stats.clockRejections <= 3)
    }

    @Test func emptyAnswerToAWrongLoginIsNamed() throws {
        let f = try SimFixture { $0.faults.emptyOn401 = true }
        #expect(try f.client().probe().cameras.count == 4)
        let e = f.error { _ = try f.client(password: "wrong-pass").probe() }
        guard case .emptyAnswer? = e else {
            Issue.record("expected emptyAnswer, got \(String(describing: e))")
            return
        }
        #expect(f.sim.stats.failedLogins <= 3)
    }

    @Test func htmlUnauthorizedPage() throws {
        let f = try SimFixture { $0.faults.html401 = true }
        #expect(try f.client().probe().cameras.count == 4)
        let e = f.error { _ = try f.client(password: "wrong-pass").probe() }
        guard case .wrongCredentials? = e else {
            Issue.record("expected wrongCredentials, got \(String(describing: e))")
            return
        }
        #expect(f.sim.stats.failedLogins <= 3)
    }

    @Test func htmlUnauthorizedPageWithDigest() throws {
        let f = try SimFixture {
            $0.faults.html401 = true
            $0.auth = .digest
        }
        #expect(try f.client().probe().cameras.count == 4)
    }

    @Test func noPasswordInAnyErrorText() throws {
        let secret = "S3cr3t-p@ss/w?rd%"
        var errors: [ONVIFError] = []
        for configure in [
            { (c: inout SimulatorConfig) in c.auth = .wsse },
            { (c: inout SimulatorConfig) in c.auth = .digest },
            { (c: inout SimulatorConfig) in c.lockAfterFailures = 1 },
            { (c: inout SimulatorConfig) in c.faults.emptyOn401 = true },
            { (c: inout SimulatorConfig) in c.faults.html401 = true },
        ] {
            let f = try SimFixture(configure)
            if let e = f.error({ _ = try f.client(user: "admin", password: secret).probe() }) { errors.append(e) }
        }
        let refused = DeviceAddress(host: "127.0.0.1", port: freePort())
        if let e = (try? SimFixture())?.error({
            _ = try ONVIFClient(address: refused, credentials: Credentials(user: "admin", password: secret)).probe()
        }) { errors.append(e) }
        #expect(errors.count == 6)
        for e in errors {
            for lang in Language.allCases {
                #expect(!e.text(lang).contains(secret))
                #expect(!e.text(lang).contains("S3cr3t"))
            }
        }
    }
}
