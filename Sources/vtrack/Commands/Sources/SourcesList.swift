import ArgumentParser
import CLISupport
import Core

/// `vtrack sources list`: every saved source.
struct SourcesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the saved sources.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        global.apply()
        let service = SourceService(repository: try store.open(readOnly: true))
        let sources = try CLI.attempt { try service.list().sources }
        if json {
            CLI.printJSON(sources.map { SourceView($0, detailed: false) })
        } else {
            print(SourceReport.list(sources), terminator: "")
        }
    }
}
