import Core
import Foundation
import ONVIF
import Simulator
import TestSupport

/// A simulator in this process and the picture targets of its cameras, as `vtrack snapshot
/// --host` builds them (a probe through Core).
final class PictureSim {
    let fixture: SimFixture
    var sim: Simulator { fixture.sim }

    init(_ configure: (inout SimulatorConfig) -> Void = { _ in }) throws {
        fixture = try SimFixture(configure)
    }

    /// `127.0.0.1:PORT`.
    var host: String { "127.0.0.1:\(sim.httpPort)" }
    var device: DeviceAddress { fixture.address }

    /// Every camera's target, logged in as admin/admin123; `password` replaces the password
    /// afterwards (the probe itself needs the right one).
    func targets(password: String? = nil, clientOptions: ClientOptions = ClientOptions()) throws -> [PictureTarget] {
        var targets = try SourceService.pictureTargets(host: host, port: nil, user: "admin", password: "admin123",
                                                       clientOptions: clientOptions)
        if let password { for i in targets.indices { targets[i].password = password } }
        return targets
    }

    /// Snapshot requests the simulator saw for a channel (whatever it answered).
    func snapshotRequests(_ channel: Int) -> Int { sim.stats.snapshotRequests[channel] ?? 0 }
    var totalSnapshotRequests: Int { sim.stats.snapshotRequests.values.reduce(0, +) }
}

/// Events of `PictureService.load`, collected from its background queues.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [PictureEvent] = []

    func append(_ e: PictureEvent) { lock.lock(); events.append(e); lock.unlock() }
    var all: [PictureEvent] { lock.lock(); defer { lock.unlock() }; return events }

    /// Keys that got `.loaded` or `.failed`.
    var finished: Set<String> {
        Set(all.compactMap { e -> String? in
            if case .loading = e { return nil }
            return e.key
        })
    }

    /// The events of one key, as `loading`, `loaded`, `failed`.
    func kinds(_ key: String) -> [String] {
        all.filter { $0.key == key }.map { e in
            switch e {
            case .loading: return "loading"
            case .loaded: return "loaded"
            case .failed: return "failed"
            }
        }
    }
}

/// A counter shared with a callback thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}

/// A value set once from another thread.
final class Box<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [T] = []
    func set(_ v: T) { lock.lock(); stored.append(v); lock.unlock() }
    var values: [T] { lock.lock(); defer { lock.unlock() }; return stored }
}
