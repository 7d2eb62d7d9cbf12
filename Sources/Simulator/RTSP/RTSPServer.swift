import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// The simulator's RTSP server (RFC 2326 over TCP, media interleaved): live streams of every
/// profile of the `NVRModel` (`/live/chNN/main|sub`) and ONVIF replay of every recording
/// (`/replay/<recordingToken>`, or `/replay/<recordingToken>/sub` for the sub stream's codec), from small looping
/// H.264/H.265 assets. See `SimulatorConfig.RTSPSettings` for auth variants, limits and faults.
///
/// ```swift
/// let rtsp = RTSPServer(config: config, model: NVRModel(config: config))
/// try rtsp.start()
/// print("rtsp://127.0.0.1:\(rtsp.port)/live/ch01/main")
/// ```
public final class RTSPServer: Sendable {
    public let config: SimulatorConfig
    public let model: NVRModel
    public let footage: FootageTimeline

    private let group = Mutex<MultiThreadedEventLoopGroup?>(nil)
    private let channel = Mutex<Channel?>(nil)
    private let state = Mutex(State())

    /// What the server has seen (for tests).
    public struct Statistics: Sendable, Equatable {
        public var connections = 0
        public var requests: [String: Int] = [:]
        public var activeReplays = 0
        public var refusedForLimit = 0
        public var sessionsTimedOut = 0
        public var teardowns = 0
        public var authFailures = 0
        /// Every request's headers as `METHOD name: value` lines (for header-placement tests).
        public var requestLog: [String] = []
        /// How each PLAY that started media is sent, in order.
        public var plays: [Play] = []
    }

    /// How the server sends one played stream.
    public struct Play: Sendable, Equatable {
        /// The stream's path (`/live/ch01/sub`, `/replay/<token>`).
        public var path: String
        /// Paced at `scale` × real time; false with `Rate-Control: no` on a replay (as fast as the socket takes it).
        public var paced: Bool
        /// The `Scale` honoured (1 without the header; clamped to 0.1…16).
        public var scale: Double

        public init(path: String, paced: Bool, scale: Double) {
            self.path = path
            self.paced = paced
            self.scale = scale
        }
    }

    struct State {
        var stats = Statistics()
    }

    /// The `holdAfterBytes` switch (held streams, and their release).
    public let hold: ReplayHold

    public init(config: SimulatorConfig, model: NVRModel, footage: FootageTimeline? = nil) {
        hold = ReplayHold(points: config.rtsp.faults.holdAfterBytes)
        self.config = config
        self.model = model
        self.footage = footage ?? ContinuousFootage(model: model, days: config.days)
    }

    /// Binds `config.host:config.rtspPort` (0 = a free port) and starts serving.
    /// - Throws: `SimulatorError.assetMissing` when the bundled clips cannot be read.
    public func start() throws {
        let assets = try SimVideoAsset.library()
        let g = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: g)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.writeBufferWaterMark, value: .init(low: 256 * 1024, high: 1024 * 1024))
            .childChannelInitializer { [self] ch in
                ch.eventLoop.makeCompletedFuture {
                    try ch.pipeline.syncOperations.addHandler(SimRTSPConnection(server: self, assets: assets))
                }
            }
        do {
            let c = try bootstrap.bind(host: config.host, port: config.rtspPort).wait()
            channel.withLock { $0 = c }
            group.withLock { $0 = g }
        } catch {
            try? g.syncShutdownGracefully()
            throw error
        }
    }

    /// Stops serving and closes every connection; safe to call twice.
    public func stop() {
        let c = channel.withLock { c -> Channel? in defer { c = nil }; return c }
        try? c?.close().wait()
        let g = group.withLock { g -> MultiThreadedEventLoopGroup? in defer { g = nil }; return g }
        try? g?.syncShutdownGracefully()
    }

    /// The bound port (0 before `start()`).
    public var port: Int { channel.withLock { $0?.localAddress?.port ?? 0 } }

    public var statistics: Statistics { state.withLock { $0.stats } }

    /// `rtsp://HOST:PORT` for URLs (loopback when bound to every interface).
    public var baseURL: String {
        let h = config.host == "0.0.0.0" || config.host.isEmpty ? "127.0.0.1" : config.host
        return "rtsp://\(h.contains(":") ? "[\(h)]" : h):\(port)"
    }

    // MARK: Shared state used by connections

    func record(_ change: (inout Statistics) -> Void) { state.withLock { change(&$0.stats) } }

    /// Takes a replay slot; false when the limit is reached.
    func acquireReplay() -> Bool {
        state.withLock { s in
            if let limit = config.rtsp.replayLimit, s.stats.activeReplays >= limit {
                s.stats.refusedForLimit += 1
                return false
            }
            s.stats.activeReplays += 1
            return true
        }
    }

    func releaseReplay() { state.withLock { $0.stats.activeReplays -= 1 } }

    var authMode: SimulatorConfig.RTSPAuth { config.auth == .none ? .none : config.rtsp.auth }
}
