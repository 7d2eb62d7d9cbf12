import ArgumentParser

struct Download: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "download", abstract: "(not built yet)", shouldDisplay: false)

    func run() throws {
        throw ValidationError("vtrack download is not built yet.")
    }
}
