import Common
import Foundation
import Logging
import Synchronization

/// How a live video reading ended.
public enum LiveVideoEnd: Sendable {
    /// `stop()` was called.
    case stopped
    /// The server ended the stream (RTCP BYE, connection closed cleanly).
    case ended
    /// The stream failed: `StreamingError` (login, not found, stalled, …).
    case failed(any Error)
}

/// Live video of a stream for a picture view: a background thread reads the stream over RTSP
/// (TCP interleaved, our client) and hands every access unit (Annex-B, parameter sets before
/// each key frame) to a closure, until `stop()`; `stop()` sends TEARDOWN and closes the
/// connection promptly, from any thread. The closure runs on the reader's thread: keep it short
/// (decode, or drop) — a slow closure slows the reading, never queues pictures.
public final class LiveVideoReader: Sendable {
    public let url: RTSPURL
    private let options: RTSPOptions
    private let signal = CancelSignal()
    private let started = Atomic<Bool>(false)
    private let running = Atomic<Bool>(false)
    private let logger: Logger

    /// - Parameters:
    ///   - url: the stream's `rtsp://` URI; `user`/`password` override its user info.
    /// - Throws: `StreamingError.invalidURL`.
    public init(url: String, user: String?, password: String?, options: RTSPOptions = RTSPOptions(),
                logger: Logger = Logger(label: "vtrack.streaming")) throws {
        guard var u = RTSPURL(url), u.scheme != "rtsps" else { throw StreamingError.invalidURL(url) }
        if let user, !user.isEmpty { u.user = user; u.password = password }
        self.url = u
        self.options = options
        self.logger = logger
    }

    /// True from `start` until the reader's thread is done.
    public var isRunning: Bool { running.load(ordering: .sequentiallyConsistent) }

    /// Starts reading on a thread of its own (once; later calls do nothing). `onEnd` is called
    /// exactly once, last, on that thread.
    public func start(onAccessUnit: @escaping @Sendable (VideoAccessUnit) -> Void,
                      onEnd: @escaping @Sendable (LiveVideoEnd) -> Void) {
        guard started.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged else { return }
        running.store(true, ordering: .sequentiallyConsistent)
        let url = self.url, options = self.options, signal = self.signal, logger = self.logger
        let thread = Thread { [self] in
            let end: LiveVideoEnd
            do {
                let run = VideoStreamRun(url: url, options: options, signal: signal, logger: logger)
                let reason = try run.run { au in
                    if signal.isCancelled { return .stop }
                    onAccessUnit(VideoAccessUnit(au))
                    return .continue
                }
                end = reason == .cancelled || signal.isCancelled ? .stopped : .ended
            } catch {
                end = signal.isCancelled ? .stopped : .failed(error)
            }
            running.store(false, ordering: .sequentiallyConsistent)
            onEnd(end)
        }
        thread.name = "vtrack.live"
        thread.start()
    }

    /// Stops the reading (TEARDOWN, connection closed). Safe from any thread, idempotent.
    public func stop() { signal.cancel() }
}
