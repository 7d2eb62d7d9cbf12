import ArgumentParser
import CLISupport
import Common
import Core

/// `vtrack sources test NAME`: connects with the saved address and password, lists the cameras
/// again, and saves what changed (new or missing cameras); the selection is kept.
struct SourcesTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Connect to a saved source again, list its cameras, and save what changed (the selection is kept).")

    @Argument(help: "The source's name.") var name: String
    @Option(help: "Seconds one request may take.") var timeout: Double = 10
    @Flag(help: "Accept any TLS certificate (self-signed devices).") var insecure = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    struct Report: Encodable {
        var save: SaveReport
        var added: [String]
        var missing: [String]
    }

    func run() throws {
        global.apply()
        try NumberOption.seconds(timeout, option: "--timeout")
        var options = ClientOptions()
        options.requestTimeout = timeout
        options.allowInsecureTLS = insecure
        let sources = SourceService(repository: try store.open(), clientOptions: options)
        let refresh = try CLI.attempt(json: json) { try sources.update(name: name) }
        let outcome = refresh.outcome
        if json {
            CLI.printJSON(Report(save: SaveReport(outcome), added: refresh.added, missing: refresh.missing))
            return
        }
        let d = refresh.tested.device
        let model = [d.manufacturer, d.model].filter { !$0.isEmpty }.joined(separator: " ")
        print(Localized(vi: "Kết nối tốt tới \"\(outcome.source.name)\" (\(model)): \(refresh.tested.cameras.count) camera.",
                        en: "Connected to \"\(outcome.source.name)\" (\(model)): \(refresh.tested.cameras.count) cameras.").text())
        if !refresh.added.isEmpty {
            print(Localized(vi: "Camera mới (chưa chọn): ", en: "New cameras (not selected): ").text() + refresh.added.joined(separator: ", "))
        }
        if !refresh.missing.isEmpty {
            print(Localized(vi: "Camera không còn thấy: ", en: "Cameras no longer seen: ").text() + refresh.missing.joined(separator: ", "))
        }
        print(PathReport.text([outcome.validation]), terminator: "")
    }
}
