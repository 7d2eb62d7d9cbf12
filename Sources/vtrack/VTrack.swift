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

    static func main() {
        main(hoistingGlobalOptions(Array(CommandLine.arguments.dropFirst())))
    }

    /// `vtrack --db X --lang vi sources list` as `vtrack sources list --db X --lang vi`: the
    /// options every command shares may come before the subcommand too (argument-parser takes
    /// options only after the command they belong to). Anything else is left as typed.
    static func hoistingGlobalOptions(_ args: [String]) -> [String] {
        let shared = ["--db", "--lang"]
        var lead: [String] = []
        var i = 0
        while i < args.count {
            if shared.contains(where: { args[i].hasPrefix($0 + "=") }) {
                lead.append(args[i]); i += 1
            } else if shared.contains(args[i]), i + 1 < args.count {
                lead += [args[i], args[i + 1]]; i += 2
            } else {
                break
            }
        }
        let names = Set(configuration.subcommands.map { $0._commandName })
        guard !lead.isEmpty, i < args.count, names.contains(args[i]) else { return args }
        var rest = Array(args[i...])
        rest.insert(contentsOf: lead, at: rest.firstIndex(of: "--") ?? rest.endIndex)
        return rest
    }
}
