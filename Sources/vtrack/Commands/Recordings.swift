import ArgumentParser

struct Recordings: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "recordings", abstract: "(not built yet)", shouldDisplay: false)

    func run() throws {
        throw ValidationError("vtrack recordings is not built yet.")
    }
}
