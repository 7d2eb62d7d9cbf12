import Common
import Foundation
import Testing
import TestSupport
@testable import ONVIF
@testable import Simulator

/// Multicast discovery inside network namespaces the tests create: a client namespace with two
/// interfaces (vc1 10.77.1.1/24 with the default route, vc2 10.77.2.1/24) and one device
/// namespace behind each. Devices run in their own namespaces, so the only way to find the one
/// on vc2 is to probe through vc2 (quirk D1).
@Suite(.enabled(if: NetworkNamespace.available, Comment(rawValue: NetworkNamespace.skipReason)))
struct NamespaceDiscoveryTests {
    static let lan1XAddr = "http://10.77.1.2:8080/onvif/device_service"
    static let lan2XAddr = "http://10.77.2.2:8080/onvif/device_service"

    func advert(_ seed: String, _ xaddrs: [String], name: String) -> DiscoveryAdvert {
        DiscoveryAdvert(endpointReference: DiscoveryAdvert.endpointReference(from: seed),
                        scopes: DiscoveryAdvert.scopes(name: name, hardware: "SIM", location: nil), xaddrs: xaddrs)
    }

    func start(_ adverts: [DiscoveryAdvert], in ns: NetworkNamespace, _ settings: DiscoveryResponder.Settings = .init()) throws -> DiscoveryResponder {
        try ns.run {
            let r = DiscoveryResponder(adverts: adverts, settings: settings)
            try r.start()
            return r
        }
    }

    func sweep(in ns: NetworkNamespace, _ options: DiscoveryOptions = DiscoveryOptions(timeout: 1)) throws -> DiscoveryResult {
        try ns.run { try WSDiscovery.sweep(options) }
    }

    @Test func devicesOnTwoInterfacesAreBothFound() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        let a = try start([advert("lan1", [Self.lan1XAddr], name: "Gate")], in: net.lan1)
        defer { a.stop() }
        let b = try start([advert("lan2", [Self.lan2XAddr], name: "Dock")], in: net.lan2)
        defer { b.stop() }

        let result = try sweep(in: net.client)
        #expect(Set(result.interfaces.map(\.name)) == ["vc1", "vc2"])
        #expect(result.malformedCount == 0)
        let gate = try #require(result.devices.first { $0.name == "Gate" })
        let dock = try #require(result.devices.first { $0.name == "Dock" })
        #expect(result.devices.count == 2)
        #expect(gate.interfaces == ["vc1"] && gate.xaddr == Self.lan1XAddr && !gate.differentSubnet)
        #expect(dock.interfaces == ["vc2"] && dock.xaddr == Self.lan2XAddr && !dock.differentSubnet)
        #expect(dock.addresses == [IPv4Address("10.77.2.2")!])

