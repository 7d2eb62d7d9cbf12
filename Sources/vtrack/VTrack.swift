import ArgumentParser
import VTrackDiagnostics

@main
struct VTrack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vtrack",
        abstract: "Find ONVIF cameras and NVRs, choose cameras, and download their recordings.",
        discussion: "With no subcommand, opens the full-screen terminal app.",
        subcommands: [
            Probe.self, Discover.self, SourcesCommand.self, ConfigCommand.self, PathsCommand.self,
            Record.self, Recordings.self, Download.self, Jobs.self, Demo.self,
            Keys.self, TUIScene.self, TUIBench.self, TerminalCommand.self,
        ],
        defaultSubcommand: TerminalCommand.self
    )
}
