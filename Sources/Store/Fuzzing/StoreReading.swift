import Common
import Foundation
import GRDB

/// The store's readers of rows and of the JSON in their columns behind one public door, for
/// the fuzz harness (`Sources/FuzzTargets`) and tools: each builds the record exactly as a read
/// from the database does, from column name → value. None of them traps, whatever the values.
public enum StoreReading {
    static func row(_ columns: [String: StoredValue]) -> Row {
        Row(columns.mapValues { $0.databaseValue as (any DatabaseValueConvertible)? })
    }

    /// A `video_source` row (its `config` JSON included, see ``SourceConfig``).
    public static func videoSource(_ columns: [String: StoredValue]) -> VideoSource { VideoSource(row: row(columns)) }

    /// The `processing_config` row (`selected_cameras`, `camera_paths` JSON included).
    public static func processingConfig(_ columns: [String: StoredValue], databaseFile: String) -> ProcessingConfig {
        ProcessingConfig(row: row(columns), defaults: .defaults(databaseFile: databaseFile, environment: ["HOME": "/home/vtrack"]))
    }

    /// A `download_job` row (`cameras`, `options`, `reason` JSON, times as text).
    public static func downloadJob(_ columns: [String: StoredValue]) -> DownloadJobRecord { DownloadJobRecord(row: row(columns)) }

    /// A `download_camera` row (`covered` JSON intervals, `reason`).
    public static func downloadCamera(_ columns: [String: StoredValue]) -> DownloadCameraRecord { DownloadCameraRecord(row: row(columns)) }

    /// A `download_file` row.
    public static func downloadFile(_ columns: [String: StoredValue]) -> DownloadFileRecord { DownloadFileRecord(row: row(columns)) }

    /// The `config` column read leniently, and the clear-text password an old row may hold.
    public static func sourceConfig(json: String?, fallbackURL: String) -> (config: SourceConfig, clearPassword: String?) {
        SourceConfig.decode(json: json, fallbackURL: fallbackURL)
    }

    /// The `config` column text this version writes for a config.
    public static func configJSON(_ config: SourceConfig) -> String { config.encodeJSON() }

    /// What the migration of clear-text passwords does with a `config` column: the password it
    /// moves out and the text it writes back, or nil when the column holds no password.
    public static func strippedOfPassword(json: String?) -> (password: String, json: String)? {
        LegacyPasswords.strip(json: json)
    }

    /// The JSON text this version writes for `selected_cameras` and `camera_paths`.
    public static func selectionJSON(_ config: ProcessingConfig) -> (selectedCameras: String, cameraPaths: String) {
        (config.selectedCamerasJSON, config.cameraPathsJSON)
    }
}
