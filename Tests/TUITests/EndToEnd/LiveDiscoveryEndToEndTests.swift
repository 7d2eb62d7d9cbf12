import Foundation
import Testing

/// Two network namespaces joined by a veth pair (a technician's laptop and a camera LAN), so
/// multicast WS-Discovery Hello/Bye really travel between the app and `vtrack-sim`.
/// Needs root and iproute2's `ip`; deleted by `delete()`.
struct CameraLAN {
    static let ip: String? = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// True when namespaces can be made here.
    static let available: Bool = {
        guard geteuid() == 0, ip != nil else { return false }
        let probe = "vttprobe\(getpid())"
        guard run(["netns", "add", probe]) == 0 else { return false }
        _ = run(["netns", "del", probe])
        return true
    }()

    let laptop: String
    let lan: String

    init() throws {
        let id = UUID().uuidString.prefix(6).lowercased()
        laptop = "vttl\(id)"; lan = "vttc\(id)"
        let steps: [[String]] = [
            ["netns", "add", laptop], ["netns", "add", lan],
            ["-n", laptop, "link", "set", "lo", "up"], ["-n", lan, "link", "set", "lo", "up"],
            ["-n", laptop, "link", "add", "vtl0", "type", "veth", "peer", "name", "vtc0", "netns", lan],
            ["-n", laptop, "addr", "add", "10.78.1.1/24", "dev", "vtl0"], ["-n", laptop, "link", "set", "vtl0", "up"],
            ["-n", lan, "addr", "add", "10.78.1.2/24", "dev", "vtc0"], ["-n", lan, "link", "set", "vtc0", "up"],
            ["-n", laptop, "route", "add", "default", "dev", "vtl0"], ["-n", lan, "route", "add", "default", "dev", "vtc0"],
        ]
        for s in steps where Self.run(s) != 0 {
            delete()
            throw NSError(domain: "ip", code: 1, userInfo: [NSLocalizedDescriptionKey: "ip \(s.joined(separator: " ")) failed"])
        }
    }

    func delete() {
        _ = Self.run(["netns", "del", laptop])
        _ = Self.run(["netns", "del", lan])
    }

    /// `ip netns exec NS` as a prefix.
    func exec(in ns: String) -> [String] { [Self.ip!, "netns", "exec", ns] }

    @discardableResult
    static func run(_ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: ip!)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}

/// The devices list is live: a camera that says Hello appears, and disappears when it says Bye.
@Suite(.serialized, .enabled(if: Tmux.available && CameraLAN.available,
                             "needs tmux, root and iproute2 (network namespaces) to send real multicast Hello/Bye"))
struct LiveDiscoveryEndToEndTests {
    @Test func helloAddsTheDeviceAndByeRemovesIt() throws {
        let net = try CameraLAN()
        defer { net.delete() }
        let ws = TerminalEndToEndTests.Workspace()
        let command = net.exec(in: net.laptop).map(Tmux.quote).joined(separator: " ") + " " + ws.vtrack("--lang en")
        let t = try Tmux(width: 100, height: 30, command: command, environment: ws.environment)
        var r = t.wait(for: "Network search done: 0 devices")
        #expect(r.ok, "the first sweep finds nothing on the empty LAN:\n\(r.screen)")
        #expect(r.screen.contains("Found on the network (0)"))

        // A camera comes up on the LAN and announces itself.
        let sim = Process()
        sim.executableURL = URL(fileURLWithPath: CameraLAN.ip!)
        sim.arguments = ["netns", "exec", net.lan, Products.path("vtrack-sim"), "--discovery", "--host", "0.0.0.0", "--port", "8080",
                         "--discovery-hello-bye"]
        sim.standardOutput = FileHandle.nullDevice
        sim.standardError = FileHandle.nullDevice
        try sim.run()
        defer { if sim.isRunning { sim.terminate() } }
        r = t.wait { $0.contains("Found on the network (1)") && $0.contains("10.78.1.2:8080") }
        #expect(r.ok, "Hello puts the device in the list without a rescan:\n\(r.screen)")
        #expect(r.screen.contains("VTrack Simulated NVR"))

        // It shuts down and says Bye.
        kill(sim.processIdentifier, SIGTERM)
        sim.waitUntilExit()
        r = t.wait { $0.contains("Found on the network (0)") }
        #expect(r.ok, "Bye takes it out of the list:\n\(r.screen)")
        #expect(r.screen.contains("VTrack Simulated NVR left the network."), "the log says so:\n\(r.screen)")
        t.keys("q")
        #expect(t.wait(for: "EXIT:0").ok)
    }
}
