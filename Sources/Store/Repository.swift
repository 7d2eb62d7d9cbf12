import Common
import Foundation
import GRDB

/// VTrack's SQLite store: sources, their encrypted passwords and the processing settings.
///
/// Opening it creates the folder (0700) and file (0600) when missing, switches the database to
/// WAL, sets a busy timeout, and runs the migrations (adopting a prototype database). The whole
/// open runs under an exclusive `flock` on `<db>.lock` (see ``FileLock``), because the WAL switch
/// and the adoption are the places where SQLite reports "locked" without waiting. Every write
/// is one IMMEDIATE transaction, so two processes (the TUI and a CLI download) can use the same
/// file at once: the second writer waits for the first instead of failing with "database is locked".
///
/// Thread-safe: share one instance; reads run concurrently, writes are serialized.
public final class Repository: Sendable {
    /// Where the database and key file are.
    public let locations: StoreLocations
    /// Encrypts and decrypts saved passwords.
    public let secrets: SecretBox
    /// What `processingConfig()` returns before anything is saved.
    public let processingDefaults: ProcessingConfig
    let pool: DatabasePool
    /// How long a write waits for another process's write (the SQLite busy timeout).
    let busyTimeout: TimeInterval

    /// The database file.
    public var path: String { locations.databaseFile }

    /// Opens (creating and migrating when needed) the database at `locations`.
    /// - Parameters:
    ///   - busyTimeout: how long a write waits for another process's write, in seconds.
    ///   - readOnly: for commands that only look (`sources list`, `jobs`, `config show`): a
    ///     missing database is `StoreError.noDatabase` (no folder or file is created), and an
    ///     up-to-date one is opened read-only, so looking never writes the file (not even its
    ///     header's change counter). A database that needs a migration is opened as usual.
    public convenience init(locations: StoreLocations, busyTimeout: TimeInterval = 30,
                            environment: [String: String] = ProcessInfo.processInfo.environment, readOnly: Bool = false) throws {
        try self.init(locations: locations, busyTimeout: busyTimeout, environment: environment, readOnly: readOnly, onBusy: nil)
    }

    /// - Parameter onBusy: called each time the open meets another program's write lock and
    ///   waits (tests observe the wait with it instead of sleeping).
    init(locations: StoreLocations, busyTimeout: TimeInterval, environment: [String: String], readOnly: Bool = false,
         onBusy: (@Sendable () -> Void)?) throws {
        self.locations = locations
        self.busyTimeout = busyTimeout
        self.secrets = SecretBox(keyFile: locations.keyFile)
        self.processingDefaults = ProcessingConfig.defaults(databaseFile: locations.databaseFile, environment: environment)
        let file = locations.databaseFile
        // A path that holds something else (a text file, /dev/null, a folder) is refused before
        // anything is created or changed: no chmod, no lock, journal or WAL file beside it.
        let state = try SecureFiles.checkDatabaseFile(file)
        if readOnly, state == .absent { throw StoreError.noDatabase(path: file) }

        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = "vtrack"
        if readOnly, let pool = try Self.openReadOnly(path: file, configuration: config, busyTimeout: busyTimeout, secrets: secrets) {
            self.pool = pool
            return
        }
        config.prepareDatabase { db in
            // Deleted content (such as a migrated clear-text password) is overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        let dir = (file as NSString).deletingLastPathComponent
        try SecureFiles.makeDirectory(dir.isEmpty ? "." : dir, tighten: dir == StoreLocations.dataDirectory(environment: environment))
        try SecureFiles.makePrivateFile(file)

        // Two VTrack processes never open (WAL switch, migrations, adoption) at the same time.
        let lock = try FileLock(path: file + ".lock")
        defer { lock.unlock() }
        pool = try Self.openPool(path: file, configuration: config, waitingUpTo: busyTimeout, onBusy: onBusy)
        SecureFiles.tightenIfPresent(file + "-wal")
        SecureFiles.tightenIfPresent(file + "-shm")
        try migrate()
    }

    /// Opens the database at `path` (from `--db`), or the standard one.
    public convenience init(path: String? = nil, keyFile: String? = nil) throws {
        var loc = StoreLocations.standard(databaseFile: path)
        if let keyFile { loc.keyFile = keyFile }
        try self.init(locations: loc)
    }

    /// Runs `body` on a consistent snapshot.
    public func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        try run { try pool.read { db in try body(StoreReader(db: db, secrets: secrets, defaults: processingDefaults)) } }
    }

