import Testing
@testable import ONVIF

@Suite struct ScopeTests {
    @Test func decodesNameHardwareLocationProfiles() {
        let s = DiscoveryScopes.parse("""
            onvif://www.onvif.org/name/Kho%20h%C3%A0ng%20A   onvif://www.onvif.org/hardware/SIM%2FNVR
            onvif://www.onvif.org/location/city/H%C3%A0%20N%E1%BB%99i onvif://www.onvif.org/location/Warehouse%20A
            onvif://www.onvif.org/Profile/S onvif://www.onvif.org/Profile/g onvif://www.onvif.org/Profile/Streaming ONVIF://WWW.ONVIF.ORG/Profile/T
            """)
        #expect(s.name == "Kho hàng A")
        #expect(s.hardware == "SIM/NVR")
        #expect(s.location == "Hà Nội, Warehouse A")
        #expect(s.profiles == ["G", "S", "T"])
        #expect(!s.hadUnescapedSpaces)
        #expect(s.all.count == 8)
    }

    @Test func malformedPercentEscapesAreKept() {
        #expect(DiscoveryScopes.percentDecode("100%") == "100%")
        #expect(DiscoveryScopes.percentDecode("a%2") == "a%2")
        #expect(DiscoveryScopes.percentDecode("a%zzb") == "a%zzb")
        #expect(DiscoveryScopes.percentDecode("a%20b") == "a b")
    }

    @Test func rawSpacesAreGluedToThePreviousScope() {
        let s = DiscoveryScopes.parse("onvif://www.onvif.org/name/Front  Door Cam onvif://www.onvif.org/location/country/viet nam urn:x:y")
        #expect(s.hadUnescapedSpaces)
        #expect(s.name == "Front Door Cam")
        #expect(s.location == "viet nam")
        #expect(s.all.last == "urn:x:y")
    }

    @Test func nonONVIFScopesAreIgnored() {
        let s = DiscoveryScopes.parse("ldap:///ou=x http://example.com/name/foo onvif://www.onvif.org/type/ptz")
        #expect(s.name == nil && s.hardware == nil && s.location == nil && s.profiles.isEmpty)
    }
}

@Suite struct XAddrPreferenceTests {
    let eth1 = NetworkInterface(name: "eth1", index: 3, address: IPv4Address("192.168.1.10")!, netmask: IPv4Address("255.255.255.0")!)
    let lo = NetworkInterface(name: "lo", index: 1, address: IPv4Address("127.0.0.1")!, netmask: IPv4Address("255.0.0.0")!, isLoopback: true)

    @Test func axisThreeXAddrsResolveToTheSubnetAddress() {
        let c = XAddrPreference.choose(["http://169.254.10.20/onvif/device_service", "https://192.168.1.50/onvif/device_service",
                                        "http://[fe80::240:8cff:fe00:1]/onvif/device_service", "http://192.168.1.50/onvif/device_service"],
                                       receivedOn: eth1, from: IPv4Address("192.168.1.50"))
        #expect(c.preferred == "http://192.168.1.50/onvif/device_service")
        #expect(c.all[2] == "http://[fe80::240:8cff:fe00:1%25eth1]/onvif/device_service")
    }

    @Test func routableBeatsLinkLocalWhenNothingIsOnTheSubnet() {
        let c = XAddrPreference.choose(["http://[fe80::1]/onvif/device_service", "http://169.254.3.3/onvif/device_service",
                                        "https://10.9.9.9/onvif/device_service", "http://10.9.9.9:8080/onvif/device_service"],
                                       receivedOn: eth1, from: IPv4Address("10.9.9.9"))
        #expect(c.preferred == "http://10.9.9.9:8080/onvif/device_service")
    }

