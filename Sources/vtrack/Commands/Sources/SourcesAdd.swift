import ArgumentParser
import CLISupport
import Common
import Core
import Foundation

/// `vtrack sources add NAME --host H …`: tests the device, lists its cameras, saves the source
/// with the chosen cameras, and creates and checks their folders.
struct SourcesAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Connect to a camera or NVR, list its cameras, and save it with the chosen cameras and their folders.",
        discussion: """
            The password comes from --password-stdin, VTRACK_PASSWORD, or a prompt (no echo); it is stored \
            encrypted. Nothing is saved when the device cannot be reached or a folder is not usable. \
            With --update an existing source of that name is tested again and updated (its selection is kept \
            unless --select is given).
            """)

    @Argument(help: "A name for the source; also its folder under the video root.") var name: String
    @Option(help: ArgumentHelp("Device address: IP, host name, HOST:PORT or http(s):// URL.", valueName: "host")) var host: String
    @Option(help: ArgumentHelp("ONVIF port (default 80).", valueName: "port")) var port: String?
    @Option(help: ArgumentHelp("ONVIF user name (leave out for devices without login).", valueName: "user")) var user: String?
    @OptionGroup var password: PasswordOptions
    @Option(help: ArgumentHelp("Cameras to use: all, none, or names separated by commas (default: all; with --update, the saved choice).",
                               valueName: "all|NAME,NAME"))
    var select: String?
    @Option(name: .customLong("video-root"), help: ArgumentHelp("Folder under which the camera folders are made.", valueName: "dir"))
    var videoRoot: String?
    @Flag(help: "Update the source if one with this name exists (e.g. to re-enter its password).") var update = false
    @Option(help: "Seconds one request may take.") var timeout: Double = 10
    @Flag(help: "Accept any TLS certificate (self-signed devices).") var insecure = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.apply()
        try NumberOption.seconds(timeout, option: "--timeout")
        // Bad input first, before any prompt or network traffic.
        let checkedName = try CLI.attempt { try SourceService.checkedName(name) }
        let address = try CLI.attempt { try SourceService.checkedAddress(host: host, port: port) }
        var options = ClientOptions()
        options.requestTimeout = timeout
        options.allowInsecureTLS = insecure
        let sources = SourceService(repository: try store.open(), clientOptions: options)
        let existing = try CLI.attempt { try sources.existing(named: checkedName) }
        if existing != nil, !update { CLI.fail(StoreError.duplicateSource(name: checkedName).message, code: 64) }

        // The password: given, or (with --update and none given) nil, the saved one.
        let secret: String? = try CLI.attempt {
            if let existing, update, !password.passwordStdin, password.password == nil,
               ProcessInfo.processInfo.environment["VTRACK_PASSWORD"] == nil, isatty(STDIN_FILENO) != 1, existing.hasPassword {
                return nil
            }
            return try password.resolve(user: user) ?? ""
        }
        let tested = try CLI.attempt {
            try sources.test(name: checkedName, host: host, port: address.port, user: user ?? "", password: secret)
        }
        let choice: CameraChoice = select.map(CameraChoice.parse) ?? (existing == nil ? .all : .keep)
        let outcome = try CLI.attempt(json: json) {
            try sources.save(tested, choice: choice, videoRoot: videoRoot, mode: update ? .upsert : .addOnly)
        }
        if json {
            CLI.printJSON(SaveReport(outcome))
        } else {
            let n = outcome.source.config.detectedCameras.count, m = outcome.source.config.selectedCameraRecords.count
            print(outcome.created
                ? Localized(vi: "Đã lưu nguồn \"\(outcome.source.name)\": tìm thấy \(n) camera, chọn \(m).",
                            en: "Saved source \"\(outcome.source.name)\": \(n) cameras found, \(m) selected.").text()
                : Localized(vi: "Đã cập nhật nguồn \"\(outcome.source.name)\": tìm thấy \(n) camera, chọn \(m).",
                            en: "Updated source \"\(outcome.source.name)\": \(n) cameras found, \(m) selected.").text())
            print(PathReport.text([outcome.validation]), terminator: "")
        }
    }
}
