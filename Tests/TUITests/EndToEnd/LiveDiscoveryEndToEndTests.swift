import Foundation
import Testing
import TestSupport

/// Two network namespaces joined by a veth pair (a technician's laptop and a camera LAN), so
/// multicast WS-Discovery Hello/Bye really travel between the app and `vtrack-sim`.
/// Needs root and iproute2's `ip`; deleted by `delete()`.
struct CameraLAN {
    let laptop: NetworkNamespace
    let lan: NetworkNamespace

    init() throws {
        let laptop = try NetworkNamespace()
        guard let lan = try? NetworkNamespace() else { laptop.delete(); throw TestFailure("cannot make the camera LAN namespace") }
        self.laptop = laptop
        self.lan = lan
        do {
            try laptop.link("vtl0", "10.78.1.1/24", to: lan, "vtc0", "10.78.1.2/24")
            try laptop.ip("route", "add", "default", "dev", "vtl0")
            try lan.ip("route", "add", "default", "dev", "vtc0")
        } catch {
            delete()
            throw error
        }
    }

    func delete() {
        laptop.delete()
        lan.delete()
    }
}

/// The devices list is live: a camera that says Hello appears, and disappears when it says Bye.
@Suite(.serialized, .enabled(if: Tmux.available && NetworkNamespace.available,
                             "needs tmux, root and iproute2 (network namespaces) to send real multicast Hello/Bye"))
struct LiveDiscoveryEndToEndTests {
    @Test func helloAddsTheDeviceAndByeRemovesIt() throws {
        let net = try CameraLAN()
        defer { net.delete() }
        let ws = TerminalEndToEndTests.Workspace()
        let command = net.laptop.execPrefix.map(Tmux.quote).joined(separator: " ") + " " + ws.vtrack("--lang en")
        let t = try Tmux(width: 100, height: 30, command: command, environment: ws.environment)
        var r = t.wait(for: "Network search done: 0 devices")
        #expect(r.ok, "the first sweep finds nothing on the empty LAN:\n\(r.screen)")
        #expect(r.screen.contains("Found on the network (0)"))

        // A camera comes up on the LAN and announces itself.
        let argv = net.lan.execPrefix + [BuiltProducts.path("vtrack-sim"), "--discovery", "--host", "0.0.0.0", "--port", "8080",
                                         "--discovery-hello-bye"]
        let sim = try ChildProcess(argv[0], Array(argv.dropFirst()))
        r = t.wait { $0.contains("Found on the network (1)") && $0.contains("10.78.1.2:8080") }
        #expect(r.ok, "Hello puts the device in the list without a rescan:\n\(r.screen)")
        #expect(r.screen.contains("VTrack Simulated NVR"))

        // It shuts down and says Bye.
        sim.stop(SIGTERM)
        r = t.wait { $0.contains("Found on the network (0)") }
        #expect(r.ok, "Bye takes it out of the list:\n\(r.screen)")
        #expect(r.screen.contains("VTrack Simulated NVR left the network."), "the log says so:\n\(r.screen)")
        t.keys("q")
        #expect(t.wait(for: "EXIT:0").ok)
    }
}
