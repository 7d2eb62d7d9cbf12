import Foundation
import Store
import Testing
import TestSupport

extension VTrackHome {
    /// Saves the simulator as source `sim` with every camera selected.
    func addSource(_ sim: SimProcess, name: String = "sim") throws {
        let r = vtrack(["sources", "add", name, "--host", "127.0.0.1:\(sim.httpPort)", "--user", "admin", "--password", "admin123",
                        "--video-root", videoRoot])
        guard r.status == 0 else { throw TestFailure(r.err) }
    }

    /// The repository the CLI uses (same database and key file).
    func repository() throws -> Repository {
        try Repository(locations: StoreLocations(databaseFile: db, keyFile: keyFile))
    }
}

/// The JSON objects of `--json` lines output.
func jsonLines(_ text: String) -> [[String: Any]] {
    text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
}

/// `yyyy-mm-ddThh:mm:ssZ`.
func isoZ(_ d: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: d)
}
