import Foundation
import Store
import TestSupport

extension VTrackHome {
    /// The repository the CLI uses (same database and key file).
    func repository() throws -> Repository {
        try Repository(locations: StoreLocations(databaseFile: db, keyFile: keyFile))
    }
}

func jsonObject(_ text: String) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(text.utf8))
}
