import Common
import Foundation
@testable import ONVIF
import Simulator
import Testing
import TestSupport

/// The simulator checks logins the way the field quirks describe (A1, A4, A5), seen on the wire.
@Suite struct SimulatorLoginTests {
    /// Sends GetDeviceInformation with a hand-made WS-Security header and returns the HTTP status
    /// and the fault reason, if any.
    func send(_ f: SimFixture, created: String, password: String = "admin123", type: String = UsernameToken.digestType) -> (Int, String) {
        send(url: f.sim.deviceServiceURL, created: created, password: password, type: type)
    }

    /// The same, to the device service at `url` (a `vtrack-sim` process).
    func send(url: String, created: String, password: String = "admin123", type: String = UsernameToken.digestType) -> (Int, String) {
        let nonce: [UInt8] = Array(0..<16)
        let pw = type == UsernameToken.digestType ? UsernameToken.digest(nonce: nonce, created: created, password: password) : password
        let security = "<wsse:Security xmlns:wsse=\"\(UsernameToken.securityNamespace)\" xmlns:wsu=\"\(UsernameToken.utilityNamespace)\">"
            + "<wsse:UsernameToken><wsse:Username>admin</wsse:Username><wsse:Password Type=\"\(type)\">\(pw)</wsse:Password>"
            + "<wsse:Nonce>\(Data(nonce).base64EncodedString())</wsse:Nonce><wsu:Created>\(created)</wsu:Created></wsse:UsernameToken></wsse:Security>"
        let action = ONVIFService.device.action("GetDeviceInformation")
        let xml = Envelope.build(version: .soap12, action: action, to: url, body: DeviceRequests.getDeviceInformation, security: security)
        let t = CurlTransport(settings: TransportSettings(connectTimeout: 2, requestTimeout: 5, allowInsecureTLS: false), maxHandles: 1)
        guard case .success(let r) = t.send(HTTPRequest(url: url, headers: SOAPVersion.soap12.headers(action: action), body: Array(xml.utf8))) else {
            return (0, "transport failure")
        }
        let reason = (try? XMLDocument.parse(r.bodyText))?.first("Fault").map { SOAPFault(element: $0).reason } ?? ""
        return (r.status, reason)
    }

    @Test func createdMustBeWithinFiveSeconds() throws {
        let f = try SimFixture { $0.clockSkew = 0 }
        let now = Date()
        #expect(send(f, created: UTC.iso(now)).0 == 200)
        #expect(send(f, created: UTC.iso(now, millis: true)).0 == 200)
        #expect(send(f, created: UTC.iso(now.addingTimeInterval(4))).0 == 200)
        let late = send(f, created: UTC.iso(now.addingTimeInterval(-20)))
        #expect(late.0 == 400 && late.1 == "Wsse authorized time check failed")
        #expect(f.sim.stats.failedLogins == 0)
        #expect(f.sim.stats.clockRejections == 1)
        let wrong = send(f, created: UTC.iso(now), password: "nope")
        #expect(wrong.0 == 400 && wrong.1 == "Sender not Authorized")
        #expect(f.sim.stats.failedLogins == 1)
    }

