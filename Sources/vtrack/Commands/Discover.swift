import ArgumentParser

struct Discover: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "discover", abstract: "(not built yet)", shouldDisplay: false)

    func run() throws {
        throw ValidationError("vtrack discover is not built yet.")
    }
}
