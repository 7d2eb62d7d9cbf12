import Foundation
import Testing
import TestSupport
@testable import ONVIF
@testable import Simulator

/// A child process whose stdout lines are read as they come (from the file it writes to).
final class StreamingProcess: Sendable {
    private let process: ChildProcess

    init(_ argv: [String]) throws {
        process = try ChildProcess(argv[0], Array(argv.dropFirst()), environment: DiscoverCommandTests.environment(), releaseSignal: SIGKILL)
    }

    /// The child's process id.
    var pid: pid_t { process.pid }

    /// The complete lines written so far.
    var lines: [String] { process.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }

    /// Waits (up to 30 s, a bound) until a line satisfies `condition`; returns every line so far.
    func wait(for condition: (String) -> Bool) -> [String] {
        _ = eventually { lines.contains(where: condition) }
        return lines
    }

    /// Whether the child has joined the WS-Discovery group (239.255.255.250) on `interface`, as
    /// its network namespace's `/proc/PID/net/igmp` shows: from then on Hello reaches it.
    func hasJoinedDiscoveryGroup(on interface: String) -> Bool {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/net/igmp", encoding: .utf8) else { return false }
        var device = ""
        for line in text.split(separator: "\n") {
            if !line.hasPrefix("\t") {
                device = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.map(String.init) ?? ""
            } else if device == interface, line.contains("FAFFFFEF") { // 239.255.255.250, little-endian hex
                return true
            }
        }
        return false
    }

    /// Sends `signal` (once) and waits for the process to end; returns its exit status.
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM) -> Int32 { process.stop(signal) }
}

/// The built `vtrack discover` binary, end to end.
@Suite(.enabled(if: BuiltProducts.exists("vtrack"), "needs the vtrack binary next to the test bundle (swift build --build-tests)"))
struct DiscoverCommandTests {
    static var vtrack: String { BuiltProducts.path("vtrack") }

    /// What every run gets: English (or `lang`) and the system folders on `PATH`, nothing else.
    static func environment(lang: String = "en_US.UTF-8") -> [String: String] {
        ["LANG": lang, "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]
    }

    /// Runs `vtrack args…` (after `prefix`, such as `ip netns exec NS`) to completion.
    static func run(_ args: [String], prefix: [String] = [], lang: String = "en_US.UTF-8") -> ProgramOutput {
        let argv = prefix + [vtrack] + args
        return Spawn.run(argv[0], Array(argv.dropFirst()), environment: environment(lang: lang))
    }

    static func responder(_ adverts: [DiscoveryAdvert]) throws -> DiscoveryResponder {
        let r = DiscoveryResponder(adverts: adverts, settings: .init(port: 0, multicast: false))
        try r.start()
        return r
    }

    @Test func jsonListsTheDeviceFoundByUnicast() throws {
        var advert = DiscoveryAdvert.fleet(count: 1, host: "127.0.0.1", firstPort: 18080)[0]
        advert.xaddrs = DiscoveryAdvert.threeXAddrs(real: advert.xaddrs[0])
        let r = try Self.responder([advert])
        defer { r.stop() }
        let run = Self.run(["discover", "--no-multicast", "--host", "127.0.0.1:\(try #require(r.port))", "--timeout", "0.5", "--json"])
        #expect(run.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        let d = try #require(array.first)
        #expect(d["name"] as? String == "Simulated Camera 01")
        #expect(d["hardware"] as? String == "SIM-CAM")
        #expect(d["xaddr"] as? String == "http://127.0.0.1:18080/onvif/device_service")
        #expect((d["xaddrs"] as? [String])?.count == 3)
        #expect(d["addresses"] as? [String] == ["127.0.0.1"])
        #expect(d["profiles"] as? [String] == ["G", "S", "T"])
        #expect(d["endpointReference"] as? String == advert.endpointReference)
        #expect(d["differentSubnet"] as? Bool == false)
    }

    @Test func textListsNameXAddrAndEndpoint() throws {
        let r = try Self.responder(DiscoveryAdvert.fleet(count: 2, host: "127.0.0.1"))
        defer { r.stop() }
        let run = Self.run(["discover", "--no-multicast", "--host", "127.0.0.1:\(try #require(r.port))", "--timeout", "0.5"])
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("Found 2 devices"))
        #expect(run.out.contains("Simulated Camera 01") && run.out.contains("Simulated Camera 02"))
        #expect(run.out.contains("http://127.0.0.1:8001/onvif/device_service"))
        #expect(run.out.split(separator: "\n").contains { $0.hasPrefix("   Profiles") && $0.hasSuffix(" G, S, T") })
        #expect(run.out.contains(r.adverts[1].endpointReference))
    }

    @Test func verboseShowsMalformedAnswers() throws {
        let raw = try RawResponder(multicast: false) { [Array("<garbage".utf8), Array(FieldSamples.noName(relatesTo: $0).utf8)] }
        defer { raw.stop() }
        let run = Self.run(["discover", "--no-multicast", "--host", "127.0.0.1:\(raw.port)", "--timeout", "0.5", "--verbose"])
        #expect(run.status == 0)
        #expect(run.out.contains("IPC Camera"))
        #expect(run.out.contains("12 malformed answers"))
        #expect(run.out.contains("unescaped spaces in Scopes"))
        #expect(run.out.contains("Malformed answer from 127.0.0.1:\(raw.port)"))
    }

