import Foundation
@testable import Store
import TestSupport

extension Scratch {
    /// Locations with the database and key file inside this folder.
    func locations(db: String = "data/vtrack.db") -> StoreLocations {
        StoreLocations(databaseFile: file(db), keyFile: file("config/vtrack/secret.key"))
    }
}

func permissions(_ path: String) -> Int? {
    guard let attrs = try? FileManager.default.attributesOfItem(atPath: path),
          let p = attrs[.posixPermissions] as? NSNumber else { return nil }
    return p.intValue & 0o777
}

/// Every byte of the database and its -wal/-journal companions.
func rawDatabaseBytes(_ db: String) -> Data {
    var all = Data()
    for suffix in ["", "-wal", "-journal", "-shm"] {
        if let d = FileManager.default.contents(atPath: db + suffix) { all.append(d) }
    }
    return all
}

func contains(_ haystack: Data, _ needle: String) -> Bool {
    haystack.range(of: Data(needle.utf8)) != nil
}
