import Common
import Foundation
import ONVIF
import Simulator
import Testing
import TestSupport

/// Each simulator fault switch either is recovered from or gives its own clear error.
@Suite struct FaultSwitchTests {
    @Test func soap11OnlyIsRecoveredAndRemembered() throws {
        let f = try SimFixture { $0.faults.soap11Only = true }
        let client = f.client()
        let r = try client.probe()
        #expect(r.cameras.count == 4)
        #expect(client.soapVersion == .soap11)
        let stats = f.sim.stats
        #expect(stats.soap11Requests > 0)
        // SOAP 1.2 tried once for the clock and once for the first authenticated call, never after
        #expect(stats.soap12Requests <= 2)
        #expect(stats.failedLogins == 0)
    }

    @Test func aDeviceThatRefusesTheActionParameterIsAnsweredWithoutIt() throws {
        let f = try SimFixture { $0.faults.rejectActionParameter = true }
        let client = f.client()
        let r = try client.probe()
        #expect(r.cameras.count == 4)
        #expect(r.cameras.allSatisfy { $0.mainStream?.uri != nil })
        #expect(client.soapVersion == .soap12)
        // refused once (the first request), then remembered for every later request
        #expect(f.sim.stats.actionParameterRefusals == 1)
        #expect(f.sim.stats.failedLogins == 0)
    }

    @Test func aDeviceThatNeedsTheActionParameterGetsIt() throws {
        let f = try SimFixture { $0.faults.requireActionParameter = true }
        let r = try f.client().probe()
        #expect(r.cameras.count == 4)
        #expect(f.sim.stats.actionParameterRefusals == 0)
    }

    @Test func anOperationTheDeviceLacksIsStillNamedWhenItRefusesTheActionParameter() throws {
        let f = try SimFixture { $0.faults.rejectActionParameter = true }
        let client = f.client()
        _ = try client.deviceInformation()
        let e = f.error { _ = try client.call(.device, "GetNoSuchThing", body: "<tds:GetNoSuchThing xmlns:tds=\"\(ONVIFService.device.namespace)\"/>") }
        #expect(e == .serviceNotSupported(service: "Device GetNoSuchThing"))
    }

    @Test func malformedXMLIsNamed() throws {
        let f = try SimFixture { $0.faults.malformedXML = true }
        let e = f.error { _ = try f.client().probe() }
        guard case .malformedAnswer? = e else {
            Issue.record("expected malformedAnswer, got \(String(describing: e))")
            return
        }
    }

    @Test func undeclaredPrefixesAndPaddedURIsAreRead() throws {
        let f = try SimFixture { $0.faults.undeclaredPrefixes = true }
        let r = try f.client().probe()
        #expect(r.cameras.count == 4)
        for c in r.cameras {
            let uri = try #require(c.mainStream?.uri)
            #expect(uri == uri.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(uri.hasPrefix("rtsp://127.0.0.1:"))
        }
    }

    @Test func stallGivesATimeout() throws {
        let f = try SimFixture { $0.faults.stallSeconds = 3 }
        let e = f.error { _ = try f.client(options: ClientOptions(requestTimeout: 0.5)).probe() }
        #expect(e == .timeout(host: f.address.description, seconds: 0.5))
    }

    @Test func noGetServicesFallsBackToGetCapabilities() throws {
        let f = try SimFixture { $0.noGetServices = true }
        let r = try f.client().probe()
        #expect(!r.services.fromGetServices)
        #expect(r.services.offers(.media))
        #expect(!r.services.offers(.media2)) // GetCapabilities cannot name Media2
        #expect(r.cameras.count == 4)
        for ch in f.sim.model.channels {
            let c = try #require(r.cameras.first { $0.sourceToken == ch.sourceToken })
            #expect(c.mainStream?.uri != nil)
            // an H.265 sub exists only in Media2, which only GetServices can reveal
            #expect((c.subStream != nil) == (ch.sub.codec == .h264))
        }
    }

