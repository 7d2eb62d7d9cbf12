import Common
import Dispatch
import Foundation
import ONVIF
import Pictures
import Synchronization

/// Takes camera pictures: the snapshot URI over HTTP (the device's login, remembered per
/// device), or the first key frame of the sub stream over RTSP when there is no snapshot URI or
/// it fails; decoded with libavcodec. Loads run on background queues, a few at once, and
/// pictures are cached for the session.
///
/// ```swift
/// let pictures = PictureService()
/// let targets = try sources.pictureTargets(name: "nvr_localhost")
/// pictures.load(targets, refresh: false) { event in ui.async { model.apply(event) } }
/// ```
public final class PictureService: Sendable {
    /// Most takes running at once (`load`).
    public let maxConcurrent: Int
    public let options: PictureOptions
    let taker: PictureTaker
    private let state = Mutex(LoadState())

    /// What `load` has done, for tests, benchmarks and a status line.
    public struct Statistics: Sendable, Equatable {
        /// Takes started by `load` (a refresh of a camera being loaded joins it: no new take).
        public var takes = 0
        /// Targets `load` answered from the cache.
        public var cacheHits = 0
        /// Takes running now.
        public var running = 0
        /// The most takes that ran at once.
        public var peakRunning = 0
    }

    private struct LoadState {
        var cache: [String: CameraPicture] = [:]
        var failures: [String: Localized] = [:]
        /// Keys being taken (queued or running) and who waits for each.
        var waiting: [String: [@Sendable (PictureEvent) -> Void]] = [:]
        var queue: [PictureTarget] = []
        var stats = Statistics()
    }

    public convenience init(clientOptions: ClientOptions = ClientOptions(), maxConcurrent: Int = 4) {
        self.init(clientOptions: clientOptions, maxConcurrent: maxConcurrent, options: PictureOptions())
    }

    /// - Parameters:
    ///   - clientOptions: TLS policy and address rewriting, as for the device's SOAP requests.
    ///   - maxConcurrent: most takes at once in `load` (at least 1).
    ///   - options: timeouts, size caps, the widest picture kept.
    public init(clientOptions: ClientOptions, maxConcurrent: Int, options: PictureOptions) {
        self.maxConcurrent = max(1, maxConcurrent)
        self.options = options
        taker = PictureTaker(clientOptions: clientOptions, options: options)
    }

    public var statistics: Statistics { state.withLock { $0.stats } }

    /// Takes one picture now (no cache). Throws one sentence.
    public func take(_ target: PictureTarget) throws -> CameraPicture {
        try taker.take(target)
    }

    /// Loads pictures in the background: cached ones at once (unless `refresh`), others a few at
    /// a time; every target gets `.loading` then `.loaded` or `.failed` through `onEvent` (on a
    /// background queue). A camera that failed is answered from the session's memory too until a
    /// `refresh`; a camera already being taken is not taken twice (its result goes to both).
    public func load(_ targets: [PictureTarget], refresh: Bool, onEvent listener: @escaping @Sendable (PictureEvent) -> Void) {
        // every event of this call goes through one serial queue: never on the caller's thread,
        // and a camera's `.loading` always before its result
        let delivery = DispatchQueue(label: "vtrack.pictures.events")
        let onEvent: @Sendable (PictureEvent) -> Void = { event in delivery.async { listener(event) } }
        var seen = Set<String>()
        for target in targets where seen.insert(target.key).inserted {
            let key = target.key
            onEvent(.loading(key: key))
            let answer = state.withLock { s -> PictureEvent? in
                if s.waiting[key] != nil {
                    s.waiting[key]!.append(onEvent)
                    return nil
                }
                if !refresh {
                    if let p = s.cache[key] { s.stats.cacheHits += 1; return .loaded(key: key, p) }
                    if let f = s.failures[key] { s.stats.cacheHits += 1; return .failed(key: key, f) }
                }
                s.waiting[key] = [onEvent]
                s.queue.append(target)
                return nil
            }
            if let answer { onEvent(answer) }
        }
        pump()
    }

    /// The cached picture of a camera, if any.
    public func cached(key: String) -> CameraPicture? { state.withLock { $0.cache[key] } }

    /// The snapshot login that worked for a target's device (`none`, `basic`, `digest`), once known.
    public func snapshotLogin(_ target: PictureTarget) -> String? {
        guard let device = try? PictureTaker.device(target) else { return nil }
        return taker.snapshots.login(device: device, user: target.username.isEmpty ? nil : target.username)?.name
    }

    /// Forgets every cached picture and failure (the next `load` takes them again).
    public func clearCache() {
        state.withLock { s in
            s.cache.removeAll()
            s.failures.removeAll()
        }
    }

    /// Starts queued takes while fewer than `maxConcurrent` run.
    private func pump() {
        while let target = state.withLock({ s -> PictureTarget? in
            guard s.stats.running < maxConcurrent, !s.queue.isEmpty else { return nil }
            s.stats.running += 1
            s.stats.takes += 1
            s.stats.peakRunning = max(s.stats.peakRunning, s.stats.running)
            return s.queue.removeFirst()
        }) {
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                let event: PictureEvent
                do {
                    event = .loaded(key: target.key, try taker.take(target))
                } catch {
                    event = .failed(key: target.key, PictureTaker.reason(error))
                }
                let listeners = state.withLock { s -> [@Sendable (PictureEvent) -> Void] in
                    s.stats.running -= 1
                    switch event {
                    case .loaded(let key, let p):
                        s.cache[key] = p
                        s.failures[key] = nil
                    case .failed(let key, let why):
                        s.failures[key] = why
                    case .loading:
                        break
                    }
                    return s.waiting.removeValue(forKey: target.key) ?? []
                }
                for listener in listeners { listener(event) }
                pump()
            }
        }
    }

    /// Starts live video of a camera's sub stream: decoded pictures, at most `maxFPS` a second,
    /// through `onFrame` (background queue); `onEnd` once with nil when stopped or a sentence
    /// when the stream failed.
    public func startLive(_ target: PictureTarget, maxFPS: Int = 10,
                          onFrame: @escaping @Sendable (Picture) -> Void,
                          onEnd: @escaping @Sendable (Localized?) -> Void) -> any LiveView {
        LiveSession.start(target, taker: taker, maxFPS: maxFPS, onFrame: onFrame, onEnd: onEnd)
    }
}
