import Synchronization
import Foundation
import Testing
import TestSupport
@testable import ONVIF
@testable import Simulator

/// The unicast path (`--host`), on 127.0.0.1 without namespaces: the simulator's responder
/// on a free port and the client's unicast probes to it.
@Suite struct UnicastDiscoveryTests {
    func unicastOptions(port: UInt16) -> DiscoveryOptions {
        DiscoveryOptions(timeout: 1, multicast: false, hosts: ["127.0.0.1"], unicastPort: port)
    }

    func simulator(_ change: (inout SimulatorConfig) -> Void = { _ in }) throws -> DiscoveryResponder {
        var config = SimulatorConfig()
        config.discovery = true
        config.discoverySwitches.multicast = false
        config.discoverySwitches.port = 0
        change(&config)
        let r = DiscoveryResponder(config: config, deviceServiceURL: "http://127.0.0.1:18080/onvif/device_service")
        try r.start()
        return r
    }

    @Test func unicastProbeFindsTheSimulator() throws {
        let r = try simulator()
        defer { r.stop() }
        let result = try WSDiscovery.sweep(unicastOptions(port: try #require(r.port)))
        #expect(result.malformedCount == 0)
        #expect(result.devices.count == 1)
        let d = try #require(result.devices.first)
        #expect(d.endpointReference == r.adverts[0].endpointReference)
        #expect(d.name == "VTrack Simulated NVR")
        #expect(d.hardware == "SIM-NVR")
        #expect(d.location == "Hanoi")
        #expect(d.profiles == ["G", "S", "T"])
        #expect(d.xaddr == "http://127.0.0.1:18080/onvif/device_service")
        #expect(d.addresses == [IPv4Address("127.0.0.1")!])
        #expect(d.interfaces == ["unicast"])
        #expect(d.answeredForms == ProbeForm.allCases)
        #expect(!d.differentSubnet)
        // 3 forms x 2 rounds reached the device, each answered once
        #expect(eventually { r.statistics.probesReceived == 6 && r.statistics.answersSent == 6 }, "\(r.statistics)")
    }

    @Test func theSimulatorAdvertisesItsRealDeviceServiceAndAClientCanUseIt() throws {
        var config = SimulatorConfig()
        config.host = "127.0.0.1"
        config.port = 0
        config.discovery = true
        config.discoverySwitches.multicast = false
        config.discoverySwitches.port = 0
        let sim = Simulator(config: config)
        try sim.start()
        defer { sim.stop() }
        let responder = try #require(sim.discoveryResponder)
        let result = try WSDiscovery.sweep(unicastOptions(port: try #require(responder.port)))
        let d = try #require(result.devices.first)
        #expect(d.xaddr == sim.deviceServiceURL)
        // the XAddr found is one the ONVIF client can talk to
        let client = ONVIFClient(address: try DeviceAddress(parsing: try #require(d.xaddr)),
                                 credentials: Credentials(user: config.user, password: config.password))
        #expect(try client.deviceInformation().manufacturer == config.manufacturer)
        // what discovery shows and what the device says once connected agree (one scope builder)
        let device = try client.probe().device
        #expect(device.scopeName == d.name)
        #expect(device.location == d.location)
        #expect(Set(device.profiles) == Set(d.profiles))
        sim.stop()
        #expect(sim.discoveryResponder == nil)
    }

    @Test(arguments: ProbeForm.allCases)
    func strictDeviceIsFoundByItsForm(form: ProbeForm) throws {
        let r = try simulator { $0.discoverySwitches.onlyForm = form }
        defer { r.stop() }
        let result = try WSDiscovery.sweep(unicastOptions(port: try #require(r.port)))
        #expect(result.devices.map(\.answeredForms) == [[form]])
        // and a sweep without that form misses it
        var without = unicastOptions(port: try #require(r.port))
        without.forms = ProbeForm.allCases.filter { $0 != form }
        #expect(try WSDiscovery.sweep(without).devices.isEmpty)
    }

    @Test func duplicateAnswersAreMerged() throws {
        let r = try simulator { $0.discoverySwitches.answerTwice = true; $0.discoverySwitches.threeXAddrs = true }
        defer { r.stop() }
        let result = try WSDiscovery.sweep(unicastOptions(port: try #require(r.port)))
        #expect(eventually { r.statistics.answersSent == 12 }, "\(r.statistics)")
        #expect(result.devices.count == 1)
        #expect(result.malformedCount == 0)
        // three XAddrs, heard over loopback: the real one wins over link-local and the https twin
        #expect(result.devices.first?.xaddr == "http://127.0.0.1:18080/onvif/device_service")
        #expect(result.devices.first?.xaddrs.count == 3)
    }

    @Test func manySimulatedDevicesOnOneSocket() throws {
        let r = DiscoveryResponder(adverts: DiscoveryAdvert.fleet(count: 20, host: "127.0.0.1"),
                                   settings: .init(port: 0, multicast: false))
        try r.start()
        defer { r.stop() }
        let result = try WSDiscovery.sweep(unicastOptions(port: try #require(r.port)))
        #expect(result.devices.count == 20)
        #expect(Set(result.devices.compactMap(\.xaddr)).count == 20)
    }

    @Test func malformedAnswersAreCountedAndTheSweepGoesOn() throws {
        let raw = try RawResponder(multicast: false) { FieldSamples.broken(relatesTo: $0) }
        defer { raw.stop() }
        let sim = try simulator()
        defer { sim.stop() }
        var options = unicastOptions(port: 0)
        options.hosts = ["127.0.0.1:\(raw.port)", "127.0.0.1:\(try #require(sim.port))"]
        let events = EventRecorder()
        let result = try WSDiscovery.sweep(options, events: events.sink)
        #expect(eventually { raw.probesSeen == 6 })
        #expect(result.malformedCount == 6 * FieldSamples.broken(relatesTo: "").count)
        #expect(result.notes.filter { $0.kind == .malformedAnswer }.count == result.malformedCount)
        // the simulator is found; so are the broken-but-usable answers (bare ProbeMatch, raw spaces, foreign RelatesTo)
        let names = Set(result.devices.compactMap(\.name))
        #expect(names == ["VTrack Simulated NVR", "Bare", "IPC Camera", "HIKVISION DS-2CD2143G0-I"])
        let noName = try #require(result.devices.first { $0.name == "IPC Camera" })
        #expect(noName.hardware == "HI3518E V200")
        #expect(result.notes.contains { $0.problems.contains(.unexpectedRelatesTo("uuid:not-one-of-ours")) })
        #expect(result.notes.contains { $0.problems.contains(.notXML) || $0.problems.contains(.unknownMessage) })
        #expect(result.notes.contains { $0.problems.contains(.truncated) })
        // events were streamed: one found per device, one malformed per broken datagram, then the end
        let seen = events.wait { $0.contains { if case .sweepFinished = $0 { true } else { false } } }
        #expect(seen.filter { if case .found = $0 { true } else { false } }.count == result.devices.count)
        #expect(seen.filter { if case .malformed = $0 { true } else { false } }.count == result.malformedCount)
    }

    @Test func silentHostGivesAnEmptyResultNotAnError() throws {
        let raw = try RawResponder(multicast: false) { _ in [] }
        defer { raw.stop() }
        let result = try WSDiscovery.sweep(unicastOptions(port: raw.port))
        #expect(result.devices.isEmpty)
        #expect(eventually { raw.probesSeen == 6 })
    }

    @Test func unresolvableHostIsAClearError() {
        #expect(throws: DiscoveryError.hostNotResolved(host: "no-such-camera.invalid")) {
            try WSDiscovery.sweep(DiscoveryOptions(timeout: 0.2, multicast: false, hosts: ["no-such-camera.invalid:3702"]))
        }
        let e = DiscoveryError.hostNotResolved(host: "x")
        #expect(e.text(.vi).contains("x") && e.text(.en).contains("Could not resolve"))
    }

    @Test func interfaceSelectionErrors() throws {
        let up = NetworkInterface(name: "eth0", index: 2, address: IPv4Address("10.0.0.2")!, netmask: IPv4Address("255.255.255.0")!)
        let down = NetworkInterface(name: "eth1", index: 3, address: IPv4Address("10.0.1.2")!, netmask: IPv4Address("255.255.255.0")!, isUp: false)
        let noMulticast = NetworkInterface(name: "tun0", index: 4, address: IPv4Address("10.8.0.2")!, netmask: IPv4Address("255.255.255.0")!, supportsMulticast: false)
        let list = [up, down, noMulticast]
        #expect(try NetworkInterface.usable(from: list, allNames: ["eth0", "eth1", "tun0"]) == [up])
        #expect(throws: DiscoveryError.unknownInterface(name: "wlan0", available: ["eth0", "eth1", "tun0"])) {
            try NetworkInterface.usable(named: ["wlan0"], from: list, allNames: ["eth0", "eth1", "tun0"])
        }
        #expect(throws: DiscoveryError.interfaceNotUsable(name: "eth1", reason: .down)) {
            try NetworkInterface.usable(named: ["eth1"], from: list, allNames: ["eth0", "eth1", "tun0"])
        }
        #expect(throws: DiscoveryError.interfaceNotUsable(name: "tun0", reason: .noMulticast)) {
            try NetworkInterface.usable(named: ["tun0"], from: list, allNames: ["eth0", "eth1", "tun0"])
        }
        #expect(throws: DiscoveryError.interfaceNotUsable(name: "ifb0", reason: .noIPv4)) {
            try NetworkInterface.usable(named: ["ifb0"], from: list, allNames: ["eth0", "ifb0"])
        }
        #expect(throws: DiscoveryError.noUsableInterface(seen: ["eth1", "tun0"])) {
            try NetworkInterface.usable(from: [down, noMulticast], allNames: [])
        }
        // every error is one sentence in both languages
        for e in [DiscoveryError.noUsableInterface(seen: []), .unknownInterface(name: "a", available: []),
                  .interfaceNotUsable(name: "a", reason: .down), .socketFailed(operation: "bind", reason: "x"), .portBusy(port: 3702)] {
            #expect(!e.text(.vi).isEmpty && !e.text(.en).isEmpty && e.text(.vi) != e.text(.en))
        }
    }

    @Test func unknownInterfaceOnThisMachine() {
        #expect(throws: DiscoveryError.self) {
            try WSDiscovery.sweep(DiscoveryOptions(timeout: 0.2, interfaces: ["vtrack-no-such-if"]))
        }
    }
}

/// Collects streamed discovery events.
final class EventRecorder: Sendable {
    private let events = Synchronization.Mutex<[DiscoveryEvent]>([])
    private let queue = DispatchQueue(label: "test.discovery.events")
    var sink: DiscoveryEventSink {
        DiscoveryEventSink(queue: queue) { [self] e in self.events.withLock { $0.append(e) } }
    }

    /// Waits (up to 30 s, a bound) until `condition` holds for the events so far, and returns them.
    func wait(_ condition: ([DiscoveryEvent]) -> Bool) -> [DiscoveryEvent] {
        _ = eventually { condition(events.withLock { $0 }) }
        return events.withLock { $0 }
    }
}
