import Foundation

/// Where VTrack keeps its files, following the XDG base directory rules:
/// the database in `$XDG_DATA_HOME/vtrack/` (default `~/.local/share/vtrack/`) and the key that
/// encrypts saved passwords in `$XDG_CONFIG_HOME/vtrack/` (default `~/.config/vtrack/`).
public struct StoreLocations: Sendable, Equatable {
    /// The SQLite database file.
    public var databaseFile: String
    /// The 0600 file holding the AES-GCM key for saved passwords.
    public var keyFile: String

    /// - Parameters:
    ///   - databaseFile: the SQLite file (e.g. from `--db PATH`).
    ///   - keyFile: the key file; when nil, the standard one in the XDG config folder.
    public init(databaseFile: String, keyFile: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.databaseFile = databaseFile
        self.keyFile = keyFile ?? Self.standardKeyFile(environment: environment)
    }

    /// The standard locations; `databaseFile` overrides the database path (`--db PATH`).
    public static func standard(databaseFile: String? = nil,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> StoreLocations {
        StoreLocations(databaseFile: databaseFile.map { absolute($0) } ?? standardDatabaseFile(environment: environment),
                       environment: environment)
    }

    /// `$XDG_DATA_HOME/vtrack` or `~/.local/share/vtrack`.
    public static func dataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        xdg("XDG_DATA_HOME", fallback: ".local/share", environment) + "/vtrack"
    }

    /// `$XDG_CONFIG_HOME/vtrack` or `~/.config/vtrack`.
    public static func configDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        xdg("XDG_CONFIG_HOME", fallback: ".config", environment) + "/vtrack"
    }

    /// `<data directory>/vtrack.db`.
    public static func standardDatabaseFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        dataDirectory(environment: environment) + "/vtrack.db"
    }

    /// `<config directory>/secret.key`.
    public static func standardKeyFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        configDirectory(environment: environment) + "/secret.key"
    }

    /// The user's home folder: `$HOME`, else the password database, else `/tmp`.
    public static func home(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let h = environment["HOME"], h.hasPrefix("/") { return h }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return "/tmp"
    }

    /// Makes a path absolute against the current directory (`~/` expands to the home folder).
    public static func absolute(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if path == "~" { return home(environment: environment) }
        if path.hasPrefix("~/") { return home(environment: environment) + path.dropFirst(1) }
        if path.hasPrefix("/") { return path }
        return FileManager.default.currentDirectoryPath + "/" + path
    }

    // XDG: the variable counts only when it holds an absolute path.
    private static func xdg(_ name: String, fallback: String, _ env: [String: String]) -> String {
        if let v = env[name], v.hasPrefix("/") {
            return v.hasSuffix("/") && v.count > 1 ? String(v.dropLast()) : v
        }
        return home(environment: env) + "/" + fallback
    }
}
