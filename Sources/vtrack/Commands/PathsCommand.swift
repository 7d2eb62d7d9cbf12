import ArgumentParser
import CLISupport
import Common
import Core
import Foundation

/// `vtrack paths check [NAME]`: creates and checks every selected camera's folder.
struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths",
        abstract: "Check the camera folders under the video root.",
        subcommands: [PathsCheck.self],
        defaultSubcommand: PathsCheck.self)
}

struct PathsCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Create (when missing) and check the folder of each selected camera: a folder, inside the video root, writable, free space.",
        discussion: "Exits 1 when a folder is not usable. Nothing is saved.")

    @Argument(help: "Only this source (default: every active source).") var name: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (a list of results in the shape {video_root, camera_paths, validation_status, disk_space_gb, …}).")
    var json = false

    func run() throws {
        global.apply()
        let repo = try store.open()
        let results = try CLI.attempt { try SaveConfig(repository: repo).check(sourceName: name) }
        if json {
            CLI.printJSON(results)
        } else if results.isEmpty {
            print(Localized(vi: "Chưa có nguồn nào đang dùng.", en: "No active sources.").text())
        } else {
            print(PathReport.text(results), terminator: "")
        }
        if results.contains(where: { $0.validationStatus == .failed }) { throw ExitCode(1) }
    }
}
