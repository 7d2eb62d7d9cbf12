import Foundation
import ONVIF
import Simulator

/// A simulator started in-process on 127.0.0.1, port 0, stopped when the fixture goes away.
final class SimFixture {
    let sim: Simulator

    init(_ configure: (inout SimulatorConfig) -> Void = { _ in }) throws {
        var c = SimulatorConfig()
        c.host = "127.0.0.1"
        c.port = 0
        configure(&c)
        sim = Simulator(config: c)
        try sim.start()
    }

    deinit { sim.stop() }

    var address: DeviceAddress { DeviceAddress(host: "127.0.0.1", port: sim.httpPort) }

    func client(user: String? = "admin", password: String = "admin123", options: ClientOptions = ClientOptions()) -> ONVIFClient {
        ONVIFClient(address: address, credentials: user.map { Credentials(user: $0, password: password) }, options: options)
    }

    /// The error `body` throws, as an ONVIFError (nil when it does not throw).
    func error(_ body: () throws -> Void) -> ONVIFError? {
        do {
            try body()
            return nil
        } catch let e as ONVIFError {
            return e
        } catch {
            return .network(host: "?", detail: "unexpected error type: \(error)")
        }
    }
}