    @Test func orderWithoutIPv4() {
        #expect(XAddrPreference.rank("http://cam.local/onvif", receivedOn: eth1) < XAddrPreference.rank("http://[2001:db8::5]/onvif", receivedOn: eth1))
        #expect(XAddrPreference.rank("http://[2001:db8::5]/onvif", receivedOn: eth1) < XAddrPreference.rank("http://[fe80::5%25eth1]/onvif", receivedOn: eth1))
        #expect(XAddrPreference.rank("http://[fe80::5%25eth1]/onvif", receivedOn: eth1) < XAddrPreference.rank("http://169.254.1.1/onvif", receivedOn: eth1))
        #expect(XAddrPreference.rank("http://169.254.1.1/onvif", receivedOn: eth1) < XAddrPreference.rank("soap.udp://10.0.0.1:3702", receivedOn: eth1))
        #expect(XAddrPreference.rank("http://192.168.1.7/", receivedOn: eth1) < XAddrPreference.rank("https://192.168.1.7/", receivedOn: eth1))
    }

    @Test func linkLocalOnALinkLocalInterfaceIsOnSubnet() {
        let ll = NetworkInterface(name: "eth2", index: 4, address: IPv4Address("169.254.7.1")!, netmask: IPv4Address("255.255.0.0")!)
        let c = XAddrPreference.choose(["http://169.254.10.20/onvif/device_service", "http://10.1.1.1/onvif/device_service"], receivedOn: ll, from: IPv4Address("169.254.10.20"))
        #expect(c.preferred == "http://169.254.10.20/onvif/device_service")
    }

    @Test func loopbackOrEmptyHostBecomesTheSender() {
        let src = IPv4Address("192.168.1.77")
        #expect(XAddrPreference.normalize("http://127.0.0.1:8899/onvif/device_service", receivedOn: eth1, from: src) == "http://192.168.1.77:8899/onvif/device_service")
        #expect(XAddrPreference.normalize("http:///onvif/media_service", receivedOn: eth1, from: src) == "http://192.168.1.77/onvif/media_service")
        #expect(XAddrPreference.normalize("http://0.0.0.0/onvif/device_service", receivedOn: eth1, from: src) == "http://192.168.1.77/onvif/device_service")
        // heard on loopback from loopback: a loopback XAddr is right as it is
        #expect(XAddrPreference.choose(["http://127.0.0.1:8000/onvif/device_service", "http://169.254.1.1/onvif/device_service"],
                                       receivedOn: lo, from: IPv4Address("127.0.0.1")).preferred == "http://127.0.0.1:8000/onvif/device_service")
    }

    @Test func credentialsInXAddrsAreDropped() {
        #expect(XAddrPreference.normalize("http://admin:secret@192.168.1.9/onvif/device_service", receivedOn: eth1, from: nil)
                == "http://192.168.1.9/onvif/device_service")
        #expect(!DiscoveryNote.excerpt(of: Array("<x>rtsp://admin:secret@10.0.0.1/x\u{01}</x>".utf8)).contains("secret"))
    }

    @Test func zoneIdIsNotAddedTwice() {
        #expect(XAddrPreference.normalize("http://[fe80::1%25eth0]:80/x", receivedOn: eth1, from: nil) == "http://[fe80::1%25eth0]:80/x")
        #expect(XAddrPreference.normalize("http://[2001:db8::1]/x", receivedOn: eth1, from: nil) == "http://[2001:db8::1]/x")
    }

    @Test func urlPartsRoundTrip() throws {
        let p = try #require(XAddrPreference.Parts.parse("http://user:pw@[fe80::1]:8080/onvif/device_service?x=1"))
        #expect(p.host == "fe80::1" && p.isIPv6 && p.port == 8080 && p.userinfo == "user:pw" && p.rest == "/onvif/device_service?x=1")
        #expect(p.url == "http://user:pw@[fe80::1]:8080/onvif/device_service?x=1")
        #expect(XAddrPreference.Parts.parse("no scheme") == nil)
        #expect(XAddrPreference.Parts.parse("http://h:99999/") == nil)
    }

    @Test func ipv4Basics() {
        #expect(IPv4Address("256.1.1.1") == nil)
        #expect(IPv4Address("1.2.3") == nil)
        #expect(IPv4Address("1.2.3.4.5") == nil)
        #expect(IPv4Address("10.0.0.1")!.description == "10.0.0.1")
        #expect(IPv4Address("255.255.255.0")!.prefixLength == 24)
        #expect(IPv4Address("169.254.1.1")!.isLinkLocal)
        #expect(!IPv4Address("169.254.1.1")!.isRoutable)
        #expect(IPv4Address("8.8.8.8")!.isRoutable)
    }
}
