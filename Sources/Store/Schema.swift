import GRDB

/// The database schema as a list of versioned migrations (GRDB's `DatabaseMigrator`).
///
/// Rules: never edit a migration that has shipped; add a new one at the end of
/// ``migrator(secrets:)``. The tables `video_source` and `processing_config` are read by VTrack's
/// processing: keep their columns, add new tables instead of changing them.
/// The first migrations adopt a database made by the prototype (same tables, maybe fewer
/// columns, passwords in clear in `video_source.config`) as well as an empty file.
enum Schema {
    /// Column name → definition used when the column is missing from an adopted table.
    static let videoSourceColumns: [(String, String)] = [
        ("source_type", "TEXT NOT NULL DEFAULT 'nvr'"), ("name", "TEXT NOT NULL DEFAULT ''"),
        ("path", "TEXT NOT NULL DEFAULT ''"), ("config", "TEXT NOT NULL DEFAULT '{}'"),
        ("active", "INTEGER NOT NULL DEFAULT 1"), ("created_at", "TEXT"),
    ]

    static let processingConfigColumns: [(String, String)] = [
        ("video_root", "TEXT"), ("output_path", "TEXT"), ("default_days", "INTEGER"), ("min_packing_time", "INTEGER"),
        ("max_packing_time", "INTEGER"), ("frame_interval", "INTEGER"), ("video_buffer", "INTEGER"), ("run_mode", "TEXT"),
        ("selected_cameras", "TEXT DEFAULT '[]'"), ("db_path", "TEXT NOT NULL DEFAULT ''"), ("frame_rate", "REAL"),
        ("camera_paths", "TEXT DEFAULT '{}'"),
    ]

    static func migrator(secrets: SecretBox) -> DatabaseMigrator {
        var m = DatabaseMigrator()

        m.registerMigration("v1_video_source") { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS video_source (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_type TEXT NOT NULL DEFAULT 'nvr',
                    name TEXT NOT NULL,
                    path TEXT NOT NULL DEFAULT '',
                    config TEXT NOT NULL DEFAULT '{}',
                    active INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT DEFAULT CURRENT_TIMESTAMP
                )
                """)
            try addMissingColumns(db, table: "video_source", videoSourceColumns)
            // Upserts go by name: make it unique unless an adopted database already holds duplicates
            // (then the repository keeps names unique itself and uses the oldest row).
            let duplicates = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT name FROM video_source GROUP BY name HAVING COUNT(*) > 1)") ?? 0
            if duplicates == 0 {
                try db.execute(sql: "CREATE UNIQUE INDEX IF NOT EXISTS video_source_name ON video_source(name)")
            }
        }

        m.registerMigration("v1_processing_config") { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS processing_config (
                    id INTEGER PRIMARY KEY,
                    video_root TEXT,
                    output_path TEXT,
                    default_days INTEGER,
                    min_packing_time INTEGER,
                    max_packing_time INTEGER,
                    frame_interval INTEGER,
                    video_buffer INTEGER,
                    run_mode TEXT,
                    selected_cameras TEXT DEFAULT '[]',
                    db_path TEXT NOT NULL,
                    frame_rate REAL,
                    camera_paths TEXT DEFAULT '{}'
                )
                """)
            try addMissingColumns(db, table: "processing_config", processingConfigColumns)
        }

        m.registerMigration("v1_source_secret") { db in
            // One encrypted password per source: AES-GCM nonce + ciphertext + tag, and the id of the key.
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS source_secret (
                    source_id INTEGER PRIMARY KEY REFERENCES video_source(id) ON DELETE CASCADE,
                    key_id TEXT NOT NULL,
                    sealed BLOB NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """)
        }

        m.registerMigration("v1_encrypt_clear_passwords") { db in
            try LegacyPasswords.encryptAndStrip(db, secrets: secrets)
        }

        // The downloader's tables (download jobs, cameras and files, issue 6): Downloads/DownloadSchema.swift.
        DownloadSchema.register(&m)
        // Unattended sync's tables (issue 15): Sync/SyncSchema.swift.
        SyncSchema.register(&m)
        return m
    }

    /// Adds the listed columns that an adopted table lacks.
    static func addMissingColumns(_ db: Database, table: String, _ columns: [(String, String)]) throws {
        let present = Set(try db.columns(in: table).map { $0.name.lowercased() })
        for (name, definition) in columns where !present.contains(name) {
            try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN \(name) \(definition)")
        }
    }
}
