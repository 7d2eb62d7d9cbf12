import Testing
@testable import ONVIF
@testable import Simulator

@Suite struct ProbeMessageTests {
    @Test(arguments: ProbeForm.allCases)
    func probesAreCompactAndRoundTrip(form: ProbeForm) {
        let p = ProbeMessage(form: form)
        #expect(!p.xml.contains("\n") && !p.xml.contains("> <"))
        #expect(p.messageID.hasPrefix("uuid:"))
        let m = DiscoveryMessage.parse(p.bytes)
        #expect(m.kind == .probe)
        #expect(m.messageID == p.messageID)
        #expect(m.problems.isEmpty)
        #expect(ProbeForm.of(probeTypes: m.probeTypes) == form)
    }

    @Test func messageIDsAreFresh() {
        #expect(ProbeMessage(form: .untyped).messageID != ProbeMessage(form: .untyped).messageID)
    }

    @Test func strictSimulatedDevicesAnswerOnlyTheirForm() {
        for only in ProbeForm.allCases {
            var a = DiscoveryAdvert(endpointReference: "urn:uuid:x", scopes: [], xaddrs: [])
            a.onlyForm = only
            for form in ProbeForm.allCases { #expect(a.answers(form) == (form == only)) }
        }
        let normal = DiscoveryAdvert(endpointReference: "urn:uuid:y", scopes: [], xaddrs: [])
        #expect(ProbeForm.allCases.allSatisfy(normal.answers))
        var nvtOnlyType = normal
        nvtOnlyType.types = ["dn:NetworkVideoTransmitter"]
        #expect(!nvtOnlyType.answers(.device))
    }

    @Test func simulatorAnswersParseCleanly() throws {
        var config = SimulatorConfig()
        config.deviceName = "Kho hàng A & B"
        config.model = "SIM NVR/16"
        config.discoverySwitches.threeXAddrs = true
        let adverts = DiscoveryAdvert.forSimulator(config, deviceServiceURL: "http://10.77.1.2:8080/onvif/device_service")
        let advert = try #require(adverts.first)
        #expect(advert.xaddrs == ["http://169.254.23.7/onvif/device_service", "https://10.77.1.2/onvif/device_service",
                                  "http://10.77.1.2:8080/onvif/device_service"])
        let pm = DiscoveryMessage.parse(Array(DiscoveryReplies.probeMatches(advert, xaddrs: advert.xaddrs, relatesTo: "uuid:p").utf8))
        #expect(pm.kind == .probeMatches && pm.relatesTo == "uuid:p" && pm.problems.isEmpty)
        let e = try #require(pm.entries.first)
        #expect(e.endpointReference == advert.endpointReference)
        #expect(e.scopes.name == "Kho hàng A & B")
        #expect(e.scopes.hardware == "SIM NVR/16")
        #expect(e.scopes.location == "Hanoi")
        #expect(e.scopes.profiles == ["G", "S", "T"])
        #expect(e.xaddrs == advert.xaddrs)
        config.profileG = false
        #expect(DiscoveryAdvert.forSimulator(config, deviceServiceURL: "http://h/").first.map { DiscoveryScopes.decode($0.scopes).profiles } == ["S", "T"])
        let hello = DiscoveryMessage.parse(Array(DiscoveryReplies.hello(advert, xaddrs: advert.xaddrs).utf8))
        #expect(hello.kind == .hello && hello.problems.isEmpty && hello.entries.first?.endpointReference == advert.endpointReference)
        let bye = DiscoveryMessage.parse(Array(DiscoveryReplies.bye(advert).utf8))
        #expect(bye.kind == .bye && bye.problems.isEmpty && bye.entries.first?.endpointReference == advert.endpointReference)
    }

    @Test func endpointReferencesAreStableAndDistinct() {
        let fleet = DiscoveryAdvert.fleet(count: 50, host: "10.77.1.2")
        #expect(Set(fleet.map(\.endpointReference)).count == 50)
        #expect(Set(fleet.map { $0.xaddrs[0] }).count == 50)
        #expect(DiscoveryAdvert.fleet(count: 3, host: "h").map(\.endpointReference) == DiscoveryAdvert.fleet(count: 3, host: "h").map(\.endpointReference))
        #expect(fleet[0].endpointReference.hasPrefix("urn:uuid:") && fleet[0].endpointReference.count == 45)
    }
}
