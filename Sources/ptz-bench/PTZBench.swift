// ptz-bench: the measuring tool behind bench/ptz.sh.
//   ptz-bench [CALLS]
//       starts the simulator in this process (real sockets on 127.0.0.1, real-time PTZ clock),
//       then times CALLS (default 200) of each, interleaved, on one warm connection:
//         - Core's PTZService.move (one ContinuousMove with a Timeout: what a held key sends),
//         - the same move's one-way time (call start → the simulator's log says it arrived),
//         - PTZService.stop (one Stop),
//         - the baseline: GetSystemDateAndTime on the same device through the same ONVIF client
//           stack (an unauthenticated SOAP round trip with a tiny answer).
//       Prints p50, p90, p99 and max in milliseconds.
import Core
import Foundation
import ONVIF
import Simulator

@main
enum PTZBench {
    static func main() throws {
        let calls = CommandLine.arguments.count > 1 ? max(10, Int(CommandLine.arguments[1]) ?? 200) : 200
        var config = SimulatorConfig()
        config.channels = 1
        config.ptzChannels = [1]
        config.profileG = false
        let sim = Simulator(config: config)
        try sim.start()
        defer { sim.stop() }

        let host = "127.0.0.1:\(sim.httpPort)"
        guard let target = try SourceService.pictureTargets(host: host, port: nil, user: "admin", password: "admin123").first else {
            fatalError("no camera")
        }
        let ptz = PTZService()
        let baseline = ONVIFClient(address: try DeviceAddress(parsing: host), credentials: Credentials(user: "admin", password: "admin123"))
        // warm up: the PTZ profile and node are learnt, connections opened, the clock offset measured
        _ = try ptz.capabilities(target)
        for _ in 0..<10 {
            try ptz.move(target, velocity: PTZVelocity(pan: 0.3), timeout: 0.4)
            try ptz.stop(target)
            _ = try baseline.systemDateAndTime()
        }

        var move: [Double] = [], oneWay: [Double] = [], stop: [Double] = [], base: [Double] = []
        for i in 0..<calls {
            sim.ptz.clearRequests()
            let sent = Date()
            let t0 = DispatchTime.now().uptimeNanoseconds
            try ptz.move(target, velocity: PTZVelocity(pan: i % 2 == 0 ? 0.3 : -0.3), timeout: 0.4)
            let t1 = DispatchTime.now().uptimeNanoseconds
            if let arrived = sim.ptz.requests.first(where: { $0.operation == "ContinuousMove" })?.received {
                oneWay.append(arrived.timeIntervalSince(sent) * 1000)
            }
            move.append(Double(t1 - t0) / 1e6)

            let t2 = DispatchTime.now().uptimeNanoseconds
            try ptz.stop(target)
            stop.append(Double(DispatchTime.now().uptimeNanoseconds - t2) / 1e6)

            let t3 = DispatchTime.now().uptimeNanoseconds
            _ = try baseline.systemDateAndTime()
            base.append(Double(DispatchTime.now().uptimeNanoseconds - t3) / 1e6)
        }
        print("calls: \(calls) each, interleaved; simulator in-process on 127.0.0.1 (real-time PTZ clock); "
              + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        print(row("ContinuousMove round trip (PTZService.move)", move))
        print(row("ContinuousMove one way (call → simulator)", oneWay))
        print(row("Stop round trip (PTZService.stop)", stop))
        print(row("baseline: GetSystemDateAndTime round trip", base))
    }

    static func row(_ name: String, _ ms: [Double]) -> String {
        let s = ms.sorted()
        func q(_ p: Double) -> String {
            guard !s.isEmpty else { return "-" }
            return String(format: "%.2f", s[min(s.count - 1, Int((Double(s.count) * p).rounded(.up)) - 1)])
        }
        return "\(name.padding(toLength: 46, withPad: " ", startingAt: 0))  p50 \(q(0.5)) ms  p90 \(q(0.9)) ms  p99 \(q(0.99)) ms  max \(q(1.0)) ms"
    }
}
