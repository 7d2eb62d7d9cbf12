import ArgumentParser
import CLISupport
import Core

/// `vtrack sources list`: every saved source.
struct SourcesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the saved sources.")

    @OptionGroup var options: DatabaseOptions
    var json: Bool { options.json }

    func run() throws {
        let service = try options.sources(readOnly: true)
        let sources = try CLI.attempt { try service.list().sources }
        if json {
            CLI.printJSON(sources.map { SourceView($0, detailed: false) })
        } else {
            print(SourceReport.list(sources), terminator: "")
        }
    }
}
