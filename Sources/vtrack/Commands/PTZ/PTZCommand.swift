import ArgumentParser
import CLISupport
import Common
import Core
import Foundation

/// `vtrack ptz SOURCE --camera NAME status|presets|stop|home|goto PRESET|set-preset NAME|move
/// --pan X --tilt Y --zoom Z --for SECONDS [--json]`: steers one PTZ camera through Core's
/// PTZService; `--host HOST[:PORT] --user U` (then no SOURCE) for a device that is not saved.
/// `move` is a ContinuousMove with a Timeout of SECONDS, then a Stop; a SIGINT, SIGTERM or SIGHUP
/// during it stops the camera before the command ends.
struct PTZCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ptz",
        abstract: "Steer a PTZ (pan, tilt, zoom) camera: where it points, presets, home, a timed move, stop.",
        discussion: """
            Actions: status (position, moving), presets (token and name), stop, home, goto PRESET (token or name), \
            set-preset NAME (the current position), move (--pan/--tilt/--zoom speeds from -1 to 1, for --for seconds, \
            at most \(Int(PTZCommand.maxMoveSeconds)); the camera stops by itself then, and VTrack also sends a Stop; \
            write a negative speed as --pan=-0.5). \
            Ctrl-C, SIGTERM or SIGHUP during a move stop the camera before the command ends.
            Exit status 0 on success, 1 when the camera or device cannot (each says why, e.g. a camera without PTZ), \
            64 for bad usage.
            """)

    static let maxMoveSeconds = 10.0

    @Argument(help: ArgumentHelp("SOURCE ACTION [ARGUMENT]: the saved source's name (left out with --host), the action, its argument.",
                                 valueName: "words"))
    var words: [String] = []

    @Option(name: .customLong("camera"), help: ArgumentHelp("The camera, by name.", valueName: "name"))
    var camera: String?

    @Option(help: "move: pan speed, -1 (left) to 1 (right).") var pan: Double = 0
    @Option(help: "move: tilt speed, -1 (down) to 1 (up).") var tilt: Double = 0
    @Option(help: "move: zoom speed, -1 (out) to 1 (in).") var zoom: Double = 0
    @Option(name: .customLong("for"), help: ArgumentHelp("move: seconds to move (at most 10).", valueName: "seconds"))
    var seconds: Double = 1

    @Option(help: ArgumentHelp("A device that is not saved: HOST, HOST:PORT or an http(s):// URL.", valueName: "host"))
    var host: String?

    @Option(name: .customLong("user"), help: "ONVIF user name for --host (leave out for devices without login).")
    var user: String?

    @OptionGroup var password: PasswordOptions

    @Flag(help: "Accept any TLS certificate (self-signed devices).") var insecure = false

    @Flag(help: "Log the engine's requests on standard error (never a password).") var verbose = false

    @OptionGroup var options: DatabaseOptions

    /// The actions, as typed.
    enum Action: String, CaseIterable {
        case status, presets, stop, home, goto, setPreset = "set-preset", move
    }

    func run() throws {
        options.global.apply()
        let (source, action, argument) = parsedWords()
        if action == .move {
            for (value, name) in [(pan, "--pan"), (tilt, "--tilt"), (zoom, "--zoom")] where !(value.isFinite && (-1...1).contains(value)) {
                Usage.refuse(Localized(vi: "\(name) phải là tốc độ từ -1 đến 1.", en: "\(name) must be a speed from -1 to 1."))
            }
            if pan == 0 && tilt == 0 && zoom == 0 {
                Usage.refuse(Localized(vi: "move cần ít nhất một tốc độ khác 0: --pan, --tilt hoặc --zoom.",
                                       en: "move needs at least one speed that is not 0: --pan, --tilt or --zoom."))
            }
            try NumberOption.seconds(seconds, option: "--for", in: 0.1...Self.maxMoveSeconds)
        }
        var client = ClientOptions()
        client.allowInsecureTLS = insecure
        let target = try CLI.attempt { try chosenTarget(source: source, client: client) }
        let ptz = PTZService(clientOptions: client)
        let output = PTZOutput(camera: target.camera.name, json: options.json)

        switch action {
        case .status:
            output.status(try CLI.attempt { try ptz.status(target) })
        case .presets:
            output.presets(try CLI.attempt { try ptz.presets(target) })
        case .stop:
            try CLI.attempt { try ptz.stop(target) }
            output.done("stop", Localized(vi: "Đã dừng.", en: "Stopped."))
        case .home:
            try CLI.attempt { try ptz.gotoHome(target) }
            output.done("home", Localized(vi: "Đang về vị trí gốc.", en: "Going to the home position."))
        case .goto:
            try CLI.attempt { try ptz.gotoPreset(target, token: argument ?? "") }
            output.done("goto", Localized(vi: "Đang tới preset “\(argument ?? "")”.", en: "Going to preset “\(argument ?? "")”."))
        case .setPreset:
            let preset = try CLI.attempt { try ptz.setPreset(target, name: argument ?? "") }
            output.saved(preset)
        case .move:
            try move(ptz, target, output)
        }
    }

    /// ContinuousMove for `--for` seconds (its Timeout too), then a Stop; a termination signal
    /// in between stops the camera first.
    private func move(_ ptz: PTZService, _ target: PictureTarget, _ output: PTZOutput) throws {
        // in place before the move leaves: a signal at any time after it is answered with a Stop
        StopSignals.install(SignalWatch.termination) { sig in
            ptz.stopAll()
            Foundation.exit(128 + sig)
        }
        let velocity = PTZVelocity(pan: pan, tilt: tilt, zoom: zoom)
        do {
            try ptz.move(target, velocity: velocity, timeout: seconds)
        } catch {
            ptz.stopAll() // the request may have reached the camera before it failed
            _ = try CLI.attempt { throw error }
        }
        // the device stops by itself after the Timeout; the Stop is sent anyway
        Thread.sleep(forTimeInterval: seconds)
        try CLI.attempt { try ptz.stop(target) }
        output.moved(seconds: seconds, velocity: velocity)
    }

    /// SOURCE (unless --host), ACTION and its argument, from the words typed.
    private func parsedWords() -> (source: String?, action: Action, argument: String?) {
        var rest = words[...]
        var source: String?
        if host == nil {
            guard let s = rest.popFirst() else {
                Usage.refuse(Localized(vi: "Hãy cho tên một nguồn đã lưu (hoặc --host) và một thao tác: \(Self.actionList).",
                                       en: "Give a saved source's name (or --host) and an action: \(Self.actionList)."))
            }
            source = s
        }
        guard let word = rest.popFirst() else {
            Usage.refuse(Localized(vi: "Hãy cho một thao tác: \(Self.actionList).", en: "Give an action: \(Self.actionList)."))
        }
        guard let action = Action(rawValue: word.lowercased()) else {
            Usage.refuse(Localized(vi: "Không có thao tác “\(CLI.shown(word))”; các thao tác: \(Self.actionList).",
                                   en: "There is no action “\(CLI.shown(word))”; the actions are: \(Self.actionList)."))
        }
        let argument = rest.popFirst()
        let needs = action == .goto || action == .setPreset
        if needs && (argument ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            Usage.refuse(action == .goto
                ? Localized(vi: "goto cần một preset (mã hoặc tên).", en: "goto needs a preset (its token or name).")
                : Localized(vi: "set-preset cần một tên.", en: "set-preset needs a name."))
        }
        if (!needs && argument != nil) || !rest.isEmpty {
            Usage.refuse(Localized(vi: "Thừa đối số: “\(CLI.shown((needs ? Array(rest) : [argument ?? ""] + rest).joined(separator: " ")))”.",
                                   en: "Unexpected argument: “\(CLI.shown((needs ? Array(rest) : [argument ?? ""] + rest).joined(separator: " ")))”."))
        }
        if user != nil && host == nil {
            Usage.refuse(Localized(vi: "--user chỉ dùng với --host (nguồn đã lưu dùng tài khoản đã lưu).",
                                   en: "--user goes with --host only (a saved source uses its saved login)."))
        }
        return (source, action, argument)
    }

    static var actionList: String { Action.allCases.map(\.rawValue).joined(separator: ", ") }

    /// The camera named by --camera, of the saved source or the device at --host.
    private func chosenTarget(source: String?, client: ClientOptions) throws -> PictureTarget {
        guard let name = camera?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            Usage.refuse(Localized(vi: "Hãy chọn camera bằng --camera TÊN.", en: "Choose the camera with --camera NAME."))
        }
        let found: [PictureTarget]
        if let host {
            let u = user ?? ""
            let pw = try password.resolve(user: u.isEmpty ? nil : u) ?? ""
            found = try SourceService.pictureTargets(host: host, port: nil, user: u, password: pw, clientOptions: client)
        } else {
            found = try options.sources(readOnly: true).pictureTargets(name: source ?? "")
        }
        let cameras = found.map(\.camera)
        let keys = CameraKeys.keys(for: cameras)
        let (resolved, _) = CameraKeys.resolve([name], in: cameras)
        guard let key = resolved.first, let i = keys.firstIndex(of: key) else {
            Usage.refuse(Localized(vi: "Không có camera tên “\(CLI.shown(name))”; các camera: \(keys.joined(separator: ", ")).",
                                   en: "No camera named “\(CLI.shown(name))”; the cameras are: \(keys.joined(separator: ", "))."))
        }
        return found[i]
    }
}
