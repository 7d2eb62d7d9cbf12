import ArgumentParser

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sources", abstract: "(not built yet)", shouldDisplay: false)

    func run() throws {
        throw ValidationError("vtrack sources is not built yet.")
    }
}
