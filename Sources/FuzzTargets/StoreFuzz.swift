import Common
import Foundation
import Store

/// Rows of a database someone else wrote, read back as the store does: `video_source` (its
/// `config` JSON: `SourceConfig`, `JSONValue`, the clear-text password migration) and
/// `processing_config` (`selected_cameras`, `camera_paths`, and `config set` on top) — the
/// prototype's tables, which the prototype, VTrack's processing or a hand edit may fill with
/// any storage class in any column but the `INTEGER PRIMARY KEY` — and VTrack's own download
/// tables, whose number columns hold what their type says and whose text columns (`cameras`,
/// `options`, `reason`, `covered`, times) may hold any text.
///
/// Input: 1 byte selects the table, 1 byte per column its storage class (text, integer, real,
/// blob, null; for the download tables, text or null in nullable text columns), then the
/// column values separated by NUL bytes, in the table's column order (for `processing_config`,
/// one more: a value for `config set`).
public enum StoreFuzz {
    /// What a column may hold: anything, its SQLite type only, or text (NULL when nullable).
    enum Column { case any, integer, real, text, textOrNull }

    static let tables: [[(name: String, kind: Column)]] = [
        [("source_type", .any), ("name", .any), ("path", .any), ("config", .any), ("active", .any), ("created_at", .any),
         ("has_password", .integer)],
        [("video_root", .any), ("output_path", .any), ("default_days", .any), ("min_packing_time", .any), ("max_packing_time", .any),
         ("frame_interval", .any), ("video_buffer", .any), ("run_mode", .any), ("selected_cameras", .any), ("db_path", .any),
         ("frame_rate", .any), ("camera_paths", .any), ("id", .integer)],
        [("source_id", .integer), ("source_name", .text), ("range_start", .text), ("range_end", .text), ("cameras", .text),
         ("format", .text), ("max_file_size_mb", .integer), ("options", .text), ("state", .text), ("reason", .textOrNull),
         ("created_at", .text), ("updated_at", .text), ("finished_at", .textOrNull)],
        [("camera", .text), ("folder", .text), ("state", .text), ("reason", .textOrNull), ("covered", .textOrNull),
         ("replay", .textOrNull), ("media_seconds", .real), ("bytes", .integer), ("updated_at", .text)],
        [("camera", .text), ("path", .text), ("start_time", .textOrNull), ("end_time", .textOrNull), ("bytes", .integer),
         ("duration", .real), ("state", .text)],
    ]

    public static func run(_ data: Data) {
        var input = FuzzInput(data)
        let table = Int(input.byte()) % tables.count
        let spec = tables[table]
        let classes = input.take(spec.count)
        let fields = input.rest().split(separator: 0, omittingEmptySubsequences: false)
        var columns: [String: StoredValue] = [:]
        for (i, (name, kind)) in spec.enumerated() {
            // every column is there, as in a `SELECT *` of the table
            let bytes = i < fields.count ? Array(fields[i]) : []
            let text = String(decoding: bytes, as: UTF8.self)
            let integer = StoredValue.integer(Int64(text) ?? Int64(bytes.count))
            let real = Double(text).map { $0.isNaN ? StoredValue.null : .real($0) } ?? .real(Double(bytes.count) / 3)  // SQLite keeps NaN as NULL
            let chosen = i < classes.count ? classes[i] : 0
            switch kind {
            case .integer: columns[name] = integer
            case .real: columns[name] = real
            case .text: columns[name] = .text(text)
            case .textOrNull: columns[name] = chosen % 5 == 4 ? .null : .text(text)
            case .any:
                switch chosen % 5 {
                case 0: columns[name] = .text(text)
                case 1: columns[name] = integer
                case 2: columns[name] = real
                case 3: columns[name] = .blob(bytes)
                default: columns[name] = .null
                }
            }
        }
        let names = spec.map(\.name)
        switch table {
        case 0:
            columns["id"] = .integer(7)  // INTEGER PRIMARY KEY: always an integer
            let source = StoreReading.videoSource(columns)
            _ = source.host
            let json = StoreReading.configJSON(source.config)
            let again = StoreReading.sourceConfig(json: json, fallbackURL: source.path)
            _ = again.config.selectedCameraRecords.map(\.key)
            if case .text(let raw) = columns["config"] {
                _ = StoreReading.strippedOfPassword(json: raw)
                _ = StoreReading.sourceConfig(json: raw, fallbackURL: "")
            }
        case 1:
            var config = StoreReading.processingConfig(columns, databaseFile: "/data/vtrack.db")
            _ = config.columns.count
            _ = StoreReading.selectionJSON(config)
            // `vtrack config set KEY VALUE` on top of what was read (the value after the columns)
            if fields.count > names.count {
                let value = String(decoding: fields[names.count], as: UTF8.self)
                for key in ProcessingConfig.settableKeys + ProcessingConfig.managedKeys + ["nonsense"] {
                    do { try config.set(key, to: value) } catch { _ = "\(error)" }
                }
                _ = config.columns.count
            }
        case 2:
            columns["id"] = .integer(3)
            let job = StoreReading.downloadJob(columns)
            _ = job.parallel
            _ = job.range.duration
            _ = job.reason?.text()
        case 3:
            columns["job_id"] = .integer(3)
            let camera = StoreReading.downloadCamera(columns)
            _ = camera.coveredSeconds
        default:
            columns["id"] = .integer(5)
            columns["job_id"] = .integer(3)
            let file = StoreReading.downloadFile(columns)
            _ = file.start.map { UTC.iso($0, millis: true) }
        }
    }
}