    @Test func nothingFoundGivesEmptyJSONAndAHint() throws {
        let raw = try RawResponder(multicast: false) { _ in [] }
        defer { raw.stop() }
        let run = Self.run(["discover", "--no-multicast", "--host", "127.0.0.1:\(raw.port)", "--timeout", "0.3", "--json"])
        #expect(run.status == 0)
        #expect(run.out.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        #expect(run.err.contains("--host"))
    }

    @Test func errorsAreOneSentenceInTheUsersLanguage() throws {
        let en = Self.run(["discover", "--interface", "vtrack-no-such-if", "--timeout", "0.2"])
        #expect(en.status == 1)
        #expect(en.err.hasPrefix("vtrack: This machine has no network interface named \"vtrack-no-such-if\""))
        #expect(en.err.split(separator: "\n").count == 1)
        let vi = Self.run(["discover", "--interface", "vtrack-no-such-if", "--timeout", "0.2"], lang: "vi_VN.UTF-8")
        #expect(vi.status == 1)
        #expect(vi.err.contains("Máy này không có giao diện mạng tên \"vtrack-no-such-if\""))
        let host = Self.run(["discover", "--no-multicast", "--host", "no-such-camera.invalid", "--timeout", "0.2"])
        #expect(host.status == 1)
        #expect(host.err.contains("Could not resolve host \"no-such-camera.invalid\""))
        let usage = Self.run(["discover", "--no-multicast"])
        #expect(usage.status == 64)
        #expect(usage.err.contains("--no-multicast needs at least one --host"))
    }

    @Test(.enabled(if: NetworkNamespace.available, Comment(rawValue: NetworkNamespace.skipReason)))
    func multicastSweepOfTwoInterfacesInANamespace() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        let a = try net.lan1.run {
            let r = DiscoveryResponder(adverts: DiscoveryAdvert.fleet(count: 1, host: "10.77.1.2", seed: "cli-a", namePrefix: "West"))
            try r.start()
            return r
        }
        defer { a.stop() }
        let b = try net.lan2.run {
            let r = DiscoveryResponder(adverts: DiscoveryAdvert.fleet(count: 1, host: "10.77.2.2", seed: "cli-b", namePrefix: "East"))
            try r.start()
            return r
        }
        defer { b.stop() }
        let run = Self.run(["discover", "--json", "--timeout", "3"], prefix: net.client.execPrefix)
        #expect(run.status == 0, "stderr: \(run.err)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: array.compactMap { d in (d["name"] as? String).map { ($0, d) } })
        #expect(Set(byName.keys) == ["West 01", "East 01"])
        #expect(byName["West 01"]?["interfaces"] as? [String] == ["vc1"])
        #expect(byName["East 01"]?["interfaces"] as? [String] == ["vc2"])
        #expect(byName["East 01"]?["xaddr"] as? String == "http://10.77.2.2:8000/onvif/device_service")

        // --interface limits the sweep to the interfaces named
        let only = Self.run(["discover", "--json", "--timeout", "3", "--interface", "vc2"],
                                prefix: net.client.execPrefix)
        #expect(only.status == 0, "stderr: \(only.err)")
        let onlyArray = try #require(try JSONSerialization.jsonObject(with: Data(only.out.utf8)) as? [[String: Any]])
        #expect(onlyArray.compactMap { $0["name"] as? String } == ["East 01"])
        let both = Self.run(["discover", "--json", "--timeout", "3", "--interface", "vc1", "--interface", "vc2"],
                                prefix: net.client.execPrefix)
        let bothArray = try #require(try JSONSerialization.jsonObject(with: Data(both.out.utf8)) as? [[String: Any]])
        #expect(Set(bothArray.compactMap { $0["name"] as? String }) == ["West 01", "East 01"])
    }

    @Test(.enabled(if: NetworkNamespace.available && BuiltProducts.exists("vtrack-sim"), Comment(rawValue: NetworkNamespace.skipReason)))
    func watchShowsHelloAndByeOfTheSimulatorBinary() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        let watcher = try StreamingProcess(net.client.execPrefix + [Self.vtrack,
                                           "discover", "--json", "--watch", "--timeout", "0.3"])
        defer { watcher.stop(SIGINT) }
        // the sweep prints its (empty) array, then the listener joins the group (`ip netns exec`
        // execs vtrack, so the pid is vtrack's and its /proc view is the client namespace)
        _ = watcher.wait { $0 == "[]" }
        #expect(eventually { watcher.hasJoinedDiscoveryGroup(on: "vc2") }, "the listener never joined the group on vc2")
        let sim = try StreamingProcess(net.lan2.execPrefix + [BuiltProducts.path("vtrack-sim"),
                                       "--discovery", "--host", "0.0.0.0", "--port", "8080", "--discovery-hello-bye"])
        let hello = watcher.wait { $0.contains("\"event\":\"hello\"") }
        #expect(hello.contains { $0.contains("\"xaddr\":\"http://10.77.2.2:8080/onvif/device_service\"") && $0.contains("VTrack Simulated NVR") },
                "lines: \(hello)")
        #expect(sim.stop(SIGTERM) == 0)
        let bye = watcher.wait { $0.contains("\"event\":\"bye\"") }
        let epr = DiscoveryAdvert.endpointReference(from: "vtrack-sim/" + SimulatorConfig().serialNumber)
        #expect(bye.contains { $0.contains("\"event\":\"bye\"") && $0.contains(epr) }, "lines: \(bye)")
        #expect(watcher.stop(SIGINT) == 0)
    }
}
