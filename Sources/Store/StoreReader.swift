import Foundation
import GRDB

/// Read access to the store inside one database read (a consistent snapshot).
/// Obtained from ``Repository/read(_:)`` or ``StoreWriter/read``.
public struct StoreReader {
    let db: Database
    let secrets: SecretBox
    let defaults: ProcessingConfig

    /// Every source, oldest first.
    public func sources() throws -> [VideoSource] {
        try Row.fetchAll(db, sql: VideoSource.selectSQL + " ORDER BY id").map(VideoSource.init(row:))
    }

    /// The source with this name (the oldest, if an adopted database holds duplicates). Names that
    /// differ only by Unicode normalization (`à` precomposed or `a` + combining grave, as macOS
    /// hands it out) are the same name: they look the same, and Swift compares them equal.
    public func source(named name: String) throws -> VideoSource? {
        if let exact = try Row.fetchOne(db, sql: VideoSource.selectSQL + " WHERE name = ? ORDER BY id LIMIT 1", arguments: [name]) {
            return VideoSource(row: exact)
        }
        // SQLite compares bytes; String's == compares canonical equivalence.
        return try sources().first { $0.name == name }
    }

    /// The source with this id.
    public func source(id: Int64) throws -> VideoSource? {
        try Row.fetchOne(db, sql: VideoSource.selectSQL + " WHERE id = ?", arguments: [id]).map(VideoSource.init(row:))
    }

    /// The source with this name, or `StoreError.sourceNotFound`.
    public func requireSource(named name: String) throws -> VideoSource {
        guard let s = try source(named: name) else { throw StoreError.sourceNotFound(name: name) }
        return s
    }

    /// The decrypted password of a source. Throws `StoreError.noPassword` when none is saved and
    /// `StoreError.passwordUnavailable` ("re-enter the password") when the key was lost or changed.
    public func password(for source: VideoSource) throws -> String {
        guard let row = try Row.fetchOne(db, sql: "SELECT key_id, sealed FROM source_secret WHERE source_id = ?",
                                         arguments: [source.id]) else {
            throw StoreError.noPassword(source: source.name)
        }
        let sealed = SealedSecret(keyID: row["key_id"] ?? "", combined: row["sealed"] ?? Data())
        return try secrets.unseal(sealed, context: StoreWriter.secretContext(source.id), sourceName: source.name)
    }

    /// The processing settings (the defaults when no row exists yet).
    public func processingConfig() throws -> ProcessingConfig {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM processing_config ORDER BY id LIMIT 1") else { return defaults }
        return ProcessingConfig(row: row, defaults: defaults)
    }
}
