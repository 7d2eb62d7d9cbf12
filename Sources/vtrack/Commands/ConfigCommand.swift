import ArgumentParser
import CLISupport
import Common
import Core
import Foundation

/// `vtrack config show|set`: the processing settings (`processing_config`).
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change the processing settings (video root, output path, timings).",
        subcommands: [ConfigShow.self, ConfigSet.self],
        defaultSubcommand: ConfigShow.self)
}

struct ConfigShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the processing settings.")

    @OptionGroup var options: DatabaseOptions
    var json: Bool { options.json }

    func run() throws {
        let repo = try options.open(readOnly: true)
        let config = try CLI.attempt { try repo.processingConfig() }
        if json {
            var object: [String: JSONValue] = [:]
            for (k, v) in config.columns { object[k] = v }
            object["database"] = .string(repo.path)
            object["key_file"] = .string(repo.locations.keyFile)
            CLI.printJSON(object)
            return
        }
        print(Localized(vi: "Cơ sở dữ liệu: ", en: "Database: ").text() + repo.path)
        print(Localized(vi: "Tệp khóa:      ", en: "Key file: ").text() + repo.locations.keyFile)
        if config.rowID == nil { print(Localized(vi: "(chưa lưu; đây là giá trị mặc định)", en: "(not saved yet; these are the defaults)").text()) }
        for (k, v) in config.columns where k != "id" {
            print("\(CLI.pad(k, 18))\(ConfigText.value(v))")
        }
    }
}

struct ConfigSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change one processing setting.",
        discussion: """
            Keys: \(ProcessingConfig.settableKeys.joined(separator: ", ")). Setting video_root moves every \
            source's camera folders there: they are created and checked, and nothing changes unless all are usable.
            """)

    @Argument(help: "The setting.") var key: String
    @Argument(help: "Its new value.") var value: String
    @OptionGroup var options: DatabaseOptions
    var json: Bool { options.json }

    func run() throws {
        let repo = try options.open()
        let (config, validations) = try CLI.attempt(json: json) { try SaveConfig(repository: repo).set(key, to: value) }
        let shown = config.columns.first { $0.key == key }?.value ?? .null
        if json {
            CLI.printJSON(ConfigSetReport(key: key, value: shown, validations: validations))
        } else {
            print("\(key) = \(ConfigText.value(shown))")
            if !validations.isEmpty { print(PathReport.text(validations), terminator: "") }
        }
    }
}

struct ConfigSetReport: Encodable {
    var key: String
    var value: JSONValue
    var validations: [PathValidation]
}

enum ConfigText {
    static func value(_ v: JSONValue) -> String {
        switch v {
        case let .string(s): return s
        case .null: return "—"
        case let .number(n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        default:
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? enc.encode(v)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}
