import Foundation
import Simulator
import Testing
@testable import Streaming

/// Starts the simulator's RTSP server alone on a free loopback port.
final class SimRTSP {
    let server: RTSPServer
    let config: SimulatorConfig

    init(_ configure: (inout SimulatorConfig) -> Void = { _ in }, footage: FootageTimeline? = nil) throws {
        var c = SimulatorConfig()
        c.host = "127.0.0.1"
        c.rtspPort = 0
        configure(&c)
        config = c
        let model = NVRModel(config: c)
        server = RTSPServer(config: c, model: model, footage: footage)
        try server.start()
    }

    deinit { server.stop() }

    var model: NVRModel { server.model }

    /// `rtsp://user:password@127.0.0.1:PORT<path>` (credentials percent-encoded).
    func url(_ path: String, withCredentials: Bool = true) -> String {
        guard withCredentials else { return "\(server.baseURL)\(path)" }
        let enc = { (s: String) in s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }
        return "rtsp://\(enc(config.user)):\(enc(config.password))@127.0.0.1:\(server.port)\(path)"
    }
}

/// A sink that keeps every access unit in memory (small streams only).
final class CollectingSink: MediaSink {
    var units: [AccessUnit] = []
    var started: StreamStart?
    var limit: Int?
    init(limit: Int? = nil) { self.limit = limit }
    func streamStarted(_ start: StreamStart) throws { started = start }
    func received(_ au: AccessUnit) throws -> SinkDecision {
        units.append(au)
        if let l = limit, units.count >= l { return .stop }
        return .continue
    }
}

/// Aligned replay start times: a multiple of the 2 s GOP, a day ago.
func alignedReplayStart(hoursAgo: Double = 24) -> Date {
    let t = Date().addingTimeInterval(-hoursAgo * 3600).timeIntervalSince1970
    return Date(timeIntervalSince1970: (t / 2).rounded(.down) * 2)
}
