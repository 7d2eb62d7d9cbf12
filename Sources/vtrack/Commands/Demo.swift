import ArgumentParser
import Common
import Core
import Foundation
import Simulator
import TUI

/// `vtrack demo`: the terminal app on the built-in NVR simulator, all on loopback, with a
/// database and a video folder of its own in a temporary folder.
extension RecordingTimeline.Schedule: ExpressibleByArgument {}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the terminal app on the built-in NVR simulator (loopback only; nothing leaves this machine).",
        discussion: "Starts the simulator in-process on free ports, makes a demo database and video folder in a temporary folder, and opens the app with that source filled in: press Enter to test it. The odd channels are PTZ cameras (steer them in the preview, p).")

    @OptionGroup var terminal: TerminalOptions

    @Option(help: "Channels (cameras) of the simulated NVR.")
    var channels = 4

    @Option(help: ArgumentHelp("Where the demo database and videos go, kept after the demo (default: a new temporary folder, removed when the demo ends).", valueName: "dir"))
    var folder: String?

    @Option(help: "When the simulated cameras record: motion (short clips, about an hour a day, so a demo download stays small) or continuous (around the clock, like a real 24/7 NVR: about 15 GB a camera a day).")
    var recording: RecordingTimeline.Schedule = .motion

    func run() throws {
        let checked = try TerminalLauncher.check(terminal)
        let dir = try folder ?? Self.makeTemporaryFolder()
        var config = SimulatorConfig()
        config.host = "127.0.0.1"
        config.port = 0
        config.channels = max(1, channels)
        config.discovery = true
        config.discoverySwitches.port = 0
        config.discoverySwitches.multicast = false
        config.recordings.schedule = recording
        // the odd channels pan, tilt and zoom (the preview's PTZ keys), the even ones are fixed
        config.ptzChannels = Set(stride(from: 1, through: config.channels, by: 2))
        let sim = Simulator(config: config)
        let temporaryFolder = folder == nil ? dir : nil
        let videoRoot = dir + "/nvr_downloads"
        let locations = StoreLocations(databaseFile: dir + "/vtrack.db", keyFile: dir + "/secret.key")
        do {
            try sim.start()
            // The demo database's video root is the demo folder's.
            _ = try SaveConfig(repository: Repository(locations: locations)).setVideoRoot(videoRoot)
        } catch {
            DemoRunner.release(simulator: sim, temporaryFolder: temporaryFolder)
            throw error
        }
        let hosts = sim.discoveryResponder?.port.map { ["127.0.0.1:\($0)"] } ?? []
        let runner = DemoRunner(engine: EngineCommandRunner(locations: locations, discoveryHosts: hosts), simulator: sim,
                                temporaryFolder: temporaryFolder)
        let port = sim.httpPort
        // the runner stops the simulator and removes the temporary folder, also when the
        // terminal cannot be opened
        try TerminalLauncher.open(checked, runner: runner) { state in
            state.config.videoRoot = videoRoot
            state.form.address.set("127.0.0.1")
            state.form.port.set(String(port))
            state.form.user.set(config.user)
            state.form.password.set(config.password)
            state.form.name.set("nvr_localhost")
            state.form.videoRoot.set(videoRoot)
            state.screen = .form
            state.focus = .formField(.testButton)
            state.addLog(.info, Localized(
                vi: "Demo: đầu ghi giả lập \(config.channels) kênh ở 127.0.0.1:\(port); dữ liệu và video trong \(dir)\(folder == nil ? " (xóa khi thoát; dùng --folder để giữ lại)" : ""): nhấn Enter để kiểm tra.",
                en: "Demo: a simulated \(config.channels)-channel NVR on 127.0.0.1:\(port); database and videos in \(dir)\(folder == nil ? " (removed on quit; use --folder to keep them)" : ""): press Enter to test it."))
        }
    }

    static func makeTemporaryFolder() throws -> String {
        let tmp = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
        var template = Array((tmp + "vtrack-demo-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw PlainError(vi: "Không tạo được thư mục tạm cho bản demo: hãy kiểm tra quyền ghi vào \(NSTemporaryDirectory()).",
                             en: "Cannot make a temporary folder for the demo: check that \(NSTemporaryDirectory()) is writable.")
        }
        return String(cString: made)
    }
}

/// The engine plus the simulator it talks to, stopped together when the app quits; a temporary
/// demo folder is removed then too.
final class DemoRunner: CommandRunning {
    let engine: EngineCommandRunner
    let simulator: Simulator
    let temporaryFolder: String?

    init(engine: EngineCommandRunner, simulator: Simulator, temporaryFolder: String?) {
        self.engine = engine
        self.simulator = simulator
        self.temporaryFolder = temporaryFolder
    }

    func run(_ command: Command, send: @escaping @Sendable (AppEvent) -> Void) { engine.run(command, send: send) }

    func stopMotion() { engine.stopMotion() }

    func shutdown() {
        engine.shutdown()
        Self.release(simulator: simulator, temporaryFolder: temporaryFolder)
    }

    /// Stops the simulator and removes the temporary demo folder (nil: a `--folder` to keep).
    static func release(simulator: Simulator, temporaryFolder: String?) {
        simulator.stop()
        if let dir = temporaryFolder { try? FileManager.default.removeItem(atPath: dir) }
    }
}
