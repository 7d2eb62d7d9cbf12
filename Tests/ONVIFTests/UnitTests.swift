import Common
import Foundation
@testable import ONVIF
import Testing

@Suite struct DeviceAddressTests {
    @Test func parsesWhatUsersType() throws {
        let a = try DeviceAddress(parsing: "192.168.1.64")
        #expect(a.host == "192.168.1.64" && a.port == 80 && a.deviceServiceURL == "http://192.168.1.64:80/onvif/device_service")
        let b = try DeviceAddress(parsing: " nvr.local:8000 ")
        #expect(b.host == "nvr.local" && b.port == 8000)
        let c = try DeviceAddress(parsing: "[fe80::1%eth0]:2020")
        #expect(c.host == "fe80::1%eth0" && c.port == 2020 && c.urlHost == "[fe80::1%eth0]")
        let d = try DeviceAddress(parsing: "fd00::12")
        #expect(d.host == "fd00::12" && d.port == 80 && d.authority == "[fd00::12]:80")
        let e = try DeviceAddress(parsing: "https://cam:8443/onvif/service")
        #expect(e.scheme == "https" && e.port == 8443 && e.path == "/onvif/service")
        let f = try DeviceAddress(parsing: "http://admin:pw@cam")
        #expect(f.host == "cam" && !f.deviceServiceURL.contains("pw"))
    }

    @Test(arguments: ["", "   ", "host:abc", "ftp://host", "[::1", "ho st"])
    func refusesNonsense(_ text: String) {
        #expect(throws: ONVIFError.invalidAddress(text)) { try DeviceAddress(parsing: text) }
    }

    @Test func aPortOutOfRangeIsSaidSoWithoutThePassword() {
        #expect(throws: ONVIFError.portOutOfRange(address: "host:0", port: "0")) { try DeviceAddress(parsing: "host:0") }
        #expect(throws: ONVIFError.portOutOfRange(address: "[fd00::1]:70000", port: "70000")) { try DeviceAddress(parsing: "[fd00::1]:70000") }
        #expect(throws: ONVIFError.portOutOfRange(address: "http://admin:***@cam:99999/", port: "99999")) {
            try DeviceAddress(parsing: "http://admin:Secret-9@cam:99999/")
        }
        #expect(throws: ONVIFError.invalidAddress("admin:***@ho st")) { try DeviceAddress(parsing: "admin:Secret-9@ho st") }
    }
}

@Suite struct AddressRewriterTests {
    let r = AddressRewriter(device: DeviceAddress(host: "203.0.113.5", port: 8080))

    @Test func serviceAddressesTakeTheUsersHostAndPort() {
        #expect(r.serviceAddress("http://192.168.1.10/onvif/Media") == "http://203.0.113.5:8080/onvif/Media")
        #expect(r.serviceAddress("http://127.0.0.1:80/onvif/media") == "http://203.0.113.5:8080/onvif/media")
        #expect(r.serviceAddress("http:///onvif/media_service") == "http://203.0.113.5:8080/onvif/media_service")
        #expect(r.serviceAddress("http://169.254.1.1/onvif/x http://192.168.1.10/onvif/x") == "http://203.0.113.5:8080/onvif/x")
        #expect(r.serviceAddress("http://203.0.113.5:8080/onvif/x") == "http://203.0.113.5:8080/onvif/x")
    }

    @Test func mediaURIsKeepTheirPortAndLoseCredentials() {
        #expect(r.mediaURI("rtsp://192.168.1.10:554/Streaming/Channels/101?transportmode=unicast&profile=Profile_1")
                == "rtsp://203.0.113.5:554/Streaming/Channels/101?transportmode=unicast&profile=Profile_1")
        #expect(r.mediaURI("rtsp://admin:secret@192.168.1.10/live") == "rtsp://203.0.113.5/live")
        #expect(r.mediaURI("  rtsp://:554/live\n") == "rtsp://203.0.113.5:554/live")
        #expect(r.mediaURI("http://192.168.1.10/snap.jpg") == "http://203.0.113.5:8080/snap.jpg")
    }
}

