import ArgumentParser
import CLISupport
import Core

/// `vtrack sources show NAME`: one source with its cameras and folders.
struct SourcesShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a source, its cameras and their folders.")

    @Argument(help: "The source's name.") var name: String
    @OptionGroup var options: DatabaseOptions
    var json: Bool { options.json }

    func run() throws {
        let service = try options.sources(readOnly: true)
        let (source, config) = try CLI.attempt { try service.source(named: name) }
        let paths = SourceView.cameraPaths(of: source, in: config)
        if json {
            CLI.printJSON(SourceView(source, detailed: true, cameraPaths: paths))
        } else {
            print(SourceReport.show(source, paths: paths), terminator: "")
        }
    }
}
