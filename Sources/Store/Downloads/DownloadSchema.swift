import GRDB

/// The downloader's tables (issue 6), registered as `v2_…` migrations by ``Schema``.
///
/// - `download_job`: one row per request (source, range, cameras, format, max_file_size_mb,
///   options, state, timestamps).
/// - `download_camera`: per job and camera, the folder, the planned coverage, how it is replayed
///   and how far it got: what `--resume` needs besides the files.
/// - `download_file`: every MP4 written (or being written, as `.part`), with its real first and
///   last frame times.
enum DownloadSchema {
    static func register(_ m: inout DatabaseMigrator) {
        m.registerMigration("v2_download_tables") { db in
            try db.execute(sql: """
                CREATE TABLE download_job (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_id INTEGER NOT NULL,
                    source_name TEXT NOT NULL,
                    range_start TEXT NOT NULL,
                    range_end TEXT NOT NULL,
                    cameras TEXT NOT NULL DEFAULT '[]',
                    format TEXT NOT NULL DEFAULT 'mp4',
                    max_file_size_mb INTEGER NOT NULL DEFAULT 500,
                    options TEXT NOT NULL DEFAULT '{}',
                    state TEXT NOT NULL DEFAULT 'queued',
                    reason TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    finished_at TEXT
                )
                """)
            try db.execute(sql: "CREATE INDEX download_job_state ON download_job(state)")
            try db.execute(sql: """
                CREATE TABLE download_camera (
                    job_id INTEGER NOT NULL REFERENCES download_job(id) ON DELETE CASCADE,
                    camera TEXT NOT NULL,
                    folder TEXT NOT NULL,
                    state TEXT NOT NULL DEFAULT 'queued',
                    reason TEXT,
                    covered TEXT,
                    replay TEXT,
                    media_seconds REAL NOT NULL DEFAULT 0,
                    bytes INTEGER NOT NULL DEFAULT 0,
                    updated_at TEXT NOT NULL,
                    PRIMARY KEY (job_id, camera)
                )
                """)
            try db.execute(sql: """
                CREATE TABLE download_file (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    job_id INTEGER NOT NULL REFERENCES download_job(id) ON DELETE CASCADE,
                    camera TEXT NOT NULL,
                    path TEXT NOT NULL,
                    start_time TEXT,
                    end_time TEXT,
                    bytes INTEGER NOT NULL DEFAULT 0,
                    duration REAL NOT NULL DEFAULT 0,
                    state TEXT NOT NULL DEFAULT 'writing',
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """)
            try db.execute(sql: "CREATE INDEX download_file_job ON download_file(job_id, camera)")
        }
    }
}