@Suite struct SOAPPieceTests {
    /// The example of the ONVIF Core specification (UsernameToken digest).
    @Test func usernameTokenDigestMatchesTheSpecificationExample() throws {
        let nonce = try #require(Data(base64Encoded: "LKqI6G/AikKCQrN0zqZFlg=="))
        #expect(UsernameToken.digest(nonce: Array(nonce), created: "2010-09-16T07:50:45Z", password: "userpassword") == "tuOSpGlFlIXsozq4HFNeeGeFLEI=")
    }

    @Test func usernameTokenHeaderUsesZuluTime() throws {
        let h = UsernameToken.header(credentials: Credentials(user: "a<b", password: "p"), deviceTime: Date(timeIntervalSince1970: 1_700_000_000.25))
        let x = try XMLDocument.parse(h)
        #expect(x.firstText("Created") == "2023-11-14T22:13:20.250Z")
        #expect(x.firstText("Username") == "a<b")
        #expect(!h.contains(">p<"))
    }

    @Test func faultsAreReadWhateverTheirShape() throws {
        let f12 = SOAPFault(element: try XMLDocument.parse("<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>ter:NotAuthorized</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"en\">Sender not Authorized</env:Text></env:Reason></env:Fault>"))
        #expect(f12.codes == ["Sender", "NotAuthorized"] && f12.isAuthenticationFailure && !f12.isNotSupported)
        let f11 = SOAPFault(element: try XMLDocument.parse("<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>Method 'tds:GetServices' not implemented: method name or namespace not recognized</faultstring></SOAP-ENV:Fault>"))
        #expect(f11.isNotSupported && !f11.isAuthenticationFailure)
        let lock = SOAPFault(codes: ["Sender"], reason: "The account is locked")
        #expect(lock.mentionsLock && lock.isAuthenticationFailure)
        let time = SOAPFault(codes: ["Sender", "NotAuthorized"], reason: "Wsse authorized time check failed")
        #expect(time.mentionsTime)
    }

    @Test func compactEnvelopeWithAddressing() {
        let e = Envelope.build(version: .soap12, action: "urn:a", to: "http://h/x", body: "<b/>", security: nil)
        #expect(!e.contains("\n") && !e.contains("> <"))
        #expect(e.contains("<a:Action s:mustUnderstand=\"1\">urn:a</a:Action>"))
        #expect(e.contains("<a:To s:mustUnderstand=\"1\">http://h/x</a:To>"))
        #expect(e.contains("<a:MessageID>urn:uuid:"))
        #expect(SOAPVersion.soap12.headers(action: "urn:a") == ["Content-Type: application/soap+xml; charset=utf-8; action=\"urn:a\""])
        #expect(SOAPVersion.soap11.headers(action: "urn:a").contains("SOAPAction: \"urn:a\""))
        #expect(SOAPVersion.soap12.headers(action: "urn:a", actionParameter: false) == ["Content-Type: application/soap+xml; charset=utf-8"])
        #expect(SOAPFault(codes: ["Sender", "ActionNotSupported"], reason: "The [action] cannot be processed at the receiver").refusesActionParameter)
        #expect(!SOAPFault(codes: ["Receiver", "ActionNotSupported"], reason: "Optional Action Not Implemented").refusesActionParameter)
    }

    @Test func clockOffsetsReadRoundly() {
        #expect(ONVIFError.duration(10_798, vi: false) == "3 h (ahead)") // a measured 3 h, not "2 h 59 min"
        #expect(ONVIFError.duration(-3_660, vi: false) == "1 h 1 min (behind)")
        #expect(ONVIFError.duration(15_552_000, vi: false) == "180 days (ahead)")
        #expect(ONVIFError.duration(25, vi: true) == "25 s (nhanh hơn)")
    }

