import Common
import Dispatch
import Foundation
import ONVIF
import Pictures
import Streaming
import Synchronization

/// A live view of a camera's sub stream (`PictureService.startLive`): the stream is read over
/// RTSP on a thread of its own and every access unit decoded (a P-frame needs the ones before
/// it); a decoded picture goes to the front only when the front said `ready()` for the last one
/// and at most `maxFPS` times a second — otherwise it is dropped, never queued: the latest
/// picture wins. `stop()` sends TEARDOWN and closes the connection at once; `onEnd` comes once,
/// after the last `onFrame`.
public final class LiveSession: LiveView {
    /// What the session did, for tests and benchmarks.
    public struct Counters: Sendable, Equatable {
        /// Access units read from the stream.
        public var accessUnits = 0
        /// Pictures decoded.
        public var decoded = 0
        /// Pictures handed to `onFrame`.
        public var delivered = 0
        /// Pictures dropped (the front not ready, or too soon after the last).
        public var dropped = 0
    }

    private struct State {
        var counters = Counters()
        /// A picture was handed on and the front has not said `ready()` yet.
        var awaitingReady = false
        var lastDelivery = -Double.infinity
        /// Set when the session stopped itself (a decoder failure): the sentence `onEnd` gives.
        var failure: Localized?
        var ended = false
    }

    /// Holds the decoder: used only by the reader's thread (one access unit at a time).
    private final class DecoderBox: @unchecked Sendable {
        var decoder: VideoFrameDecoder?
    }

    private let reader: LiveVideoReader?
    private let state = Mutex(State())
    private let delivery = DispatchQueue(label: "vtrack.live.delivery")
    private let minInterval: Double
    private let maxWidth: Int

    private init(reader: LiveVideoReader?, maxFPS: Int, maxWidth: Int) {
        self.reader = reader
        minInterval = 1 / Double(min(60, max(1, maxFPS)))
        self.maxWidth = maxWidth
    }

    public var counters: Counters { state.withLock { $0.counters } }

    /// True until `onEnd` has been called.
    public var isRunning: Bool { !state.withLock { $0.ended } }

    public func ready() { state.withLock { $0.awaitingReady = false } }

    public func stop() { reader?.stop() }

    static func start(_ target: PictureTarget, taker: PictureTaker, maxFPS: Int,
                      onFrame: @escaping @Sendable (Picture) -> Void,
                      onEnd: @escaping @Sendable (Localized?) -> Void) -> LiveSession {
        let reader: LiveVideoReader
        do {
            let device = try PictureTaker.device(target)
            guard let stream = PictureTaker.streamURI(target.camera) else {
                throw PictureFailure.noAddress(camera: target.camera.name)
            }
            let user = target.username.isEmpty ? nil : target.username
            var rtsp = RTSPOptions()
            rtsp.connectTimeout = taker.options.keyFrameTimeout
            rtsp.responseTimeout = max(taker.options.keyFrameTimeout, 5)
            reader = try LiveVideoReader(url: taker.streamAddress(stream, device: device), user: user,
                                         password: user == nil ? nil : target.password ?? "", options: rtsp)
        } catch {
            let session = LiveSession(reader: nil, maxFPS: maxFPS, maxWidth: taker.options.maxWidth)
            let why = PictureFailure.liveEnded(PictureTaker.reason(error)).message
            session.state.withLock { $0.ended = true }
            session.delivery.async { onEnd(why) }
            return session
        }
        let session = LiveSession(reader: reader, maxFPS: maxFPS, maxWidth: taker.options.maxWidth)
        let box = DecoderBox()
        reader.start(onAccessUnit: { [weak session] au in
            session?.received(au, box: box, onFrame: onFrame)
        }, onEnd: { [session] end in
            let failure = session.state.withLock { $0.failure }
            let why: Localized?
            switch end {
            case .stopped: why = failure
            case .ended: why = PictureFailure.liveEnded(nil).message
            case .failed(let error): why = PictureFailure.liveEnded(PictureTaker.reason(error)).message
            }
            session.delivery.async {
                session.state.withLock { $0.ended = true }
                onEnd(why)
            }
        })
        return session
    }

    /// On the reader's thread: decode, then hand on or drop.
    private func received(_ au: VideoAccessUnit, box: DecoderBox, onFrame: @escaping @Sendable (Picture) -> Void) {
        state.withLock { $0.counters.accessUnits += 1 }
        let picture: Picture?
        do {
            if box.decoder == nil {
                box.decoder = try VideoFrameDecoder(codec: PictureTaker.codec(au.codec))
            }
            picture = try box.decoder?.decode(accessUnit: au.annexB)
        } catch {
            state.withLock { $0.failure = PictureFailure.liveEnded(PictureTaker.reason(error)).message }
            reader?.stop()
            return
        }
        guard let picture else { return }
        let now = ProcessInfo.processInfo.systemUptime
        let deliver = state.withLock { s -> Bool in
            s.counters.decoded += 1
            guard !s.awaitingReady, now - s.lastDelivery >= minInterval else {
                s.counters.dropped += 1
                return false
            }
            s.awaitingReady = true
            s.lastDelivery = now
            s.counters.delivered += 1
            return true
        }
        guard deliver else { return }
        let shown = picture.width > maxWidth
            ? ((try? PictureScaler.fit(picture, maxWidth: maxWidth, maxHeight: maxWidth * 4)) ?? picture)
            : picture
        delivery.async { onFrame(shown) }
    }
}
