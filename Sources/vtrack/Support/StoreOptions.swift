import ArgumentParser
import CLISupport
import Common
import Core
import Foundation
import TUI

/// `--db PATH`, shared by every command that uses the database. Without it, `$VTRACK_DB`, else
/// the standard file (`$XDG_DATA_HOME/vtrack/vtrack.db`).
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The SQLite database (default: $XDG_DATA_HOME/vtrack/vtrack.db).", valueName: "path"))
    var database: String?

    /// The database file this run uses.
    var databaseFile: String {
        let env = ProcessInfo.processInfo.environment
        if let database, !database.isEmpty { return StoreLocations.absolute(database) }
        if let fromEnv = env["VTRACK_DB"], !fromEnv.isEmpty { return StoreLocations.absolute(fromEnv) }
        return StoreLocations.standardDatabaseFile(environment: env)
    }

    /// Opens (creating and migrating when needed) the database, or prints why not and exits 1.
    /// `readOnly` for commands that only look: a missing database is said to be missing (exit 1,
    /// nothing created) and an up-to-date one is never written. An empty `--db` is bad usage.
    func open(readOnly: Bool = false) throws -> Repository {
        if let database, database.trimmingCharacters(in: .whitespaces).isEmpty {
            Usage.refuse(Localized(vi: "--db đang trống: hãy cho đường dẫn một tệp cơ sở dữ liệu, hoặc bỏ --db để dùng tệp mặc định.",
                                   en: "--db is empty: give the path of a database file, or leave --db out to use the default one."))
        }
        return try CLI.attempt {
            try Repository(locations: StoreLocations.standard(databaseFile: databaseFile), readOnly: readOnly)
        }
    }
}

/// What every command on the database takes: `--db`, `--lang` and `--json`.
struct DatabaseOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    /// Applies `--lang`, then opens the database (see `StoreOptions.open`).
    func open(readOnly: Bool = false) throws -> Repository {
        global.apply()
        return try store.open(readOnly: readOnly)
    }

    /// Core's sources service on the database.
    func sources(readOnly: Bool = false) throws -> SourceService {
        SourceService(repository: try open(readOnly: readOnly))
    }
}

/// How the store commands talk to the terminal: one sentence per failure on standard error,
/// exit 1 for failures and 64 for bad input; JSON with sorted keys on standard output.
enum CLI {
    /// Runs `body`; a user-facing error is printed as its sentence and ends the command with exit 1
    /// (64 for bad input such as an empty name or a duplicate).
    /// A failed folder check is shown in full first (as JSON on standard output with `json`).
    static func attempt<T>(json: Bool = false, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as ExitCode {
            throw e
        } catch let SaveConfigError.validationFailed(v) {
            if json {
                printJSON(v)
            } else {
                FileHandle.standardError.write(Data(PathReport.text([v]).utf8))
            }
            fail(SaveConfigError.validationFailed(v).message, code: 1)
        } catch let e as any UserFacingError {
            fail(e.message, code: isBadInput(e) ? 64 : 1)
        } catch {
            fail(.unexpected(error), code: 1)
        }
    }

    /// Prints `vtrack: <sentence>` to standard error and exits.
    static func fail(_ message: Localized, code: Int32 = 64) -> Never {
        FileHandle.standardError.write(Data("vtrack: \(message.text())\n".utf8))
        exit(code)
    }

    static func isBadInput(_ e: any UserFacingError) -> Bool {
        if e.isBadInput { return true }
        if let s = e as? StoreError {
            switch s {
            case .sourceNotFound, .duplicateSource, .emptySourceName, .invalidSourceName, .unknownConfigKey,
                 .configKeyManaged, .invalidConfigValue: return true
            default: return false
            }
        }
        if let s = e as? SaveConfigError {
            if case .validationFailed = s { return false }
            return true
        }
        return false
    }

    /// Pretty JSON with sorted keys and unescaped slashes.
    static func printJSON<T: Encodable>(_ value: T) {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? enc.encode(value) else { return }
        // `[]` and `{}` instead of the encoder's empty lines (JSON strings never hold a raw newline).
        let text = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: #"\[\n\s*\]"#, with: "[]", options: .regularExpression)
            .replacingOccurrences(of: #"\{\n\s*\}"#, with: "{}", options: .regularExpression)
        print(text)
    }

    /// Pads to a display width in terminal columns (wide characters and emoji take two,
    /// combining marks none), after ``shown(_:)``.
    static func pad(_ s: String, _ width: Int) -> String {
        let t = shown(s)
        let w = TextWidth.of(t)
        return w >= width ? t + " " : t + String(repeating: " ", count: width - w)
    }

    /// Terminal columns `s` takes once shown.
    static func width(_ s: String) -> Int { TextWidth.of(shown(s)) }

    /// Text as it may go to a terminal (`TerminalText.shown`): bidirectional and control
    /// characters escaped as `\u{202e}`.
    static func shown(_ s: String) -> String { TerminalText.shown(s) }
}
