import Common
import Foundation
import Testing
import TestSupport
@testable import ONVIF
@testable import Simulator

/// A device that advertises only an IPv6 link-local XAddr (field quirk C5): discovery gives it the
/// receiving interface's zone id, and the ONVIF client reaches the device through that address —
/// a link-local address without a zone cannot be connected to at all. Runs in two network
/// namespaces joined by a veth pair with fixed link-local addresses (`nodad`: usable at once).
@Suite(.enabled(if: NetworkNamespace.available, Comment(rawValue: NetworkNamespace.skipReason)))
struct LinkLocalDeviceTests {
    struct Net {
        let client: NetworkNamespace
        let device: NetworkNamespace

        init() throws {
            let c = try NetworkNamespace()
            let d: NetworkNamespace
            do {
                d = try NetworkNamespace()
            } catch {
                c.delete()
                throw error
            }
            do {
                try c.link("vl1", "10.79.1.1/24", to: d, "vl2", "10.79.1.2/24")
                try c.ip("-6", "addr", "add", "fe80::1/64", "dev", "vl1", "nodad")
                try d.ip("-6", "addr", "add", "fe80::2/64", "dev", "vl2", "nodad")
            } catch {
                c.delete()
                d.delete()
                throw error
            }
            client = c
            device = d
        }

        func delete() {
            client.delete()
            device.delete()
        }
    }

    /// The simulator inside the device namespace, listening on every IPv6 address there.
    static func simulator(in ns: NetworkNamespace) throws -> Simulator {
        try ns.run {
            var config = SimulatorConfig()
            config.host = "::"
            config.port = 0
            let sim = Simulator(config: config)
            try sim.start()
            return sim
        }
    }

    @Test func aLinkLocalXAddrFoundByDiscoveryReachesTheDevice() throws {
        let net = try Net()
        defer { net.delete() }
        let sim = try Self.simulator(in: net.device)
        defer { sim.stop() }
        let advertised = "http://[fe80::2]:\(sim.httpPort)/onvif/device_service"
        let responder = try net.device.run {
            let r = DiscoveryResponder(adverts: [DiscoveryAdvert(endpointReference: DiscoveryAdvert.endpointReference(from: "ll"),
                                                                 scopes: DiscoveryAdvert.scopes(name: "Link Local", hardware: "SIM", location: nil),
                                                                 xaddrs: [advertised])])
            try r.start()
            return r
        }
        defer { responder.stop() }

        let result = try net.client.run { try WSDiscovery.sweep(DiscoveryOptions(timeout: 1, interfaces: ["vl1"])) }
        let found = try #require(result.devices.first { $0.name == "Link Local" })
        let xaddr = try #require(found.xaddr)
        #expect(xaddr == "http://[fe80::2%25vl1]:\(sim.httpPort)/onvif/device_service")

        let probe = try net.client.run {
            try ONVIFClient(address: try DeviceAddress(parsing: xaddr), credentials: Credentials(user: "admin", password: "admin123")).probe()
        }
        #expect(probe.cameras.count == 4)
        for c in probe.cameras {
            // stream URIs point at the same link-local host, zone included
            #expect(c.mainStream?.uri?.hasPrefix("rtsp://[fe80::2%25vl1]:\(sim.rtspPort)/") == true, "\(c.mainStream?.uri ?? "nil")")
        }
    }

    @Test(arguments: ["[fe80::2%vl1]", "[fe80::2%25vl1]", "fe80::2%vl1"])
    func aTypedLinkLocalAddressWithAZoneReachesTheDevice(_ typed: String) throws {
        let net = try Net()
        defer { net.delete() }
        let sim = try Self.simulator(in: net.device)
        defer { sim.stop() }
        let text = typed.hasPrefix("[") ? "\(typed):\(sim.httpPort)" : typed
        let port = sim.httpPort
        let info = try net.client.run {
            var address = try DeviceAddress(parsing: text)
            address.port = port
            return try ONVIFClient(address: address, credentials: Credentials(user: "admin", password: "admin123")).deviceInformation()
        }
        #expect(info.model == "SIM-NVR")
    }

    @Test func aLinkLocalAddressWithoutAZoneIsAClearError() throws {
        let net = try Net()
        defer { net.delete() }
        let sim = try Self.simulator(in: net.device)
        defer { sim.stop() }
        let port = sim.httpPort
        let e: ONVIFError? = try net.client.run {
            do {
                _ = try ONVIFClient(address: DeviceAddress(host: "fe80::2", port: port), credentials: nil).deviceInformation()
                return nil
            } catch let e as ONVIFError {
                return e
            }
        }
        #expect(e == .linkLocalWithoutZone(host: "fe80::2"))
        #expect(e?.text(.en).contains("[fe80::2%eth0]:PORT") == true)
        #expect(e?.text(.vi).contains("giao diện mạng") == true)
    }
}
