import GRDB

/// Unattended sync's tables (issue 15), registered as `v3_…` migrations by ``Schema``. New
/// tables only: the prototype's tables and the download tables are not touched.
///
/// - `sync_camera`: per source and camera, the high-water mark (end of the last saved footage),
///   how far the device has been searched and downloaded (`checked_until`), the last job, pass
///   and error.
/// - `sync_gap`: parts of a camera's timeline where the device had no footage when searched,
///   re-checked a limited number of times (footage that appears later is fetched).
/// - `sync_source`: per source, the last pass, the next one and the last error.
/// - `sync_deletion`: every file retention deleted (or would have, in a dry run it is not written).
enum SyncSchema {
    static func register(_ m: inout DatabaseMigrator) {
        m.registerMigration("v3_sync_tables") { db in
            try db.execute(sql: """
                CREATE TABLE sync_camera (
                    source_id INTEGER NOT NULL,
                    camera TEXT NOT NULL,
                    high_water TEXT,
                    checked_until TEXT,
                    last_job_id INTEGER,
                    last_pass_at TEXT,
                    last_error TEXT,
                    updated_at TEXT NOT NULL,
                    PRIMARY KEY (source_id, camera)
                )
                """)
            try db.execute(sql: """
                CREATE TABLE sync_gap (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_id INTEGER NOT NULL,
                    camera TEXT NOT NULL,
                    gap_start TEXT NOT NULL,
                    gap_end TEXT NOT NULL,
                    checks INTEGER NOT NULL DEFAULT 0,
                    next_check_at TEXT,
                    found_at TEXT NOT NULL
                )
                """)
            try db.execute(sql: "CREATE INDEX sync_gap_camera ON sync_gap(source_id, camera, gap_start)")
            try db.execute(sql: """
                CREATE TABLE sync_source (
                    source_id INTEGER PRIMARY KEY,
                    last_pass_start TEXT,
                    last_pass_end TEXT,
                    next_run_at TEXT,
                    last_error TEXT,
                    updated_at TEXT NOT NULL
                )
                """)
            try db.execute(sql: """
                CREATE TABLE sync_deletion (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_id INTEGER,
                    camera TEXT NOT NULL,
                    path TEXT NOT NULL,
                    start_time TEXT,
                    end_time TEXT,
                    bytes INTEGER NOT NULL DEFAULT 0,
                    reason TEXT NOT NULL,
                    deleted_at TEXT NOT NULL
                )
                """)
        }
    }
}
