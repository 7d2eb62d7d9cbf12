import Foundation
import Common
import GRDB

/// A row of `video_source`: one NVR or camera the technician added.
public struct VideoSource: Sendable, Equatable {
    public var id: Int64
    /// `nvr` or `camera` (an NVR has several channels; a camera one or a few).
    public var sourceType: String
    /// Unique name; also the name of the source's folder under the video root.
    public var name: String
    /// The device's host, as typed (the prototype's `path`).
    public var path: String
    public var config: SourceConfig
    public var active: Bool
    /// `YYYY-MM-DD HH:MM:SS+00:00` (UTC), or whatever an older writer stored.
    public var createdAt: String
    /// Whether an encrypted password is saved for this source.
    public var hasPassword: Bool

    public init(id: Int64, sourceType: String = "nvr", name: String, path: String, config: SourceConfig,
                active: Bool = true, createdAt: String = "", hasPassword: Bool = false) {
        self.id = id; self.sourceType = sourceType; self.name = name; self.path = path; self.config = config
        self.active = active; self.createdAt = createdAt; self.hasPassword = hasPassword
    }

    /// The host to connect to: the config's `url`, else `path`.
    public var host: String { config.url.isEmpty ? path : config.url }

    /// Reads a row leniently (values written by the prototype may have other types).
    init(row: Row) {
        id = row["id"] ?? 0
        sourceType = DBValue.string(row["source_type"]) ?? "nvr"
        name = DBValue.string(row["name"]) ?? ""
        path = DBValue.string(row["path"]) ?? ""
        config = SourceConfig.decode(json: DBValue.string(row["config"]), fallbackURL: path).config
        active = (DBValue.int(row["active"]) ?? 1) != 0
        createdAt = DBValue.string(row["created_at"]) ?? ""
        hasPassword = (DBValue.int(row["has_password"]) ?? 0) != 0
    }

    static let selectSQL = """
        SELECT video_source.*, EXISTS(SELECT 1 FROM source_secret s WHERE s.source_id = video_source.id) AS has_password
        FROM video_source
        """
}

/// Lenient readers for column values of any storage class.
enum DBValue {
    static func string(_ v: DatabaseValue) -> String? {
        switch v.storage {
        case .null: return nil
        case let .string(s): return s
        case let .int64(i): return String(i)
        case let .double(d): return String(d)
        case let .blob(b): return String(data: b, encoding: .utf8)
        }
    }

    /// A whole number: an integer, or a real or text cut toward zero; nil for a number no `Int`
    /// can hold (a hand edit's `1e300`), which then reads as missing.
    static func int(_ v: DatabaseValue) -> Int? {
        switch v.storage {
        case let .int64(i): return Int(i)
        case let .double(d): return Int(exactly: d.rounded(.towardZero))
        case let .string(s):
            let t = s.trimmingCharacters(in: .whitespaces)
            return Int(t) ?? Double(t).flatMap { Int(exactly: $0.rounded(.towardZero)) }
        default: return nil
        }
    }

    static func double(_ v: DatabaseValue) -> Double? {
        switch v.storage {
        case let .int64(i): return Double(i)
        case let .double(d): return d
        case let .string(s): return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }
}
