import Common
import Foundation
import ONVIF
import Simulator
import Core
import Store

/// A simulator started in-process on 127.0.0.1, port 0, stopped when the fixture goes away.
final class ProfileGSim {
    let sim: Simulator

    init(_ configure: (inout SimulatorConfig) -> Void = { _ in }) throws {
        var c = SimulatorConfig()
        c.host = "127.0.0.1"
        c.port = 0
        configure(&c)
        sim = Simulator(config: c)
        try sim.start()
    }

    deinit { sim.stop() }

    var address: DeviceAddress { DeviceAddress(host: "127.0.0.1", port: sim.httpPort) }

    func client(options: ClientOptions = ClientOptions()) -> ONVIFClient {
        ONVIFClient(address: address, credentials: Credentials(user: "admin", password: "admin123"), options: options)
    }

    /// Find… operations started and EndSearch requests seen so far.
    var searchesStarted: Int { sim.stats.count("FindRecordings") + sim.stats.count("FindEvents") }
    var searchesEnded: Int { sim.stats.count("EndSearch") }
}

/// A whole-second instant `seconds` before now.
func secondsAgo(_ seconds: Double) -> Date {
    Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - seconds).rounded(.down))
}

/// The error `body` throws (nil when it does not throw).
func thrown(_ body: () throws -> Void) -> (any Error)? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

let tse = "xmlns:tse=\"http://www.onvif.org/ver10/search/wsdl\" xmlns:tt=\"http://www.onvif.org/ver10/schema\""

/// A fresh folder under /tmp with a database, removed when released.
final class StoreSandbox {
    let path: String
    let repository: Repository

    init() throws {
        let p = NSTemporaryDirectory() + "vtrack-rec-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        path = URL(fileURLWithPath: p).resolvingSymlinksInPath().path
        repository = try Repository(locations: StoreLocations(databaseFile: path + "/share/vtrack/vtrack.db",
                                                              keyFile: path + "/config/vtrack/secret.key"))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Probes the simulator and saves it as source `name` (every camera selected, password encrypted).
    @discardableResult
    func save(_ f: ProfileGSim, name: String = "nvr_localhost", select: CameraChoice = .all, password: String? = "admin123") throws -> VideoSource {
        let probe = try f.client().probe()
        let tested = TestedSource(name: name, host: "127.0.0.1", port: f.sim.httpPort, username: "admin", password: password,
                                  device: probe.device, cameras: probe.cameras)
        return try SaveConfig(repository: repository).save(tested, choice: select, videoRoot: path + "/videos").source
    }
}
