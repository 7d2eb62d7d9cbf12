import Common
import Foundation
import GRDB

/// The `processing_config` row that VTrack's processing reads (one row; the prototype's id 1).
public struct ProcessingConfig: Sendable, Equatable {
    /// The row's id, or nil when no row has been saved yet (the values are then the defaults).
    public var rowID: Int64?
    /// The folder under which `<source name>/<camera folder>/` folders are made.
    public var videoRoot: String
    /// Where processing writes its clips.
    public var outputPath: String
    public var defaultDays: Int
    public var minPackingTime: Int
    public var maxPackingTime: Int
    public var frameInterval: Int
    public var videoBuffer: Int
    public var runMode: String
    /// Camera keys of every active source's selection (see ``CameraKeys``); with several
    /// sources, a key used by two sources is written `<source name>/<camera key>`.
    public var selectedCameras: [String]
    /// Processing's own database (by default this database).
    public var dbPath: String
    public var frameRate: Double
    /// Camera key → absolute folder.
    public var cameraPaths: [String: String]

    /// The values used before anything is saved.
    public static func defaults(databaseFile: String,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> ProcessingConfig {
        let home = StoreLocations.home(environment: environment)
        return ProcessingConfig(rowID: nil, videoRoot: home + "/vtrack/nvr_downloads", outputPath: home + "/vtrack/output_clips",
                                defaultDays: 30, minPackingTime: 10, maxPackingTime: 120, frameInterval: 5, videoBuffer: 2,
                                runMode: "default", selectedCameras: [], dbPath: databaseFile, frameRate: 30, cameraPaths: [:])
    }

    /// Reads a row, filling what is missing or unreadable from `defaults`.
    init(row: Row, defaults d: ProcessingConfig) {
        rowID = row["id"]
        videoRoot = DBValue.string(row["video_root"]).flatMap { $0.isEmpty ? nil : $0 } ?? d.videoRoot
        outputPath = DBValue.string(row["output_path"]) ?? d.outputPath
        defaultDays = DBValue.int(row["default_days"]) ?? d.defaultDays
        minPackingTime = DBValue.int(row["min_packing_time"]) ?? d.minPackingTime
        maxPackingTime = DBValue.int(row["max_packing_time"]) ?? d.maxPackingTime
        frameInterval = DBValue.int(row["frame_interval"]) ?? d.frameInterval
        videoBuffer = DBValue.int(row["video_buffer"]) ?? d.videoBuffer
        runMode = DBValue.string(row["run_mode"]) ?? d.runMode
        dbPath = DBValue.string(row["db_path"]).flatMap { $0.isEmpty ? nil : $0 } ?? d.dbPath
        frameRate = DBValue.double(row["frame_rate"]) ?? d.frameRate
        let selected = DBValue.string(row["selected_cameras"])?.data(using: .utf8)
        selectedCameras = selected.flatMap { try? JSONDecoder().decode([String].self, from: $0) } ?? []
        let paths = DBValue.string(row["camera_paths"])?.data(using: .utf8)
        cameraPaths = paths.flatMap { try? JSONDecoder().decode([String: String].self, from: $0) } ?? [:]
    }

    init(rowID: Int64?, videoRoot: String, outputPath: String, defaultDays: Int, minPackingTime: Int, maxPackingTime: Int,
         frameInterval: Int, videoBuffer: Int, runMode: String, selectedCameras: [String], dbPath: String, frameRate: Double,
         cameraPaths: [String: String]) {
        self.rowID = rowID; self.videoRoot = videoRoot; self.outputPath = outputPath; self.defaultDays = defaultDays
        self.minPackingTime = minPackingTime; self.maxPackingTime = maxPackingTime; self.frameInterval = frameInterval
        self.videoBuffer = videoBuffer; self.runMode = runMode; self.selectedCameras = selectedCameras; self.dbPath = dbPath
        self.frameRate = frameRate; self.cameraPaths = cameraPaths
    }

    /// Column name → value, in the table's column order (for display and JSON).
    public var columns: [(key: String, value: JSONValue)] {
        [("id", rowID.map { .number(Double($0)) } ?? .null),
         ("video_root", .string(videoRoot)), ("output_path", .string(outputPath)),
         ("default_days", .number(Double(defaultDays))), ("min_packing_time", .number(Double(minPackingTime))),
         ("max_packing_time", .number(Double(maxPackingTime))), ("frame_interval", .number(Double(frameInterval))),
         ("video_buffer", .number(Double(videoBuffer))), ("run_mode", .string(runMode)),
         ("selected_cameras", .array(selectedCameras.map { .string($0) })), ("db_path", .string(dbPath)),
         ("frame_rate", .number(frameRate)),
         ("camera_paths", .object(cameraPaths.mapValues { .string($0) }))]
    }

    // MARK: - Settings (`vtrack config set KEY VALUE`)

    /// The keys `config set` accepts.
    public static let settableKeys = ["video_root", "output_path", "default_days", "min_packing_time", "max_packing_time",
                                      "frame_interval", "video_buffer", "run_mode", "db_path", "frame_rate"]
    /// Keys written by saving a selection, not by `config set`.
    public static let managedKeys = ["selected_cameras", "camera_paths", "id"]

    /// Sets one setting from text. Paths are made absolute; numbers are checked.
    public mutating func set(_ key: String, to value: String) throws {
        let v = value.trimmingCharacters(in: .whitespaces)
        func positiveInt(_ allowZero: Bool = false) throws -> Int {
            guard let n = Int(v), allowZero ? n >= 0 : n > 0 else {
                throw StoreError.invalidConfigValue(key: key, value: value,
                                                    expected: allowZero ? Localized(vi: "một số nguyên ≥ 0", en: "a whole number ≥ 0")
                                                                        : Localized(vi: "một số nguyên > 0", en: "a whole number > 0"))
            }
            return n
        }
        func path() throws -> String {
            guard !v.isEmpty, !v.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw StoreError.invalidConfigValue(key: key, value: StoreError.printable(value),
                                                    expected: Localized(vi: "một đường dẫn thư mục", en: "a folder path"))
            }
            return StoreLocations.absolute(v)
        }
        switch key {
        case "video_root": videoRoot = try path()
        case "output_path": outputPath = try path()
        case "db_path": dbPath = try path()
        case "default_days": defaultDays = try positiveInt()
        case "min_packing_time":
            let n = try positiveInt(true)
            guard n <= maxPackingTime else {
                throw StoreError.invalidConfigValue(key: key, value: value,
                                                    expected: Localized(vi: "một số nguyên từ 0 đến max_packing_time (\(maxPackingTime))",
                                                                        en: "a whole number from 0 to max_packing_time (\(maxPackingTime))"))
            }
            minPackingTime = n
        case "max_packing_time":
            let n = try positiveInt()
            guard n >= minPackingTime else {
                throw StoreError.invalidConfigValue(key: key, value: value,
                                                    expected: Localized(vi: "một số nguyên không nhỏ hơn min_packing_time (\(minPackingTime))",
                                                                        en: "a whole number no smaller than min_packing_time (\(minPackingTime))"))
            }
            maxPackingTime = n
        case "frame_interval": frameInterval = try positiveInt()
        case "video_buffer": videoBuffer = try positiveInt(true)
        case "frame_rate":
            guard let d = Double(v), d > 0, d <= 1000 else {
                throw StoreError.invalidConfigValue(key: key, value: value, expected: Localized(vi: "một số > 0", en: "a number > 0"))
            }
            frameRate = d
        case "run_mode":
            guard !v.isEmpty, v.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control }) else {
                throw StoreError.invalidConfigValue(key: key, value: StoreError.printable(value),
                                                    expected: Localized(vi: "một chữ, ví dụ default", en: "a word, e.g. default"))
            }
            runMode = v
        default:
            if Self.managedKeys.contains(key) { throw StoreError.configKeyManaged(key: key) }
            throw StoreError.unknownConfigKey(key: key, known: Self.settableKeys)
        }
    }

    /// JSON text of the selected cameras / camera paths columns (sorted keys).
    var selectedCamerasJSON: String { Self.json(selectedCameras) }
    var cameraPathsJSON: String { Self.json(cameraPaths) }

    static func json<T: Encodable>(_ v: T) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? enc.encode(v)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
