import Foundation
import Store
import TestSupport

extension Scratch {
    /// A database and key file inside this folder.
    func locations() -> StoreLocations {
        StoreLocations(databaseFile: file("data/vtrack.db"), keyFile: file("config/secret.key"))
    }
}

func isDirectory(_ path: String) -> Bool {
    var d: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &d) && d.boolValue
}

func listing(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}
