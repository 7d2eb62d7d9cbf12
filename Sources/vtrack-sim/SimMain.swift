import ArgumentParser

@main
struct SimMain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vtrack-sim", abstract: "An ONVIF NVR simulator.")
}
