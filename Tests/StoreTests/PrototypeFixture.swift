import Foundation
import GRDB

/// A database as the prototype (Python, sqlite3 module) left it: its CREATE TABLE statements and
/// the example rows from its notes — a `video_source` named `nvr_localhost` whose config JSON
/// holds the password in clear and the port as a string, a second source whose camera record
/// has `capabilities` as an object, a `processing_config` row without `camera_paths` (planned,
/// never added), and one of processing's own tables, which must be left alone.
enum PrototypeFixture {
    static let password = "Prototype-Secret-42"
    static let password2 = "cam-pass-äöü-9"

    static let sql = """
        CREATE TABLE video_source (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source_type TEXT NOT NULL,
            name TEXT NOT NULL,
            path TEXT NOT NULL,
            config TEXT,
            active INTEGER DEFAULT 1,
            created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
        );
        CREATE TABLE processing_config (
            id INTEGER PRIMARY KEY,
            video_root TEXT,
            output_path TEXT,
            default_days INTEGER,
            min_packing_time INTEGER,
            max_packing_time INTEGER,
            frame_interval INTEGER,
            video_buffer INTEGER,
            run_mode TEXT,
            selected_cameras TEXT,
            db_path TEXT NOT NULL,
            frame_rate REAL
        );
        CREATE TABLE events (
            event_id INTEGER PRIMARY KEY AUTOINCREMENT,
            ts REAL, te REAL, camera_name TEXT, video_file TEXT, tracking_codes TEXT
        );
        INSERT INTO video_source VALUES (3, 'nvr', 'nvr_localhost', 'localhost',
            '{"protocol": "onvif", "url": "localhost", "username": "admin", "password": "\(password)", "port": "1000",
              "detected_cameras": [{"capabilities": ["recording"], "codec": "MPEG4", "description": "ONVIF Camera (1.0)",
                "id": "onvif_localhost", "name": "Manufacturer Model", "resolution": "800x600",
                "stream_url": "rtsp://localhost:8554/stream", "onvif_port": 1000, "rtsp_port": 8554}],
              "selected_cameras": ["Manufacturer Model"], "detected_folders": []}',
            1, '2025-07-14 20:39:41.971360+07:00');
        INSERT INTO video_source VALUES (4, 'camera', 'cam_kho', '192.168.1.64',
            '{"protocol": "onvif", "url": "192.168.1.64", "username": "admin", "password": "\(password2)", "port": 80,
              "detected_cameras": [{"id": "onvif_192.168.1.64", "name": "Kho hàng", "capabilities": {"ptz": true, "audio": false}}],
              "selected_cameras": ["Kho hàng"]}',
            0, '2025-07-15 08:00:00');
        INSERT INTO processing_config VALUES (1, '/Users/annhu/vtrack_app/V_Track/nvr_downloads/nvr_localhost',
            '/Users/annhu/vtrack_app/V_Track/output_clips', 30, 10, 120, 5, 2, 'default', '["Manufacturer Model"]',
            '/Users/annhu/vtrack_app/V_Track/backend/database/events.db', 10.1);
        INSERT INTO events (ts, te, camera_name, video_file, tracking_codes) VALUES (1.0, 2.0, 'Manufacturer Model', 'a.mp4', '[]');
        """

    /// Writes the fixture to `path` in rollback-journal mode, as Python's sqlite3 does, mode 0644.
    static func create(at path: String) throws {
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: sql) }
        try q.close()
        chmod(path, 0o644)
    }
}