    /// Runs `body` in one IMMEDIATE write transaction: committed when it returns, rolled back
    /// when it throws. Waits (up to the busy timeout) for writers in other processes.
    @discardableResult
    public func write<T>(_ body: (StoreWriter) throws -> T) throws -> T {
        try run {
            try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(StoreWriter(db: db, secrets: secrets, defaults: processingDefaults))
                    return .commit
                }
                return result!
            }
        }
    }

    // MARK: - Conveniences

    /// Every source, oldest first.
    public func sources() throws -> [VideoSource] { try read { try $0.sources() } }
    /// The source with this name, or nil.
    public func source(named name: String) throws -> VideoSource? { try read { try $0.source(named: name) } }
    /// The source with this name, or `StoreError.sourceNotFound`.
    public func requireSource(named name: String) throws -> VideoSource { try read { try $0.requireSource(named: name) } }
    /// The decrypted password of a source (see ``StoreReader/password(for:)``).
    public func password(for source: VideoSource) throws -> String { try read { try $0.password(for: source) } }
    /// The processing settings.
    public func processingConfig() throws -> ProcessingConfig { try read { try $0.processingConfig() } }

    /// Closes the connections (also done when the repository is released).
    public func close() throws { try pool.close() }

    /// Names of the applied migrations, in order.
    public func appliedMigrations() throws -> [String] {
        try run { try pool.read { try Schema.migrator(secrets: secrets).appliedMigrations($0) } }
    }

    // MARK: - Opening

    /// Opens the pool, which switches a rollback-journal database (the prototype's) to WAL.
    ///
    /// `PRAGMA journal_mode = WAL` reads the file header, then upgrades to a write lock. When
    /// another connection already holds the write lock, SQLite answers SQLITE_BUSY at once
    /// *without* calling the busy handler (waiting could deadlock a read-to-write upgrade), so the
    /// busy timeout does not help. Other VTrack processes are kept out by the caller's `flock`;
    /// this retries the open, until `timeout`, for any other program (such as the prototype) that
    /// writes the file without taking that lock.
    static func openPool(path: String, configuration: Configuration, waitingUpTo timeout: TimeInterval,
                         onBusy: (@Sendable () -> Void)? = nil) throws -> DatabasePool {
        let pool = try Backoff(initial: 0.001, maximum: 0.1).retry(for: timeout) { () -> DatabasePool? in
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                onBusy?()
                return nil
            } catch {
                throw translate(error, path: path)
            }
        }
        guard let pool else { throw StoreError.busy(path: path) }
        return pool
    }

    /// A read-only pool on an up-to-date WAL database; nil when it needs the usual open (an empty
    /// file, a rollback-journal database such as the prototype's, pending migrations or
    /// clear-text passwords to move), which writes.
    private static func openReadOnly(path: String, configuration: Configuration, busyTimeout: TimeInterval,
                                     secrets: SecretBox) throws -> DatabasePool? {
        var config = configuration
        config.readonly = true
        let pool: DatabasePool
        do {
            pool = try openPool(path: path, configuration: config, waitingUpTo: busyTimeout)
        } catch StoreError.cannotOpen {
            return nil  // e.g. not in WAL mode yet: the usual open switches it
        }
        let migrator = Schema.migrator(secrets: secrets)
        let upToDate: Bool
        do {
            upToDate = try pool.read { db -> Bool in
                if try migrator.hasBeenSuperseded(db) { throw StoreError.newerDatabase(path: path) }
                guard try db.tableExists("grdb_migrations") else { return false }
                return try migrator.hasCompletedMigrations(db) && !LegacyPasswords.anyLeft(db)
            }
        } catch let e as DatabaseError {
            try? pool.close()
            throw translate(e, path: path)
        }
        guard upToDate else {
            try? pool.close()
            return nil
        }
        return pool
    }

    /// Runs the pending migrations and moves clear-text passwords to encrypted storage. The
    /// caller holds the `flock` on `<db>.lock`, so two processes opening a prototype database at
    /// once never run the same migration twice; the work is skipped when nothing is pending.
    private func migrate() throws {
        let migrator = Schema.migrator(secrets: secrets)
        let pending = try run {
            try pool.read { db -> Bool in
                if try migrator.hasBeenSuperseded(db) { throw StoreError.newerDatabase(path: path) }
                return try !migrator.hasCompletedMigrations(db) || LegacyPasswords.anyLeft(db)
            }
        }
        guard pending else { return }
        try run {
            try migrator.migrate(pool)
            _ = try pool.write { try LegacyPasswords.encryptAndStrip($0, secrets: secrets) }
        }
        // Push every page to the main file and empty the WAL, so no old page that held a
        // clear-text password stays on disk.
        scrubJournal(for: min(busyTimeout, 5))
        SecureFiles.tightenIfPresent(path + "-wal")
        SecureFiles.tightenIfPresent(path + "-shm")
    }

    /// Copies every page of the WAL into the database file and empties the WAL (a TRUNCATE
    /// checkpoint). Best effort, never an error: it is retried for up to `seconds`; when another
    /// process keeps reading an old snapshot all that time, SQLite's next checkpoint (automatic,
    /// or at the last close) finishes the job.
    ///
    /// The checkpoint runs with the busy handler off. A TRUNCATE checkpoint that waits (through
    /// the busy handler) for another process's readers holds the write lock meanwhile, so that
    /// process's own writes could run out of *their* busy timeout and fail with "database is
    /// locked"; failing fast and retrying never blocks anyone for long.
    private func scrubJournal(for seconds: TimeInterval) {
        let restore = "PRAGMA busy_timeout = \(Int(busyTimeout * 1000))"
        _ = Backoff(initial: 0.001, maximum: 0.05).retry(for: seconds) { () -> Bool? in
            try? pool.writeWithoutTransaction { db -> Bool in
                try db.execute(sql: "PRAGMA busy_timeout = 0")
                defer { try? db.execute(sql: restore) }
                _ = try db.checkpoint(.truncate)
                return true
            }
        }
    }

    /// Turns SQLite's errors into sentences; every other error goes through unchanged.
    private func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as DatabaseError {
            throw Self.translate(e, path: path)
        }
    }

    /// SQLite errors as user-facing sentences.
    static func translate(_ error: any Error, path: String) -> any Error {
        if let e = error as? StoreError { return e }
        if let e = error as? any UserFacingError { return e }
        guard let db = error as? DatabaseError else { return StoreError.database(reason: String(describing: error)) }
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path)
        case .SQLITE_NOTADB: return StoreError.notADatabase(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return StoreError.cannotOpen(path: path, reason: db.message ?? "\(db.resultCode)")
        case .SQLITE_FULL: return StoreError.database(reason: Localized(vi: "đĩa đầy", en: "disk full").text())
        default: return StoreError.database(reason: db.message ?? "\(db.resultCode)")
        }
    }
}
