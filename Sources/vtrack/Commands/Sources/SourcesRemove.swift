import ArgumentParser
import CLISupport
import Common
import Core

/// `vtrack sources remove NAME`: deletes the source and its password; folders and videos stay.
struct SourcesRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove",
                                                    abstract: "Remove a source and its saved password (its folders and videos are kept).")

    @Argument(help: "The source's name.") var name: String
    @OptionGroup var options: DatabaseOptions
    var json: Bool { options.json }

    func run() throws {
        let service = try options.sources()
        let removed = try CLI.attempt { try service.remove(name: name) }
        if json {
            CLI.printJSON(["removed": removed.name])
        } else {
            print(Localized(vi: "Đã xóa nguồn \"\(removed.name)\"; các thư mục và video của nó vẫn được giữ.",
                            en: "Removed source \"\(removed.name)\"; its folders and videos were kept.").text())
        }
    }
}