        // --interface restricts the sweep
        let onlyVc2 = try sweep(in: net.client, DiscoveryOptions(timeout: 1, interfaces: ["vc2"]))
        #expect(onlyVc2.devices.map(\.name) == ["Dock"])
    }

    @Test func eachProbeFormRestrictionIsFound() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        var strict: [DiscoveryAdvert] = []
        for (i, form) in ProbeForm.allCases.enumerated() {
            var a = advert("strict-\(form)", ["http://10.77.1.2:\(8100 + i)/onvif/device_service"], name: form.rawValue)
            a.onlyForm = form
            strict.append(a)
        }
        let r = try start(strict, in: net.lan1)
        defer { r.stop() }
        let result = try sweep(in: net.client)
        #expect(result.devices.count == 3)
        for form in ProbeForm.allCases {
            let d = result.devices.first { $0.name == form.rawValue }
            #expect(d?.answeredForms == [form], "the device strict on \(form.label) must be found by that probe")
        }
    }

    @Test func duplicatesAcrossRepeatsFormsAndInterfacesAreMerged() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        // one device reachable on both LANs (same endpoint reference), answering everything twice
        var onLan1 = advert("dual-homed", [Self.lan1XAddr], name: "Dual")
        onLan1.answerTwice = true
        var onLan2 = onLan1
        onLan2.xaddrs = [Self.lan2XAddr]
        let a = try start([onLan1], in: net.lan1)
        defer { a.stop() }
        let b = try start([onLan2], in: net.lan2)
        defer { b.stop() }
        let result = try sweep(in: net.client)
        #expect(eventually { a.statistics.answersSent == 12 && b.statistics.answersSent == 12 }, "\(a.statistics) \(b.statistics)")
        #expect(result.devices.count == 1)
        let d = try #require(result.devices.first)
        #expect(d.name == "Dual")
        #expect(Set(d.interfaces) == ["vc1", "vc2"])
        #expect(Set(d.addresses) == [IPv4Address("10.77.1.2")!, IPv4Address("10.77.2.2")!])
        #expect(Set(d.xaddrs) == [Self.lan1XAddr, Self.lan2XAddr])
        #expect(d.answeredForms == ProbeForm.allCases)
    }

    @Test func threeXAddrDeviceResolvesToTheRoutableAddress() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        var config = SimulatorConfig()
        config.discovery = true
        config.discoverySwitches.threeXAddrs = true
        let simConfig = config
        let r = try net.lan2.run {
            // 0.0.0.0: advertise the address of the interface the probe arrived on
            let r = DiscoveryResponder(config: simConfig, deviceServiceURL: "http://0.0.0.0:8080/onvif/device_service")
            try r.start()
            return r
        }
        defer { r.stop() }
        let result = try sweep(in: net.client)
        let d = try #require(result.devices.first)
        #expect(result.devices.count == 1)
        #expect(d.xaddrs.count == 3)
        #expect(d.xaddr == Self.lan2XAddr)
        #expect(d.xaddrs.contains("http://169.254.23.7/onvif/device_service"))
        #expect(d.xaddrs.contains("https://10.77.2.2/onvif/device_service"))
    }

    @Test func answerFromAnotherSubnetIsKeptAndFlagged() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        // a camera with a static address of a foreign subnet plugged into LAN 1 (quirk D3)
        let foreign = try NetworkNamespace()
        defer { foreign.delete() }
        try net.client.ip("link", "add", "vc3", "type", "veth", "peer", "name", "vf1", "netns", foreign.name)
        try net.client.ip("link", "set", "vc3", "up")
        try net.client.ip("addr", "add", "10.77.3.1/24", "dev", "vc3")
        try net.client.ip("route", "add", "192.168.50.0/24", "dev", "vc3")
        try foreign.ip("addr", "add", "192.168.50.7/24", "dev", "vf1")
        try foreign.ip("link", "set", "vf1", "up")
        try foreign.ip("route", "add", "default", "dev", "vf1")
        let r = try start([advert("foreign", ["http://192.168.50.7/onvif/device_service"], name: "Foreign")], in: foreign)
        defer { r.stop() }
        let result = try sweep(in: net.client, DiscoveryOptions(timeout: 3, interfaces: ["vc3"]))
        let d = try #require(result.devices.first)
        #expect(d.name == "Foreign")
        #expect(d.differentSubnet)
        #expect(d.addresses == [IPv4Address("192.168.50.7")!])
        #expect(d.xaddr == "http://192.168.50.7/onvif/device_service")
    }

    @Test func malformedAnswersAreSurvived() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        let raw = try net.lan1.run { try RawResponder(multicast: true) { FieldSamples.broken(relatesTo: $0) } }
        defer { raw.stop() }
        let good = try start([advert("good", [Self.lan2XAddr], name: "Good")], in: net.lan2)
        defer { good.stop() }
        let result = try sweep(in: net.client)
        // 3 forms x 2 rounds; on a saturated machine a round has been seen lost on the veth pair
        // (the repeats exist for that), so what is checked is that every broken answer to every
        // probe the responder saw was counted, never more
        _ = eventually { raw.probesSeen == 6 }
        let seen = raw.probesSeen
        #expect(seen >= 3, "probes seen: \(seen), notes: \(result.notes)")
        #expect(result.malformedCount == seen * FieldSamples.broken(relatesTo: "").count, "probes seen: \(seen)")
        #expect(result.devices.contains { $0.name == "Good" && $0.xaddr == Self.lan2XAddr })
        // the loopback XAddr of the no-name camera became the address it answered from (quirk C3)
        let noName = try #require(result.devices.first { $0.name == "IPC Camera" })
        #expect(noName.xaddr == "http://10.77.1.2:8899/onvif/device_service")
    }

    @Test func lossyDeviceIsStillFoundThanksToRepeatsAndForms() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        // 30 % of all answers are lost (quirk D6); 3 forms x 2 rounds give six chances each
        var settings = DiscoveryResponder.Settings(lossRate: 0.3)
        settings.seed = 11
        let r = try start(DiscoveryAdvert.fleet(count: 10, host: "10.77.1.2"), in: net.lan1, settings)
        defer { r.stop() }
        let result = try sweep(in: net.client)
        #expect(r.statistics.answersDropped > 0)
        #expect(result.devices.count == 10)
    }

    @Test func helloAndByeAreStreamedToTheListener() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        let events = EventRecorder()
        let listener = try net.client.run {
            let l = DiscoveryListener(events: events.sink)
            try l.start()
            return l
        }
        defer { listener.stop() }
        let a = advert("announcer", [Self.lan2XAddr], name: "Announcer")
        let r = try start([a], in: net.lan2, DiscoveryResponder.Settings(helloAndBye: true))
        let afterHello = events.wait { $0.contains { if case .found = $0 { true } else { false } } }
        guard case .found(let d)? = afterHello.first(where: { if case .found = $0 { true } else { false } }) else {
            Issue.record("no Hello arrived: \(afterHello)")
            r.stop()
            return
        }
        #expect(d.endpointReference == a.endpointReference)
        #expect(d.name == "Announcer")
        #expect(d.interfaces == ["vc2"])
        #expect(d.xaddr == Self.lan2XAddr)
        r.stop()
        let afterBye = events.wait { $0.contains { if case .left = $0 { true } else { false } } }
        let left = afterBye.compactMap { e -> String? in if case .left(let epr, let last) = e, last != nil { epr } else { nil } }
        #expect(left == [a.endpointReference])
        // a sweep's own probes and answers are not Hello: the listener stays quiet during a sweep
        let before = events.wait { _ in true }.count
        let r2 = try start([advert("quiet", [Self.lan1XAddr], name: "Quiet")], in: net.lan1)
        defer { r2.stop() }
        _ = try sweep(in: net.client, DiscoveryOptions(timeout: 0.5))
        #expect(events.wait { _ in true }.count == before)
    }

    @Test func listenerCountsBrokenHellos() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        let events = EventRecorder()
        let listener = try net.client.run {
            let l = DiscoveryListener(interfaces: ["vc1"], events: events.sink)
            try l.start()
            return l
        }
        defer { listener.stop() }
        try net.lan1.run {
            let s = try UDPSocket()
            let iface = try #require(NetworkInterface.all().first { $0.name == "vd1" })
            try s.setMulticastInterface(iface)
            let brokenHello = "<s:Envelope><s:Header><a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Hello</a:Action></s:Header><s:Body><d:Hello><d:Scopes>onvif://www.onvif.org/name/X"
            s.send(Array(brokenHello.utf8), to: WSDiscoveryURI.multicastGroup, port: 3702)
        }
        let seen = events.wait { $0.contains { if case .malformed = $0 { true } else { false } } }
        guard case .malformed(let note)? = seen.first(where: { if case .malformed = $0 { true } else { false } }) else {
            Issue.record("the broken Hello was not reported: \(seen)")
            return
        }
        #expect(note.problems.contains(.truncated))
        #expect(note.problems.contains(.missingEndpointReference))
        #expect(note.interface == "vc1")
        #expect(!seen.contains { if case .found = $0 { true } else { false } })
    }

    @Test func machineWithoutMulticastInterfacesGetsAClearError() throws {
        let lonely = try NetworkNamespace() // only loopback, which has no multicast flag
        defer { lonely.delete() }
        let outcome = try lonely.run { () -> DiscoveryError? in
            do throws(DiscoveryError) {
                _ = try WSDiscovery.sweep(DiscoveryOptions(timeout: 0.2))
                return nil
            } catch {
                return error
            }
        }
        #expect(outcome == .noUsableInterface(seen: ["lo"]))
        #expect(outcome?.text(Language.en).contains("--host") == true)
        // with a host to ask, the sweep still runs
        let raw = try lonely.run { try RawResponder(multicast: false) { [Array(FieldSamples.reolink(relatesTo: $0).utf8)] } }
        defer { raw.stop() }
        let result = try lonely.run { try WSDiscovery.sweep(DiscoveryOptions(timeout: 0.5, hosts: ["127.0.0.1:\(raw.port)"])) }
        #expect(result.devices.map(\.hardware) == ["RLC-410W"])
        #expect(result.interfaces.isEmpty)
    }

    @Test func listenerReportsAPortHeldByAnotherProgram() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        let outcome = try net.client.run { () -> DiscoveryError? in
            let holder = try UDPSocket()            // no SO_REUSEADDR: holds 3702 exclusively
            try holder.bind(IPv4Address(0), port: 3702)
            let listener = DiscoveryListener(events: DiscoveryEventSink(queue: DispatchQueue(label: "t")) { _ in })
            do throws(DiscoveryError) {
                try listener.start()
                listener.stop()
                return nil
            } catch {
                return error
            }
        }
        #expect(outcome == .portBusy(port: 3702))
    }
}
