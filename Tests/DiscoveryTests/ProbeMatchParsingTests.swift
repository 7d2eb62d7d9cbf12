import Testing
@testable import ONVIF

@Suite struct ProbeMatchParsingTests {
    let probeID = "uuid:3b0e1f0c-0000-4000-8000-000000000001"

    @Test func axisMultiXAddrAnswer() throws {
        let m = DiscoveryMessage.parse(Array(FieldSamples.axis(relatesTo: probeID).utf8))
        #expect(m.kind == .probeMatches)
        #expect(m.problems.isEmpty)
        #expect(m.relatesTo == probeID)
        let e = try #require(m.entries.first)
        #expect(m.entries.count == 1)
        #expect(e.endpointReference == "urn:uuid:7c1e2f10-51aa-11b2-8000-00408c000001")
        #expect(e.types == ["dn:NetworkVideoTransmitter", "tds:Device"])
        #expect(e.xaddrs == ["http://169.254.10.20/onvif/device_service", "http://192.168.1.50/onvif/device_service",
                             "http://[fe80::240:8cff:fe00:1]/onvif/device_service"])
        #expect(e.metadataVersion == 1)
        #expect(e.scopes.name == "AXIS M1065-L")
        #expect(e.scopes.hardware == "M1065-L")
        #expect(e.scopes.location == "sweden")
        #expect(e.scopes.profiles == ["G", "S", "T"])
    }

    @Test func hikvisionAnswerReusingTheProbeMessageID() throws {
        let m = DiscoveryMessage.parse(Array(FieldSamples.hikvision(relatesTo: probeID).utf8))
        #expect(m.kind == .probeMatches)
        #expect(m.problems.isEmpty)
        #expect(m.messageID == probeID)
        let e = try #require(m.entries.first)
        #expect(e.endpointReference == "urn:uuid:11223344-5566-7788-99aa-4419b6000064")
        #expect(e.scopes.name == "HIKVISION DS-2CD2143G0-I")
        #expect(e.scopes.hardware == "DS-2CD2143G0-I")
        #expect(e.scopes.location == "hangzhou")
        #expect(e.scopes.profiles == ["S"])
        #expect(e.metadataVersion == 10)
        #expect(e.xaddrs.count == 2)
    }

    @Test func reolinkAnswerOnPort8000() throws {
        let m = DiscoveryMessage.parse(Array(FieldSamples.reolink(relatesTo: probeID).utf8))
        #expect(m.problems.isEmpty)
        let e = try #require(m.entries.first)
        #expect(e.endpointReference == "uuid:2419d68a-2dd2-21b2-a205-ec:71:db:00:01:81")
        #expect(e.types == ["tdn:NetworkVideoTransmitter"])
        #expect(e.scopes.name == "IPC")
        #expect(e.scopes.hardware == "RLC-410W")
        #expect(e.scopes.profiles.isEmpty)
        #expect(e.xaddrs == ["http://192.168.1.181:8000/onvif/device_service"])
        #expect(e.looksLikeONVIF())
    }

    @Test func unescapedSpacesInScopesAreRepairedAndReported() throws {
        let m = DiscoveryMessage.parse(Array(FieldSamples.noName(relatesTo: probeID).utf8))
        #expect(m.problems == [.unescapedSpacesInScopes])
        let e = try #require(m.entries.first)
        #expect(e.scopes.name == "IPC Camera")
        #expect(e.scopes.hardware == "HI3518E V200")
        #expect(e.scopes.profiles == ["S"])
        #expect(e.scopes.all.count == 3)
    }

    @Test func bareProbeMatchWithoutEnvelopeOrWrapper() throws {
        let m = DiscoveryMessage.parse(Array(FieldSamples.bareProbeMatch(relatesTo: probeID).utf8))
        #expect(m.kind == .probeMatches)
        #expect(m.problems.contains(.missingEnvelope))
        #expect(m.problems.contains(.missingWrapper))
        #expect(m.entries.first?.endpointReference == "urn:uuid:bare-0001")
        #expect(m.entries.first?.xaddrs == ["http://10.77.1.9/onvif/device_service"])
    }

    @Test func probeMatchesWithoutProbeMatchElement() {
        let xml = "<s:Envelope xmlns:s=\"x\"><s:Header><a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</a:Action><a:RelatesTo>\(probeID)</a:RelatesTo></s:Header>"
            + "<s:Body><d:ProbeMatches><a:EndpointReference><a:Address>urn:uuid:flat</a:Address></a:EndpointReference><d:XAddrs>http://10.0.0.3/onvif/device_service</d:XAddrs></d:ProbeMatches></s:Body></s:Envelope>"
        let m = DiscoveryMessage.parse(Array(xml.utf8))
        #expect(m.problems == [.missingWrapper])
        #expect(m.entries.map(\.endpointReference) == ["urn:uuid:flat"])
    }

    @Test func truncatedAnswerKeepsWhatItCan() {
        let full = FieldSamples.reolink(relatesTo: probeID)
        let cut = String(full.prefix(full.range(of: "<wsdd:Types>")!.upperBound.utf16Offset(in: full) + 5))
        let m = DiscoveryMessage.parse(Array(cut.utf8))
        #expect(m.kind == .probeMatches)
        #expect(m.problems.contains(.truncated))
        #expect(m.problems.contains(.missingXAddrs))
        #expect(m.entries.first?.endpointReference == "uuid:2419d68a-2dd2-21b2-a205-ec:71:db:00:01:81")
    }

    @Test(arguments: [
        "",
        "HTTP/1.1 400 Bad Request\r\n\r\n",
        "<",
        "<?xml version=\"1.0\"?>",
        "<s:Envelope><s:Body>",
        "<s:Envelope><s:Header><a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</a:Action></s:Header><s:Body><d:ProbeMatches><d:ProbeMatch><a:EndpointReference><a:Add",
        "<a><b></a></b><<<>>>&&&;",
    ])
    func garbageNeverTrapsAndIsReported(text: String) {
        let m = DiscoveryMessage.parse(Array(text.utf8))
        #expect(!m.problems.isEmpty)
    }

    @Test func randomBytesNeverTrap() {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let n = Int.random(in: 0..<400, using: &g)
            var bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &g) }
            // sprinkle markup so the parser goes deep
            for i in stride(from: 0, to: bytes.count, by: 7) { bytes[i] = [0x3C, 0x3E, 0x2F, 0x3A][i % 4] }
            _ = DiscoveryMessage.parse(bytes)
        }
        let sample = Array(FieldSamples.axis(relatesTo: probeID).utf8)
        for cut in stride(from: 0, to: sample.count, by: 13) {
            let m = DiscoveryMessage.parse(Array(sample[0..<cut]))
            #expect(!m.problems.isEmpty, "a document cut at byte \(cut) must be reported")
        }
    }

    @Test func helloAndByeAreRead() throws {
        let hello = "<s:Envelope><s:Header><a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Hello</a:Action><a:MessageID>uuid:h1</a:MessageID></s:Header>"
            + "<s:Body><d:Hello><a:EndpointReference><a:Address>urn:uuid:cam-1</a:Address></a:EndpointReference><d:Types>dn:NetworkVideoTransmitter</d:Types>"
            + "<d:Scopes>onvif://www.onvif.org/name/Gate</d:Scopes><d:XAddrs>http://10.1.1.5/onvif/device_service</d:XAddrs><d:MetadataVersion>3</d:MetadataVersion></d:Hello></s:Body></s:Envelope>"
        let h = DiscoveryMessage.parse(Array(hello.utf8))
        #expect(h.kind == .hello)
        #expect(h.problems.isEmpty)
        #expect(h.entries.first?.scopes.name == "Gate")
        #expect(h.entries.first?.metadataVersion == 3)
        let bye = "<s:Envelope><s:Header><a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Bye</a:Action></s:Header>"
            + "<s:Body><d:Bye><a:EndpointReference><a:Address>urn:uuid:cam-1</a:Address></a:EndpointReference></d:Bye></s:Body></s:Envelope>"
        let b = DiscoveryMessage.parse(Array(bye.utf8))
        #expect(b.kind == .bye)
        #expect(b.problems.isEmpty)
        #expect(b.entries.first?.endpointReference == "urn:uuid:cam-1")
    }

    @Test func windowsPCsAndPrintersAreNotONVIF() {
        let pc = DiscoveryEntry(endpointReference: "urn:uuid:pc", types: ["wsdp:Device", "pub:Computer"],
                                xaddrs: ["http://10.0.0.8:5357/3f2a"])
        #expect(!pc.looksLikeONVIF())
        #expect(!pc.looksLikeONVIF(answering: .untyped))
        #expect(pc.looksLikeONVIF(answering: .device)) // answered our typed tds:Device probe
        let cam = DiscoveryEntry(endpointReference: "urn:uuid:cam", types: ["tds:Device"], xaddrs: ["http://10.0.0.9/onvif/device_service"])
        #expect(cam.looksLikeONVIF())
    }
}
