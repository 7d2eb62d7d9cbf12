import Common
import Foundation
import ONVIF
import Simulator
import Core
import Store
import TestSupport

/// The in-process simulator of the Profile G tests.
typealias ProfileGSim = SimFixture

extension SimFixture {
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

/// A fresh vtrack home under /tmp with a database (the one the `vtrack` binary of the home
/// uses too), removed when released.
final class StoreSandbox {
    let home = VTrackHome("rec")
    let repository: Repository

    /// The home folder.
    var path: String { home.path }

    init() throws {
        repository = try Repository(locations: StoreLocations(databaseFile: home.db, keyFile: home.keyFile))
    }

    /// Probes the simulator and saves it as source `name` (every camera selected, password encrypted).
    @discardableResult
    func save(_ f: ProfileGSim, name: String = "nvr_localhost", select: CameraChoice = .all, password: String? = "admin123") throws -> VideoSource {
        let probe = try f.client().probe()
        let tested = TestedSource(name: name, host: "127.0.0.1", port: f.sim.httpPort, username: "admin", password: password,
                                  device: probe.device, cameras: probe.cameras)
        return try SaveConfig(repository: repository).save(tested, choice: select, videoRoot: path + "/videos").source
    }
}
