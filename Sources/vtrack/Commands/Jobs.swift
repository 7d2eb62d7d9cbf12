import ArgumentParser

struct Jobs: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jobs", abstract: "(not built yet)", shouldDisplay: false)

    func run() throws {
        throw ValidationError("vtrack jobs is not built yet.")
    }
}
