import Foundation
import GRDB

/// Moves clear-text passwords out of `video_source.config` (the prototype kept them there) into
/// `source_secret`, encrypted. Runs as a migration and again at every open, because an older
/// program may still write such rows.
enum LegacyPasswords {
    /// Returns how many rows were cleaned.
    @discardableResult
    static func encryptAndStrip(_ db: Database, secrets: SecretBox) throws -> Int {
        let rows = try Row.fetchAll(db, sql: "SELECT id, name, config FROM video_source WHERE config LIKE '%\"password\"%'")
        var cleaned = 0
        for row in rows {
            let id: Int64 = row["id"]
            let json = DBValue.string(row["config"])
            guard SourceConfig.holdsPassword(json: json),
                  let data = json?.data(using: .utf8),
                  var object = try? JSONDecoder().decode([String: JSONValue].self, from: data) else { continue }
            let password = object.removeValue(forKey: SourceConfig.passwordKey)?.stringValue ?? ""
            if !password.isEmpty {
                try StoreWriter.saveSecret(db, password: password, sourceID: id, secrets: secrets)
            }
            try db.execute(sql: "UPDATE video_source SET config = ? WHERE id = ?", arguments: [ProcessingConfig.json(object), id])
            cleaned += 1
        }
        return cleaned
    }

    /// Whether any row still holds a `password` key (a cheap check before a write transaction).
    static func anyLeft(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM video_source WHERE config LIKE '%\"password\"%')") ?? false
    }
}
