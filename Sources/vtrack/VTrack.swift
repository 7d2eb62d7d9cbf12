import ArgumentParser
import Core
import Foundation
import Logging
import VTrackDiagnostics

@main
struct VTrack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vtrack",
        abstract: "Find ONVIF cameras and NVRs, choose cameras, and download their recordings.",
        discussion: "With no subcommand, opens the full-screen terminal app.",
        subcommands: [
            Probe.self, Discover.self, SourcesCommand.self, ConfigCommand.self, PathsCommand.self,
            Record.self, Recordings.self, Download.self, Jobs.self, Snapshot.self, PTZCommand.self, Demo.self,
            Keys.self, TUIScene.self, TUIBench.self, TerminalCommand.self,
        ],
        defaultSubcommand: TerminalCommand.self
    )

    /// The engines' log lines (retries, reconnections) go to standard error only with
    /// `--verbose` (or `VTRACK_LOG=1`): otherwise a failure is the one sentence the command
    /// prints, not that sentence among log-format lines, and the terminal app's screen stays clean.
    static func main() {
        let verbose = CommandLine.arguments.dropFirst().contains("--verbose")
            || !(ProcessInfo.processInfo.environment["VTRACK_LOG"] ?? "").isEmpty
        LoggingSystem.bootstrap { label -> any LogHandler in
            verbose ? StreamLogHandler.standardError(label: label) : SwiftLogNoOpLogHandler()
        }
        // e.g. a key file found readable by others and set back to 0600: said once, on stderr
        StoreNotices.onNotice { message in FileHandle.standardError.write(Data("vtrack: \(message.text())\n".utf8)) }
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