    /// `now` written as xsd:dateTime at a zone `hours` east of UTC (`+07:00`, `-05:30`, `+00:00`),
    /// with `fraction` after the seconds when given.
    static func created(_ now: Date, eastMinutes: Int, fraction: String = "") -> String {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(secondsFromGMT: eastMinutes * 60)!
        let d = c.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now)
        let sign = eastMinutes < 0 ? "-" : "+"
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", d.year!, d.month!, d.day!, d.hour!, d.minute!, d.second!)
            + fraction + sign + String(format: "%02d:%02d", abs(eastMinutes) / 60, abs(eastMinutes) % 60)
    }

    @Test func createdMayBeAnyXSDDateTimeForm() throws {
        let f = try SimFixture()
        let now = Date()
        let forms = [UTC.iso(now), UTC.iso(now, millis: true),
                     Self.created(now, eastMinutes: 0), Self.created(now, eastMinutes: 7 * 60),
                     Self.created(now, eastMinutes: -(5 * 60 + 30), fraction: ".123456"),
                     String(UTC.iso(now).dropLast()) + ".5Z"]
        for form in forms {
            #expect(send(f, created: form).0 == 200, "\(form)")
        }
        // valid forms still meet the clock: +07:00 written with UTC's wall time is 7 hours off
        #expect(send(f, created: String(UTC.iso(now).dropLast()) + "+07:00").1 == "Wsse authorized time check failed")
        for nonsense in [String(UTC.iso(now).dropLast()) + "+7:00", String(UTC.iso(now).dropLast()) + "+15:00",
                         String(UTC.iso(now).dropLast()) + ".Z", "2026-13-07T00:20:36Z"] {
            #expect(send(f, created: nonsense).0 == 400, "\(nonsense)")
        }
        #expect(f.sim.stats.failedLogins == 0)
    }

    @Test func zuluOnlyIsADeviceQuirkSwitch() throws {
        let f = try SimFixture { $0.faults.wsseCreatedZuluOnly = true }
        let now = Date()
        #expect(send(f, created: UTC.iso(now)).0 == 200)
        #expect(send(f, created: UTC.iso(now, millis: true)).0 == 200)
        let offset = send(f, created: Self.created(now, eastMinutes: 0)) // some Hikvision firmware refuses this form (A4)
        #expect(offset.0 == 400 && offset.1 == "Wsse authorized time check failed")
        #expect(send(f, created: Self.created(now, eastMinutes: 7 * 60)).0 == 400)
        #expect(f.sim.stats.clockRejections == 2)

        // the same switch on vtrack-sim
        let strict = try SimProcess(["--wsse-created-zulu-only"])
        let lenient = try SimProcess()
        let url = { (p: SimProcess) in "http://127.0.0.1:\(p.httpPort)/onvif/device_service" }
        #expect(send(url: url(strict), created: Self.created(Date(), eastMinutes: 0)).0 == 400)
        #expect(send(url: url(strict), created: UTC.iso(Date())).0 == 200)
        #expect(send(url: url(lenient), created: Self.created(Date(), eastMinutes: 0)).0 == 200)
    }

    @Test func createdIsCheckedAgainstTheSkewedClock() throws {
        let f = try SimFixture { $0.clockSkew = -3600 }
        #expect(send(f, created: UTC.iso(Date())).0 == 400)
        #expect(send(f, created: UTC.iso(Date().addingTimeInterval(-3600))).0 == 200)
    }

    @Test func passwordTextIsAccepted() throws {
        let f = try SimFixture()
        #expect(send(f, created: UTC.iso(Date()), type: "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText").0 == 200)
    }

    @Test func expiredDigestNonceCostsNoLoginAttempt() throws {
        let f = try SimFixture { $0.auth = .digest; $0.lockAfterFailures = 1 }
        let client = f.client()
        _ = try client.probe()
        f.sim.expireDigestNonces()
        #expect(try client.deviceInformation().model == "SIM-NVR")
        #expect(f.sim.stats.failedLogins == 0)
        #expect(!f.sim.stats.locked)
    }

    @Test func digestWithoutQopFollowsRFC2069() throws {
        var challenge = try #require(DigestChallenge(header: "Digest realm=\"VTrackSim\", nonce=\"abc\", algorithm=MD5"))
        #expect(challenge.qop == nil)
        let h = challenge.authorization(method: "POST", uri: "/onvif/device_service", user: "admin", password: "admin123", nc: 1, cnonce: "x")
        let ha1 = DigestAlgorithm.md5.hash("admin:VTrackSim:admin123"), ha2 = DigestAlgorithm.md5.hash("POST:/onvif/device_service")
        #expect(h.contains("response=\"\(DigestAlgorithm.md5.hash("\(ha1):abc:\(ha2)"))\""))
        #expect(!h.contains("qop="))
        challenge.qop = "auth"
        let q = challenge.authorization(method: "POST", uri: "/x", user: "u", password: "p", nc: 10, cnonce: "c")
        #expect(q.contains("nc=0000000a") && q.contains("qop=auth"))
    }

    @Test func getStreamUriWithoutProfileTokenSilentlyGivesChannelOne() throws {
        // B5: a client that forgets the token gets channel 1, so ours always sends it
        let f = try SimFixture()
        let ns = "xmlns:trt=\"\(ONVIFService.media.namespace)\" xmlns:tt=\"http://www.onvif.org/ver10/schema\""
        let setup = "<trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup>"
        let r = try f.client().call(.media, "GetStreamUri", body: "<trt:GetStreamUri \(ns)>\(setup)</trt:GetStreamUri>")
        #expect(r.firstText("Uri")?.hasSuffix("/live/ch01/main") == true)
        let probe = try f.client().probe()
        #expect(Set(probe.cameras.compactMap { $0.mainStream?.uri }).count == 4)
    }

    @Test func getStreamUriWithoutTheCanonicalStreamSetupIsRefused() throws {
        // B6: strict firmware refuses a missing or odd StreamSetup, so ours always sends RTP-Unicast/RTSP
        let f = try SimFixture()
        let ns = "xmlns:trt=\"\(ONVIFService.media.namespace)\" xmlns:tt=\"http://www.onvif.org/ver10/schema\""
        let token = f.sim.model.channels[0].main.token
        let e = f.error { _ = try f.client().call(.media, "GetStreamUri", body: "<trt:GetStreamUri \(ns)><trt:ProfileToken>\(token)</trt:ProfileToken></trt:GetStreamUri>") }
        guard case .deviceFault(_, let code, _)? = e else {
            Issue.record("expected a device fault, got \(String(describing: e))")
            return
        }
        #expect(code == "InvalidStreamSetup")
        // the probe's requests carry it: every channel has its main and sub stream URI
        let r = try f.client().probe()
        #expect(r.cameras.allSatisfy { $0.mainStream?.uri != nil && $0.subStream?.uri != nil })
    }
}
