import ArgumentParser

struct Probe: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "probe", abstract: "(not built yet)", shouldDisplay: false)

    func run() throws {
        throw ValidationError("vtrack probe is not built yet.")
    }
}