    @Test func clockAnswersThatContradictThemselvesAreSpotted() throws {
        func answer(tz: String, utcHour: Int, localHour: Int?) throws -> XMLElement {
            func dt(_ name: String, _ h: Int) -> String {
                "<\(name)><Time><Hour>\(h)</Hour><Minute>0</Minute><Second>0</Second></Time><Date><Year>2026</Year><Month>11</Month><Day>25</Day></Date></\(name)>"
            }
            return try XMLDocument.parse("<r><SystemDateAndTime><TimeZone><TZ>\(tz)</TZ></TimeZone>\(dt("UTCDateTime", utcHour))\(localHour.map { dt("LocalDateTime", $0) } ?? "")</SystemDateAndTime></r>")
        }
        // local wall time in both fields, zone UTC+8: the UTC field may be local time
        #expect(DeviceParsing.zoneOfLocalTimeLabelledUTC(try answer(tz: "CST-8:00:00", utcHour: 9, localHour: 9)) == 8 * 3600)
        #expect(DeviceParsing.zoneOfLocalTimeLabelledUTC(try answer(tz: "HST10", utcHour: 9, localHour: nil)) == -10 * 3600)
        // consistent answers: nothing to doubt
        #expect(DeviceParsing.zoneOfLocalTimeLabelledUTC(try answer(tz: "CST-8:00:00", utcHour: 1, localHour: 9)) == nil)
        #expect(DeviceParsing.zoneOfLocalTimeLabelledUTC(try answer(tz: "UTC0", utcHour: 9, localHour: 9)) == nil)
    }

    @Test func clockReadsUTCOrLocalTimeWithTZ() throws {
        let utc = try XMLDocument.parse("<r><SystemDateAndTime><UTCDateTime><Time><Hour>1</Hour><Minute>2</Minute><Second>3</Second></Time><Date><Year>2026</Year><Month>11</Month><Day>25</Day></Date></UTCDateTime></SystemDateAndTime></r>")
        #expect(DeviceParsing.systemDateAndTime(utc).map { UTC.iso($0) } == "2026-11-25T01:02:03Z")
        let local = try XMLDocument.parse("<r><SystemDateAndTime><TimeZone><TZ>CST-8:00:00</TZ></TimeZone><LocalDateTime><Time><Hour>9</Hour><Minute>0</Minute><Second>0</Second></Time><Date><Year>2026</Year><Month>11</Month><Day>25</Day></Date></LocalDateTime></SystemDateAndTime></r>")
        #expect(DeviceParsing.systemDateAndTime(local).map { UTC.iso($0) } == "2026-11-25T01:00:00Z")
    }

    @Test func capabilitiesIncludeTheExtension() throws {
        // B1: Recording/Search/Replay sit under Extension; Media2 is never in GetCapabilities
        let x = try XMLDocument.parse("""
            <tds:GetCapabilitiesResponse><tds:Capabilities>
              <tt:Device><tt:XAddr>http://192.168.1.10/onvif/device_service</tt:XAddr></tt:Device>
              <tt:Media><tt:XAddr> http://192.168.1.10/onvif/Media </tt:XAddr><tt:StreamingCapabilities/></tt:Media>
              <tt:Extension><tt:DeviceIO><tt:XAddr>http://192.168.1.10/onvif/DeviceIO</tt:XAddr></tt:DeviceIO>
                <tt:Recording><tt:XAddr>http://192.168.1.10/onvif/Recording</tt:XAddr></tt:Recording>
                <tt:Search><tt:XAddr>http://192.168.1.10/onvif/SearchRecording</tt:XAddr></tt:Search>
                <tt:Replay><tt:XAddr>http://192.168.1.10/onvif/Replay</tt:XAddr></tt:Replay></tt:Extension>
            </tds:Capabilities></tds:GetCapabilitiesResponse>
            """)
        let map = DeviceParsing.capabilities(x, rewriter: AddressRewriter(device: DeviceAddress(host: "10.0.0.2", port: 8000)))
        #expect(map[.media] == "http://10.0.0.2:8000/onvif/Media")
        #expect(map[.search] == "http://10.0.0.2:8000/onvif/SearchRecording")
        #expect(map[.replay] == "http://10.0.0.2:8000/onvif/Replay")
        #expect(map[.recording] != nil && map[.deviceIO] != nil && map[.media2] == nil)
        #expect(map.hasRecordings && !map.fromGetServices)
    }

