import ArgumentParser
import Common
import Core
import Foundation
import ONVIF
import Store

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
        let repo = try store.open()
        let source = try CLI.attempt { try repo.requireSource(named: name) }
        let user = source.config.username
        let secret: String? = user.isEmpty ? nil : try CLI.attempt { try repo.password(for: source) }
        let probe = try CLI.attempt { () -> ProbeResult in
            var options = ClientOptions()
            options.requestTimeout = timeout
            options.allowInsecureTLS = insecure
            let address = DeviceAddress(host: source.host, port: source.config.port)
            let credentials = user.isEmpty ? nil : Credentials(user: user, password: secret ?? "")
            return try ONVIFClient(address: address, credentials: credentials, options: options).probe()
        }
        let before = Set(CameraKeys.keys(for: source.config.detectedCameras))
        let after = CameraKeys.keys(for: probe.cameras)
        let tested = TestedSource(name: source.name, host: source.host, port: source.config.port, username: user, password: nil,
                                  device: probe.device, cameras: probe.cameras, sourceType: source.sourceType)
        let outcome = try CLI.attempt(json: json) { try SaveConfig(repository: repo).save(tested, choice: .keep) }
        let added = after.filter { !before.contains($0) }
        let missing = CameraKeys.keys(for: source.config.detectedCameras).filter { !Set(after).contains($0) }
        if json {
            CLI.printJSON(Report(save: SaveReport(outcome), added: added, missing: missing))
            return
        }
        let d = probe.device
        let model = [d.manufacturer, d.model].filter { !$0.isEmpty }.joined(separator: " ")
        print(Localized(vi: "Kết nối tốt tới \"\(source.name)\" (\(model)): \(probe.cameras.count) camera.",
                        en: "Connected to \"\(source.name)\" (\(model)): \(probe.cameras.count) cameras.").text())
        if !added.isEmpty { print(CLI.L("Camera mới (chưa chọn): ", "New cameras (not selected): ") + added.joined(separator: ", ")) }
        if !missing.isEmpty { print(CLI.L("Camera không còn thấy: ", "Cameras no longer seen: ") + missing.joined(separator: ", ")) }
        print(PathReport.text([outcome.validation]), terminator: "")
    }
}
