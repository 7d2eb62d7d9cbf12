import Testing
@testable import ONVIF

@Suite struct DeviceTableTests {
    let vc1 = NetworkInterface(name: "vc1", index: 2, address: IPv4Address("10.77.1.1")!, netmask: IPv4Address("255.255.255.0")!)
    let vc2 = NetworkInterface(name: "vc2", index: 3, address: IPv4Address("10.77.2.1")!, netmask: IPv4Address("255.255.255.0")!)

    func entry(_ epr: String?, _ xaddrs: [String], name: String? = nil, version: Int? = 1) -> DiscoveryEntry {
        DiscoveryEntry(endpointReference: epr, types: ["dn:NetworkVideoTransmitter"],
                       scopes: DiscoveryScopes.decode(name.map { ["onvif://www.onvif.org/name/\($0)"] } ?? []),
                       xaddrs: xaddrs, metadataVersion: version)
    }

    @Test func mergesByEndpointReferenceAcrossFormsAndInterfaces() throws {
        var t = DeviceTable()
        let a = entry("urn:uuid:a", ["http://10.77.1.5/onvif/device_service"], name: "A")
        #expect(t.merge(a, from: IPv4Address("10.77.1.5"), on: vc1, form: .networkVideoTransmitter)?.isNew == true)
        #expect(t.merge(a, from: IPv4Address("10.77.1.5"), on: vc1, form: .untyped)?.isNew == false)
        #expect(t.merge(a, from: IPv4Address("10.77.1.5"), on: vc1, form: .untyped)?.isNew == false)
        let viaLan2 = entry("urn:uuid:a", ["http://10.77.2.5/onvif/device_service"], name: "A")
        #expect(t.merge(viaLan2, from: IPv4Address("10.77.2.5"), on: vc2, form: .device)?.isNew == false)
        #expect(t.count == 1)
        let d = try #require(t["urn:uuid:a"])
        #expect(d.answeredForms == [.networkVideoTransmitter, .device, .untyped])
        #expect(d.interfaces == ["vc1", "vc2"])
        #expect(d.addresses == [IPv4Address("10.77.1.5")!, IPv4Address("10.77.2.5")!])
        #expect(d.xaddr == "http://10.77.1.5/onvif/device_service")
        #expect(d.xaddrs.count == 2)
        #expect(!d.differentSubnet)
    }

    @Test func sameSerialOrSameIPIsNotTheSameDevice() {
        var t = DeviceTable()
        // two Tapo-like cameras behind one address (NAT) with identical names: different endpoints
        t.merge(entry("urn:uuid:one", ["http://10.77.1.5:2020/onvif/service"], name: "C200"), from: IPv4Address("10.77.1.5"), on: vc1)
        t.merge(entry("urn:uuid:two", ["http://10.77.1.5:2021/onvif/service"], name: "C200"), from: IPv4Address("10.77.1.5"), on: vc1)
        #expect(t.count == 2)
    }

    @Test func differentSubnetUntilAnAnswerComesFromInside() throws {
        var t = DeviceTable()
        t.merge(entry("urn:uuid:b", ["http://192.168.50.7/onvif/device_service"]), from: IPv4Address("192.168.50.7"), on: vc1)
        #expect(try #require(t["urn:uuid:b"]).differentSubnet)
        t.merge(entry("urn:uuid:b", ["http://10.77.2.7/onvif/device_service"]), from: IPv4Address("10.77.2.7"), on: vc2)
        let d = try #require(t["urn:uuid:b"])
        #expect(!d.differentSubnet)
        #expect(d.xaddr == "http://10.77.2.7/onvif/device_service")
        #expect(d.xaddrs.first == d.xaddr)
    }

    @Test func newerMetadataVersionReplacesScopes() throws {
        var t = DeviceTable()
        t.merge(entry("urn:uuid:c", ["http://10.77.1.9/onvif/device_service"], name: "Old", version: 1), from: IPv4Address("10.77.1.9"), on: vc1)
        t.merge(entry("urn:uuid:c", ["http://10.77.1.9/onvif/device_service"], name: "New", version: 2), from: IPv4Address("10.77.1.9"), on: vc1)
        #expect(try #require(t["urn:uuid:c"]).name == "New")
        t.merge(entry("urn:uuid:c", ["http://10.77.1.9/onvif/device_service"], name: "Stale", version: 1), from: IPv4Address("10.77.1.9"), on: vc1)
        #expect(try #require(t["urn:uuid:c"]).name == "New")
    }

    @Test func entryWithoutIdentityIsSkippedAndByeRemoves() {
        var t = DeviceTable()
        #expect(t.merge(DiscoveryEntry(endpointReference: nil), from: nil, on: nil) == nil)
        t.merge(entry(nil, ["http://10.77.1.3/onvif/device_service"]), from: IPv4Address("10.77.1.3"), on: vc1)
        #expect(t.devices.first?.endpointReference == "xaddr:http://10.77.1.3/onvif/device_service")
        #expect(t.remove("xaddr:http://10.77.1.3/onvif/device_service") != nil)
        #expect(t.remove("urn:uuid:unknown") == nil)
        #expect(t.count == 0)
    }
}
