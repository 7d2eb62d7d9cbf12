import Foundation
import ONVIF
import Simulator

/// A simulator started in-process on 127.0.0.1, port 0, stopped when the fixture goes away.
public final class SimFixture {
    /// The running simulator (its ports, model, statistics and switches).
    public let sim: Simulator

    /// Starts it; `configure` changes the configuration first (channels, faults, vendor…).
    public init(_ configure: (inout SimulatorConfig) -> Void = { _ in }) throws {
        var c = SimulatorConfig()
        c.host = "127.0.0.1"
        c.port = 0
        configure(&c)
        sim = Simulator(config: c)
        try sim.start()
    }

    deinit { sim.stop() }

    /// Where its ONVIF device service answers.
    public var address: DeviceAddress { DeviceAddress(host: "127.0.0.1", port: sim.httpPort) }

    /// An ONVIF client for it, as `admin`/`admin123` unless told otherwise (`user: nil`: no credentials).
    public func client(user: String? = "admin", password: String = "admin123", options: ClientOptions = ClientOptions()) -> ONVIFClient {
        ONVIFClient(address: address, credentials: user.map { Credentials(user: $0, password: password) }, options: options)
    }
}
