import ArgumentParser

@main
struct VTrack: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vtrack", abstract: "Find ONVIF cameras and NVRs and download their recordings.")
}
