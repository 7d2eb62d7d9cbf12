import Common
import Foundation
import GRDB

/// Write access inside one IMMEDIATE transaction, obtained from ``Repository/write(_:)``:
/// everything done through it is committed together, or not at all when the closure throws.
public struct StoreWriter {
    let db: Database
    let secrets: SecretBox
    /// Reads inside the same transaction (they see this transaction's changes).
    public let read: StoreReader

    init(db: Database, secrets: SecretBox, defaults: ProcessingConfig) {
        self.db = db
        self.secrets = secrets
        self.read = StoreReader(db: db, secrets: secrets, defaults: defaults)
    }

    /// Inserts a source, or updates the one with the same name (keeping its id, creation time and
    /// the config keys this version does not know). Returns the saved row and whether it is new.
    @discardableResult
    public func upsertSource(name rawName: String, sourceType: String = "nvr", config: SourceConfig,
                             active: Bool = true) throws -> (source: VideoSource, created: Bool) {
        let name = try Self.checkedName(rawName)
        if var existing = try read.source(named: name) {
            var merged = config
            merged.extras = existing.config.extras.merging(config.extras) { _, new in new }
            try db.execute(sql: "UPDATE video_source SET source_type = ?, path = ?, config = ?, active = ? WHERE id = ?",
                           arguments: [sourceType, config.url, merged.encodeJSON(), active ? 1 : 0, existing.id])
            existing.sourceType = sourceType; existing.path = config.url; existing.config = merged; existing.active = active
            return (existing, false)
        }
        try db.execute(sql: "INSERT INTO video_source (source_type, name, path, config, active, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [sourceType, name, config.url, config.encodeJSON(), active ? 1 : 0, Self.timestamp()])
        guard let created = try read.source(id: db.lastInsertedRowID) else { throw StoreError.database(reason: "insert lost") }
        return (created, true)
    }

    /// Inserts a new source; `StoreError.duplicateSource` when the name is taken.
    @discardableResult
    public func addSource(name: String, sourceType: String = "nvr", config: SourceConfig, active: Bool = true) throws -> VideoSource {
        let checked = try Self.checkedName(name)
        if try read.source(named: checked) != nil { throw StoreError.duplicateSource(name: checked) }
        return try upsertSource(name: checked, sourceType: sourceType, config: config, active: active).source
    }

    /// Replaces the config of an existing source (e.g. a new selection).
    public func updateConfig(of source: VideoSource, _ config: SourceConfig) throws {
        try db.execute(sql: "UPDATE video_source SET config = ?, path = ? WHERE id = ?",
                       arguments: [config.encodeJSON(), config.url, source.id])
    }

    /// Sets whether a source is active.
    public func setActive(_ active: Bool, source: VideoSource) throws {
        try db.execute(sql: "UPDATE video_source SET active = ? WHERE id = ?", arguments: [active ? 1 : 0, source.id])
    }

    /// Deletes a source and its saved password. `StoreError.sourceNotFound` when there is none.
    @discardableResult
    public func removeSource(named name: String) throws -> VideoSource {
        let source = try read.requireSource(named: name)
        try db.execute(sql: "DELETE FROM source_secret WHERE source_id = ?", arguments: [source.id])
        try db.execute(sql: "DELETE FROM video_source WHERE id = ?", arguments: [source.id])
        return source
    }

    /// Encrypts and saves a source's password (an empty password removes it).
    public func setPassword(_ password: String, for source: VideoSource) throws {
        if password.isEmpty {
            try db.execute(sql: "DELETE FROM source_secret WHERE source_id = ?", arguments: [source.id])
        } else {
            try Self.saveSecret(db, password: password, sourceID: source.id, secrets: secrets)
        }
    }

    /// Saves the processing settings (creates the row, id 1, when there is none).
    public func saveProcessingConfig(_ c: ProcessingConfig) throws {
        let args: StatementArguments = [c.videoRoot, c.outputPath, c.defaultDays, c.minPackingTime, c.maxPackingTime, c.frameInterval,
                                        c.videoBuffer, c.runMode, c.selectedCamerasJSON, c.dbPath, c.frameRate, c.cameraPathsJSON]
        let existing = try Int64.fetchOne(db, sql: "SELECT id FROM processing_config ORDER BY id LIMIT 1")
        if let id = existing {
            try db.execute(sql: """
                UPDATE processing_config SET video_root = ?, output_path = ?, default_days = ?, min_packing_time = ?,
                    max_packing_time = ?, frame_interval = ?, video_buffer = ?, run_mode = ?, selected_cameras = ?,
                    db_path = ?, frame_rate = ?, camera_paths = ? WHERE id = ?
                """, arguments: args + [id])
        } else {
            try db.execute(sql: """
                INSERT INTO processing_config (id, video_root, output_path, default_days, min_packing_time, max_packing_time,
                    frame_interval, video_buffer, run_mode, selected_cameras, db_path, frame_rate, camera_paths)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: args)
        }
    }

    /// Reads, changes and saves the processing settings.
    @discardableResult
    public func updateProcessingConfig(_ change: (inout ProcessingConfig) throws -> Void) throws -> ProcessingConfig {
        var c = try read.processingConfig()
        try change(&c)
        try saveProcessingConfig(c)
        return try read.processingConfig()
    }

    // MARK: - Helpers

    /// A trimmed, non-empty name without control characters, at most 200 bytes, in Unicode NFC
    /// (so that a name typed on macOS, which decomposes accents, is stored as Linux spells it).
    public static func checkedName(_ raw: String) throws -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        if name.isEmpty { throw StoreError.emptySourceName }
        if name.utf8.count > 200 || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw StoreError.invalidSourceName(name: name)
        }
        return name
    }

    /// `YYYY-MM-DD HH:MM:SS+00:00`: UTC, readable by Python's `fromisoformat` and SQLite's date functions.
    static func timestamp(_ date: Date = Date()) -> String {
        let iso = UTC.iso(date) // 2026-11-25T14:17:16Z
        return iso.dropLast().replacingOccurrences(of: "T", with: " ") + "+00:00"
    }

    static func secretContext(_ sourceID: Int64) -> String { "vtrack/video_source/\(sourceID)" }

    static func saveSecret(_ db: Database, password: String, sourceID: Int64, secrets: SecretBox) throws {
        let sealed = try secrets.seal(password, context: secretContext(sourceID))
        try db.execute(sql: """
            INSERT INTO source_secret (source_id, key_id, sealed, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(source_id) DO UPDATE SET key_id = excluded.key_id, sealed = excluded.sealed, updated_at = excluded.updated_at
            """, arguments: [sourceID, sealed.keyID, sealed.combined, timestamp()])
    }
}