    @Test func media2OnlyWithoutGetServicesHasNoMediaService() throws {
        let f = try SimFixture {
            $0.noGetServices = true
            $0.media2Only = true
        }
        let e = f.error { _ = try f.client().probe() }
        #expect(e == .serviceNotSupported(service: "Media"))
    }

    @Test func aProfileWithoutEncoderIsListedAsUnknown() throws {
        let f = try SimFixture { $0.faults.profileWithoutEncoder = true }
        let r = try f.client().probe()
        #expect(r.cameras.count == 4)
        let ch1 = try #require(f.sim.model.channels.first)
        let cam = try #require(r.cameras.first { $0.sourceToken == ch1.sourceToken })
        #expect(cam.mainStream?.codec == "H264")
        #expect(cam.subStream?.codec == "unknown")
        #expect(cam.subStream?.profileToken == ch1.sub.token)
    }

    @Test func aFailingStreamURIIsSkipped() throws {
        let f = try SimFixture { $0.faults.streamURIFaultChannel = 2 }
        let r = try f.client().probe()
        #expect(r.cameras.count == 4)
        for ch in f.sim.model.channels {
            let cam = try #require(r.cameras.first { $0.sourceToken == ch.sourceToken })
            if ch.number == 2 {
                #expect(cam.mainStream?.uri == nil)
                #expect(cam.streamURL == "")
            } else {
                #expect(cam.mainStream?.uri != nil)
            }
        }
    }

    @Test func connectionRefusedHintsAtTheONVIFPort() throws {
        let port = freePort()
        let client = ONVIFClient(address: DeviceAddress(host: "127.0.0.1", port: port), credentials: Credentials(user: "a", password: "b"))
        let e = try SimFixture().error { _ = try client.probe() }
        #expect(e == .connectionRefused(host: "127.0.0.1", port: port))
        #expect(e?.text(.en).contains("ONVIF port") == true)
        #expect(e?.text(.vi).contains("cổng ONVIF") == true)
    }

    @Test func unresolvableHostIsUnreachable() throws {
        let client = ONVIFClient(address: try DeviceAddress(parsing: "no-such-device.invalid:8080"), credentials: nil)
        let e = try SimFixture().error { _ = try client.probe() }
        guard case .unreachable(let host, _)? = e else {
            Issue.record("expected unreachable, got \(String(describing: e))")
            return
        }
        #expect(host == "no-such-device.invalid")
    }

    @Test func aWrongPathIsNotONVIF() throws {
        let f = try SimFixture()
        let client = ONVIFClient(address: DeviceAddress(host: "127.0.0.1", port: f.sim.httpPort, path: "/cgi-bin/nothing"),
                                 credentials: Credentials(user: "admin", password: "admin123"))
        let e = f.error { _ = try client.probe() }
        guard case .notONVIF? = e else {
            Issue.record("expected notONVIF, got \(String(describing: e))")
            return
        }
    }

    @Test func anUnofferedServiceIsNamed() throws {
        let f = try SimFixture()
        let e = f.error { _ = try f.client().call(.analytics, "GetSupportedAnalyticsModules", body: "<x/>") }
        #expect(e == .serviceNotSupported(service: "Analytics"))
    }

    @Test func genericCallReachesAnyOperation() throws {
        let f = try SimFixture()
        let r = try f.client().call(.device, "GetHostname", body: "<tds:GetHostname xmlns:tds=\"\(ONVIFService.device.namespace)\"/>")
        #expect(r.name == "GetHostnameResponse")
        #expect(r.firstText("Name") == "vtrack-sim")
        let e = f.error { _ = try f.client().call(.device, "GetNoSuchThing", body: "<tds:GetNoSuchThing xmlns:tds=\"\(ONVIFService.device.namespace)\"/>") }
        #expect(e == .serviceNotSupported(service: "Device GetNoSuchThing"))
    }
}
