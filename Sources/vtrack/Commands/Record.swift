import ArgumentParser

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "(not built yet)", shouldDisplay: false)

    func run() throws {
        throw ValidationError("vtrack record is not built yet.")
    }
}
