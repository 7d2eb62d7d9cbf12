import ArgumentParser
import CLISupport
import Common
import Core
import Foundation
import Pictures

/// `vtrack snapshot SOURCE [--camera NAME,…|--all] [-o DIR] [--show] [--json]`: one JPEG per
/// camera, taken through Core's PictureService (the snapshot URI, else the sub stream's first
/// key frame); `--host HOST[:PORT] --user U` for a device that is not saved.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Save a picture (JPEG) of each camera of a source, and optionally show it in the terminal.",
        discussion: """
            Each camera's picture comes from its ONVIF snapshot address (with the device's login), or, when it has \
            none or it fails, from the first key frame of its sub stream. Files are named after the cameras (safe \
            names) in DIR; an existing file is never replaced: NAME_2.jpg, NAME_3.jpg… are used instead.
            Without --camera or --all: the ticked cameras of a saved source (all when none is ticked); every camera \
            of an unsaved device (--host).
            Exit status 0 when every camera gave a picture, 1 when some did not (each says why), 64 for bad usage.
            """)

    @Argument(help: "The saved source's name (or use --host for a device that is not saved).")
    var source: String?

    @Option(name: .customLong("camera"), help: ArgumentHelp("Cameras by name, separated by commas.", valueName: "names"))
    var cameras: String?

    @Flag(help: "Every camera of the source.") var all = false

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to save into (default: the current folder).", valueName: "dir"))
    var output: String?

    @Flag(help: "Draw each picture in the terminal.") var show = false

    @Option(help: ArgumentHelp("How --show draws: auto, cells, sixel, kitty or none.", valueName: "mode"))
    var graphics: String = "auto"

    @Option(help: ArgumentHelp("A device that is not saved: HOST, HOST:PORT or an http(s):// URL.", valueName: "host"))
    var host: String?

    @Option(name: .customLong("user"), help: "ONVIF user name for --host (leave out for devices without login).")
    var user: String?

    @OptionGroup var password: PasswordOptions

    @Option(help: "Seconds a snapshot, or a stream's first key frame, may take.") var timeout: Double = 5

    @Flag(help: "Accept any TLS certificate (self-signed devices).") var insecure = false

    @Flag(help: "Also log the RTSP requests on standard error (never a password).") var verbose = false

    @OptionGroup var options: DatabaseOptions

    /// What one camera gave.
    enum Outcome: Sendable {
        case picture(CameraPicture)
        case failure(Localized)
    }

    /// One camera's outcome, as `--json` prints it.
    struct Row: Encodable {
        var camera: String
        var file: String?
        var width: Int?
        var height: Int?
        var origin: String?
        var error: String?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(camera, forKey: .camera)
            try c.encode(file, forKey: .file)
            try c.encode(width, forKey: .width)
            try c.encode(height, forKey: .height)
            try c.encode(origin, forKey: .origin)
            try c.encode(error, forKey: .error)
        }
        enum CodingKeys: String, CodingKey { case camera, file, width, height, origin, error }
    }

    func run() throws {
        options.global.apply()
        try NumberOption.seconds(timeout, option: "--timeout")
        guard let mode = GraphicsMode(rawValue: graphics.lowercased()) else {
            Usage.refuse(Localized(vi: "--graphics nhận auto, cells, sixel, kitty hoặc none.",
                                   en: "--graphics takes auto, cells, sixel, kitty or none."))
        }
        if cameras != nil && all {
            Usage.refuse(Localized(vi: "Hãy dùng --camera hoặc --all, không dùng cả hai.", en: "Use --camera or --all, not both."))
        }
        if (source == nil) == (host == nil) {
            Usage.refuse(Localized(vi: "Hãy cho tên một nguồn đã lưu, hoặc --host cho một thiết bị chưa lưu (không cả hai).",
                                   en: "Give a saved source's name, or --host for a device that is not saved (not both)."))
        }
        if user != nil && host == nil {
            Usage.refuse(Localized(vi: "--user chỉ dùng với --host (nguồn đã lưu dùng tài khoản đã lưu).",
                                   en: "--user goes with --host only (a saved source uses its saved login)."))
        }
        var client = ClientOptions()
        client.allowInsecureTLS = insecure
        client.requestTimeout = max(10, timeout)

        let (targets, keys) = try CLI.attempt { try chosenTargets(client) }
        let folder = output.map { StoreLocations.absolute($0) } ?? FileManager.default.currentDirectoryPath
        try CLI.attempt { try SnapshotFiles.prepare(folder) }
        let files = SnapshotFiles(folder: folder, cameras: keys)
        let shownFolder = output ?? "."

        let service = PictureService(clientOptions: client, maxConcurrent: 4,
                                     options: PictureOptions(snapshotTimeout: timeout, keyFrameTimeout: timeout))
        let env = ProcessInfo.processInfo.environment
        let drawMode = show ? GraphicsMode.resolve(mode, environment: env) : .none
        let depth = ColorDepth.detect(environment: env)
        let columns = min(80, TerminalPicture.terminalColumns())

        var rows: [Row] = []
        var failed = 0
        Self.takeAll(service, targets) { index, result in
            let name = keys[index]
            var row = Row(camera: name)
            switch result {
            case .picture(let p):
                do {
                    let path = try files.write(p.jpeg, index: index)
                    let shown = (shownFolder.hasSuffix("/") ? shownFolder : shownFolder + "/") + (path as NSString).lastPathComponent
                    row.file = shown
                    row.width = p.width
                    row.height = p.height
                    row.origin = p.origin.rawValue
                } catch {
                    row.error = PictureTakerText.reason(error).text()
                }
            case .failure(let why):
                row.error = why.text()
            }
            if row.error != nil { failed += 1 }
            rows.append(row)
            guard !options.json else { return }
            // written at once (not through print's buffer): each line shows as its camera is done
            var text = Self.line(row) + "\n"
            if case .picture(let p) = result, row.error == nil, drawMode != .none {
                text += TerminalPicture.text(p.picture, mode: drawMode, depth: depth, columns: columns)
            }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if options.json { CLI.printJSON(rows) }
        if failed > 0 { throw ExitCode(1) }
    }

    /// The targets chosen and their camera keys (names), in the device's order.
    private func chosenTargets(_ client: ClientOptions) throws -> ([PictureTarget], [String]) {
        let found: [PictureTarget]
        var ticked: [String] = []
        if let host {
            let u = user ?? ""
            let pw = try password.resolve(user: u.isEmpty ? nil : u) ?? ""
            found = try SourceService.pictureTargets(host: host, port: nil, user: u, password: pw, clientOptions: client)
        } else {
            let sources = try options.sources(readOnly: true)
            found = try sources.pictureTargets(name: source ?? "")
            ticked = try sources.source(named: source ?? "").source.config.selectedCameras
        }
        let keys = CameraKeys.keys(for: found.map(\.camera))
        var chosen: Set<String>
        if let cameras {
            let names = cameras.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let (resolved, unknown) = CameraKeys.resolve(names, in: found.map(\.camera))
            if !unknown.isEmpty || resolved.isEmpty {
                let list = unknown.joined(separator: ", ")
                Usage.refuse(Localized(vi: "Không có camera tên \(list.isEmpty ? "nào" : "“\(list)”"); các camera: \(keys.joined(separator: ", ")).",
                                       en: "No camera named \(list.isEmpty ? "so" : "“\(list)”"); the cameras are: \(keys.joined(separator: ", "))."))
            }
            chosen = Set(resolved)
        } else if all || host != nil {
            chosen = Set(keys)
        } else {
            chosen = Set(ticked).intersection(keys)
            if chosen.isEmpty { chosen = Set(keys) }
        }
        let picked = zip(found, keys).filter { chosen.contains($0.1) }
        return (picked.map(\.0), picked.map(\.1))
    }

    /// Takes every target (a few at once) and calls `done` for each in the targets' order, on
    /// this thread, as soon as it and every one before it are done.
    static func takeAll(_ service: PictureService, _ targets: [PictureTarget],
                        done: (Int, Outcome) -> Void) {
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var byKey: [String: Outcome] = [:]
        }
        let results = Results()
        let arrived = DispatchSemaphore(value: 0)
        service.load(targets, refresh: true) { event in
            let r: Outcome
            switch event {
            case .loading: return
            case .loaded(_, let p): r = Outcome.picture(p)
            case .failed(_, let why): r = Outcome.failure(why)
            }
            results.lock.lock()
            results.byKey[event.key] = r
            results.lock.unlock()
            arrived.signal()
        }
        var next = 0
        while next < targets.count {
            results.lock.lock()
            let r = results.byKey[targets[next].key]
            results.lock.unlock()
            if let r {
                done(next, r)
                next += 1
            } else {
                arrived.wait()
            }
        }
    }

    /// `Front Door: 1920x1080, snapshot → ./Front Door.jpg`, or `Front Door: <reason>`.
    static func line(_ row: Row) -> String {
        let name = CLI.shown(row.camera)
        if let e = row.error { return "\(name): \(e)" }
        let origin = row.origin == PictureOrigin.keyFrame.rawValue
            ? Localized(vi: "khung hình chính của luồng", en: "key frame of the stream").text()
            : Localized(vi: "ảnh chụp", en: "snapshot").text()
        return "\(name): \(row.width ?? 0)x\(row.height ?? 0), \(origin) → \(CLI.shown(row.file ?? ""))"
    }
}

/// The sentence of an error met while saving.
enum PictureTakerText {
    static func reason(_ error: any Error) -> Localized {
        (error as? any UserFacingError)?.message ?? .unexpected(error)
    }
}
