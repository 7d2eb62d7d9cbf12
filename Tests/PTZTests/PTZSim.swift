import Core
import Foundation
import Pictures
import Simulator
import TestSupport

/// A simulator in this process with PTZ on some channels, its motors on a clock the test moves
/// by hand (`clock`), and the picture targets of its cameras as `vtrack ptz --host` builds them.
final class PTZSim {
    let fixture: SimFixture
    let clock = SimManualClock()
    var sim: Simulator { fixture.sim }

    /// PTZ on `channels` (of 4 unless `configure` says otherwise).
    init(channels: Set<Int> = [1, 3], manualClock: Bool = true, _ configure: (inout SimulatorConfig) -> Void = { _ in }) throws {
        let clock = self.clock
        fixture = try SimFixture { c in
            c.ptzChannels = channels
            if manualClock { c.ptzClock = .manual(clock) }
            configure(&c)
        }
    }

    /// `127.0.0.1:PORT`.
    var host: String { "127.0.0.1:\(sim.httpPort)" }

    /// Every camera's target, logged in as admin/admin123.
    func targets() throws -> [PictureTarget] {
        try SourceService.pictureTargets(host: host, port: nil, user: "admin", password: "admin123")
    }

    /// Channel `n`'s target (1-based).
    func target(_ n: Int) throws -> PictureTarget {
        let all = try targets()
        guard let t = all.first(where: { $0.camera.channel == n }) else { throw TestFailure("no camera \(n) in \(all.map(\.camera.name))") }
        return t
    }

    /// What the simulator says about channel `n`'s PTZ.
    func report(_ n: Int) throws -> SimPTZReport {
        guard let r = sim.ptz.report(channel: n) else { throw TestFailure("channel \(n) has no PTZ") }
        return r
    }

    /// Requests of one PTZ operation the simulator received.
    func count(_ operation: String) -> Int { sim.stats.count(operation) }
}

/// Mean absolute difference of two pictures' pixels in a rectangle (0…255).
func meanDifference(_ a: Picture, _ b: Picture, x: Range<Int>, y: Range<Int>) -> Double {
    var total = 0, n = 0
    for yy in y {
        for xx in x {
            let p = a.pixel(xx, yy), q = b.pixel(xx, yy)
            total += abs(Int(p.r) - Int(q.r)) + abs(Int(p.g) - Int(q.g)) + abs(Int(p.b) - Int(q.b))
            n += 3
        }
    }
    return n == 0 ? 0 : Double(total) / Double(n)
}
