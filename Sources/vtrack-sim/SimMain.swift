import ArgumentParser
import Dispatch
import Foundation
import Glibc
import Simulator

@main
struct SimMain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vtrack-sim", abstract: "An ONVIF NVR simulator.")

    @Option(help: "Address to serve on (0.0.0.0: every interface).")
    var host = "127.0.0.1"

    @Option(help: "ONVIF HTTP port advertised (the HTTP server comes with the engine's simulator).")
    var port = 8080

    @OptionGroup(title: "WS-Discovery")
    var discoveryFlags: DiscoveryFlags

    func run() throws {
        var config = SimulatorConfig()
        config.host = host
        config.port = port
        discoveryFlags.apply(to: &config)
        guard config.discovery else {
            throw ValidationError("Nothing to run yet: pass --discovery.")
        }
        let responder = DiscoveryResponder(config: config, httpPort: port)
        try responder.start()
        FileHandle.standardOutput.write(Data("vtrack-sim: WS-Discovery on UDP \(responder.port ?? 0) as \(responder.adverts.count) device(s)\n".utf8))
        SimMain.waitForSignal { responder.stop() }
    }

    /// Runs `cleanup` and exits on SIGINT or SIGTERM (so Bye goes out at exit).
    static func waitForSignal(_ cleanup: @escaping @Sendable () -> Void) -> Never {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let queue = DispatchQueue(label: "vtrack-sim.signals")
        let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: queue) }
        for s in sources {
            s.setEventHandler {
                cleanup()
                Glibc.exit(0)
            }
            s.resume()
        }
        withExtendedLifetime(sources) { dispatchMain() }
    }
}
