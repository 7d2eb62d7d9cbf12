import ArgumentParser
import CLISupport
import Common
import Core

/// `vtrack sources select NAME --cameras all|none|A,B`: changes which cameras are used.
struct SourcesSelect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Choose the cameras of a source; their folders are created and checked, then saved.")

    @Argument(help: "The source's name.") var name: String
    @Option(help: ArgumentHelp("all, none, or camera names separated by commas.", valueName: "all|none|NAME,NAME"))
    var cameras: String
    @OptionGroup var options: DatabaseOptions
    var json: Bool { options.json }

    func run() throws {
        let service = try options.sources()
        let outcome = try CLI.attempt(json: json) { try service.select(name: name, choice: .parse(cameras)) }
        if json {
            CLI.printJSON(SaveReport(outcome))
        } else {
            print(PathReport.text([outcome.validation]), terminator: "")
        }
    }
}
