import ArgumentParser

/// `vtrack sources …`: the NVRs and cameras saved in the database.
struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Add, test, list, show, select cameras of, and remove saved sources (NVRs and cameras).",
        subcommands: [SourcesList.self, SourcesShow.self, SourcesAdd.self, SourcesTest.self, SourcesSelect.self, SourcesRemove.self],
        defaultSubcommand: SourcesList.self)
}
