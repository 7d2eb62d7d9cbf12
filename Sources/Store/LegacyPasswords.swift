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
            guard let stripped = strip(json: DBValue.string(row["config"])) else { continue }
            if !stripped.password.isEmpty {
                try StoreWriter.saveSecret(db, password: stripped.password, sourceID: id, secrets: secrets)
            }
            try db.execute(sql: "UPDATE video_source SET config = ? WHERE id = ?", arguments: [stripped.json, id])
            cleaned += 1
        }
        return cleaned
    }

    /// The password a `config` column holds (empty when it is not text) and the column without
    /// it; nil when there is no `password` key.
    static func strip(json: String?) -> (password: String, json: String)? {
        guard SourceConfig.holdsPassword(json: json),
              let data = json?.data(using: .utf8),
              var object = try? JSONDecoder().decode([String: JSONValue].self, from: data) else { return nil }
        let password = object.removeValue(forKey: SourceConfig.passwordKey)?.stringValue ?? ""
        return (password, ProcessingConfig.json(object))
    }

    /// Whether any row still holds a `password` key (a cheap check before a write transaction).
    static func anyLeft(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM video_source WHERE config LIKE '%\"password\"%')") ?? false
    }
}