    @Test func servicesAreReadByNamespace() throws {
        let x = try XMLDocument.parse("<r><Service><Namespace>http://www.onvif.org/ver20/media/wsdl</Namespace><XAddr>http://127.0.0.1/onvif/Media2</XAddr><Version><Major>2</Major><Minor>40</Minor></Version></Service><Service><Namespace>urn:vendor:thing</Namespace><XAddr>http://x/y</XAddr></Service></r>")
        let map = DeviceParsing.services(x, rewriter: AddressRewriter(device: DeviceAddress(host: "nvr", port: 80)))
        #expect(map.addresses == [.media2: "http://nvr:80/onvif/Media2"])
        #expect(map.versions[.media2] == "2.40")
    }

    @Test func scopesGiveNameLocationAndProfiles() {
        var info = DeviceInfo()
        DeviceParsing.apply(scopes: ["onvif://www.onvif.org/name/Front%20NVR", "onvif://www.onvif.org/location/city/Hanoi",
                                     "onvif://www.onvif.org/Profile/Streaming", "onvif://www.onvif.org/Profile/G"], to: &info)
        #expect(info.scopeName == "Front NVR" && info.location == "Hanoi" && info.profiles == ["G", "S"])
    }
}

@Suite struct CameraGroupingTests {
    @Test func groupsBySourceTokenNotOrder() {
        let profiles = [
            MediaProfile(token: "p2s", service: .media1, sourceToken: "B", codec: "H264", width: 640, height: 360),
            MediaProfile(token: "p1m", service: .media1, sourceToken: "A", codec: "H264", width: 1920, height: 1080),
            MediaProfile(token: "p2m", service: .media1, sourceToken: "B", codec: "H264", width: 2560, height: 1440),
            MediaProfile(token: "p1s", service: .media1, sourceToken: "A", codec: "H264", width: 704, height: 576),
            MediaProfile(token: "audio", service: .media1),
        ]
        let cams = CameraGrouping.cameras(host: "h", profiles: profiles, sourceOrder: ["A", "B"], streamURIs: ["p1m": "rtsp://h/1"],
                                          snapshotURIs: [:], device: DeviceInfo(), hasRecordings: true)
        #expect(cams.map(\.sourceToken) == ["A", "B"])
        #expect(cams.map(\.name) == ["Channel 1", "Channel 2"])
        #expect(cams[0].mainStream?.profileToken == "p1m" && cams[0].subStream?.profileToken == "p1s")
        #expect(cams[1].mainStream?.profileToken == "p2m" && cams[1].resolution == "2560x1440")
        #expect(cams[0].streamURL == "rtsp://h/1" && cams[1].streamURL == "")
        #expect(cams[0].capabilities.contains("recording"))
    }

    @Test func mergesMediaServicesWithoutDuplicates() {
        let m1 = [MediaProfile(token: "a", service: .media1, sourceToken: "S", codec: "unknown")]
        let m2 = [MediaProfile(token: "a", service: .media2, sourceToken: "S", codec: "H265"),
                  MediaProfile(token: "b", service: .media2, sourceToken: "S", codec: "H265")]
        let merged = CameraGrouping.merge(media1: m1, media2: m2)
        #expect(merged.map(\.token) == ["a", "b"])
        #expect(merged[0].service == .media1 && merged[0].codec == "H265")
    }

    @Test func codecNames() {
        #expect(MediaProfile.codecName("H.264") == "H264")
        #expect(MediaProfile.codecName("hevc") == "H265")
        #expect(MediaProfile.codecName(nil) == "unknown")
        #expect(MediaProfile.codecName("JPEG") == "JPEG")
    }
}
