import Foundation
import Synchronization
import Testing
@testable import ONVIF
@testable import Simulator

/// The executables built next to the test runner.
enum BuiltProducts {
    /// `vtrack` in the build products directory, nil when it was not built.
    static let vtrack = product("vtrack")
    /// `vtrack-sim`, nil when it was not built.
    static let vtrackSim = product("vtrack-sim")

    private static func product(_ name: String) -> String? {
        let dir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let path = dir.appendingPathComponent(name).path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}

/// A child process whose stdout lines are collected as they come.
final class StreamingProcess: Sendable {
    private let process: Process
    private let lines = Synchronization.Mutex<[String]>([])

    init(_ argv: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: argv[0])
        p.arguments = Array(argv.dropFirst())
        p.environment = ["LANG": "en_US.UTF-8", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        process = p
        try p.run()
        let handle = out.fileHandleForReading
        Thread { [self] in
            var pending = ""
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                pending += String(decoding: data, as: UTF8.self)
                while let nl = pending.firstIndex(of: "\n") {
                    let line = String(pending[..<nl])
                    pending = String(pending[pending.index(after: nl)...])
                    self.lines.withLock { $0.append(line) }
                }
            }
        }.start()
    }

    /// Waits (up to 10 s) until a line satisfies `condition`; returns every line so far.
    func wait(for condition: (String) -> Bool) -> [String] {
        for _ in 0..<1000 {
            let now = lines.withLock { $0 }
            if now.contains(where: condition) { return now }
            usleep(10_000)
        }
        return lines.withLock { $0 }
    }

    /// The child's process id.
    var pid: Int32 { process.processIdentifier }

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

    /// Sends `signal` and waits for the process to end; returns its exit status.
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// The built `vtrack discover` binary, end to end.
@Suite(.enabled(if: BuiltProducts.vtrack != nil, "needs the vtrack binary next to the test bundle (swift build --build-tests)"))
struct DiscoverCommandTests {
    static var vtrack: String? { BuiltProducts.vtrack }

    struct Run { var status: Int32; var out: String; var err: String }

    static func run(_ args: [String], prefix: [String] = [], lang: String = "en_US.UTF-8") throws -> Run {
        let p = Process()
        let argv = prefix + [vtrack!] + args
        p.executableURL = URL(fileURLWithPath: argv[0])
        p.arguments = Array(argv.dropFirst())
        p.environment = ["LANG": lang, "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
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
        let run = try Self.run(["discover", "--no-multicast", "--host", "127.0.0.1:\(try #require(r.port))", "--timeout", "0.5", "--json"])
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
        let run = try Self.run(["discover", "--no-multicast", "--host", "127.0.0.1:\(try #require(r.port))", "--timeout", "0.5"])
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
        let run = try Self.run(["discover", "--no-multicast", "--host", "127.0.0.1:\(raw.port)", "--timeout", "0.5", "--verbose"])
        #expect(run.status == 0)
        #expect(run.out.contains("IPC Camera"))
        #expect(run.out.contains("12 malformed answers"))
        #expect(run.out.contains("unescaped spaces in Scopes"))
        #expect(run.out.contains("Malformed answer from 127.0.0.1:\(raw.port)"))
    }

    @Test func nothingFoundGivesEmptyJSONAndAHint() throws {
        let raw = try RawResponder(multicast: false) { _ in [] }
        defer { raw.stop() }
        let run = try Self.run(["discover", "--no-multicast", "--host", "127.0.0.1:\(raw.port)", "--timeout", "0.3", "--json"])
        #expect(run.status == 0)
        #expect(run.out.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        #expect(run.err.contains("--host"))
    }

    @Test func errorsAreOneSentenceInTheUsersLanguage() throws {
        let en = try Self.run(["discover", "--interface", "vtrack-no-such-if", "--timeout", "0.2"])
        #expect(en.status == 1)
        #expect(en.err.hasPrefix("vtrack: This machine has no network interface named \"vtrack-no-such-if\""))
        #expect(en.err.split(separator: "\n").count == 1)
        let vi = try Self.run(["discover", "--interface", "vtrack-no-such-if", "--timeout", "0.2"], lang: "vi_VN.UTF-8")
        #expect(vi.status == 1)
        #expect(vi.err.contains("Máy này không có giao diện mạng tên \"vtrack-no-such-if\""))
        let host = try Self.run(["discover", "--no-multicast", "--host", "no-such-camera.invalid", "--timeout", "0.2"])
        #expect(host.status == 1)
        #expect(host.err.contains("Could not resolve host \"no-such-camera.invalid\""))
        let usage = try Self.run(["discover", "--no-multicast"])
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
        let run = try Self.run(["discover", "--json", "--timeout", "3"], prefix: [try #require(NetworkNamespace.ipPath), "netns", "exec", net.client.name])
        #expect(run.status == 0, "stderr: \(run.err)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: array.compactMap { d in (d["name"] as? String).map { ($0, d) } })
        #expect(Set(byName.keys) == ["West 01", "East 01"])
        #expect(byName["West 01"]?["interfaces"] as? [String] == ["vc1"])
        #expect(byName["East 01"]?["interfaces"] as? [String] == ["vc2"])
        #expect(byName["East 01"]?["xaddr"] as? String == "http://10.77.2.2:8000/onvif/device_service")

        // --interface limits the sweep to the interfaces named
        let only = try Self.run(["discover", "--json", "--timeout", "3", "--interface", "vc2"],
                                prefix: [try #require(NetworkNamespace.ipPath), "netns", "exec", net.client.name])
        #expect(only.status == 0, "stderr: \(only.err)")
        let onlyArray = try #require(try JSONSerialization.jsonObject(with: Data(only.out.utf8)) as? [[String: Any]])
        #expect(onlyArray.compactMap { $0["name"] as? String } == ["East 01"])
        let both = try Self.run(["discover", "--json", "--timeout", "3", "--interface", "vc1", "--interface", "vc2"],
                                prefix: [try #require(NetworkNamespace.ipPath), "netns", "exec", net.client.name])
        let bothArray = try #require(try JSONSerialization.jsonObject(with: Data(both.out.utf8)) as? [[String: Any]])
        #expect(Set(bothArray.compactMap { $0["name"] as? String }) == ["West 01", "East 01"])
    }

    @Test(.enabled(if: NetworkNamespace.available && BuiltProducts.vtrackSim != nil, Comment(rawValue: NetworkNamespace.skipReason)))
    func watchShowsHelloAndByeOfTheSimulatorBinary() throws {
        let net = try TwoLANs()
        defer { net.delete() }
        let ip = try #require(NetworkNamespace.ipPath)
        let watcher = try StreamingProcess([ip, "netns", "exec", net.client.name, try #require(Self.vtrack),
                                            "discover", "--json", "--watch", "--timeout", "0.3"])
        defer { watcher.stop(SIGINT) }
        // the sweep prints its (empty) array, then the listener joins the group (`ip netns exec`
        // execs vtrack, so the pid is vtrack's and its /proc view is the client namespace)
        _ = watcher.wait { $0 == "[]" }
        #expect(eventually { watcher.hasJoinedDiscoveryGroup(on: "vc2") }, "the listener never joined the group on vc2")
        let sim = try StreamingProcess([ip, "netns", "exec", net.lan2.name, try #require(BuiltProducts.vtrackSim),
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
