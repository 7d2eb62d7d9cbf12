import Common
import Foundation
import Logging
import Synchronization

/// The first key frame of a stream, ready for a decoder.
public struct KeyFrame: Sendable {
    public var codec: VideoCodec
    /// The IDR (H.264) or IRAP (H.265) access unit in Annex-B form, its parameter sets first
    /// (VPS for H.265, SPS, PPS: from the SDP's sprop-* or from the stream).
    public var annexB: [UInt8]
    /// The picture's wall-clock time when the stream tells it.
    public var wallClock: Date?
    /// Bytes read from the connection until then.
    public var bytesReceived: Int
}

/// How a key frame is taken.
public struct KeyFrameOptions: Sendable {
    /// Seconds for the whole take: connection, requests and waiting for the key frame.
    public var timeout: Double
    /// Most bytes read before giving up (a stream that never brings a whole key frame).
    public var maxBytes: Int

    public init(timeout: Double = 5, maxBytes: Int = 8 * 1024 * 1024) {
        self.timeout = timeout
        self.maxBytes = max(1, maxBytes)
    }
}

/// Takes the first key frame of a live stream over RTSP (TCP interleaved, our client):
/// DESCRIBE, SETUP of the video, PLAY, the access units up to the first IDR/IRAP with its
/// parameter sets, then TEARDOWN. What a camera without a snapshot URI shows as its picture.
public enum KeyFrameGrabber {
    /// Blocks for at most about `options.timeout` seconds.
    /// - Parameters:
    ///   - url: the stream's `rtsp://` URI (user info, if any, is used for the login only).
    ///   - user, password: the login; they override the URI's.
    /// - Throws: `KeyFrameError` (timeout, byte cap) or `StreamingError` (login, not found, …).
    public static func grab(url: String, user: String?, password: String?, options: KeyFrameOptions = KeyFrameOptions(),
                            logger: Logger = Logger(label: "vtrack.streaming")) throws -> KeyFrame {
        guard var u = RTSPURL(url), u.scheme != "rtsps" else { throw StreamingError.invalidURL(url) }
        if let user, !user.isEmpty { u.user = user; u.password = password }
        var rtsp = RTSPOptions()
        let t = options.timeout.isFinite && options.timeout > 0 ? options.timeout : 5
        rtsp.connectTimeout = t
        rtsp.responseTimeout = t
        rtsp.stallTimeout = t
        let signal = CancelSignal()
        let timedOut = Atomic<Bool>(false)
        let timer = DispatchWorkItem {
            timedOut.store(true, ordering: .sequentiallyConsistent)
            signal.cancel()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + t, execute: timer)
        defer { timer.cancel() }

        let run = VideoStreamRun(url: u, options: rtsp, signal: signal, maxBytes: options.maxBytes, logger: logger)
        var found: KeyFrame?
        do {
            _ = try run.run { au in
                guard au.isKeyframe, au.parameterSets.isComplete(for: au.codec) else { return .continue }
                found = KeyFrame(codec: au.codec, annexB: au.annexB(withParameterSets: true), wallClock: au.wallClock,
                                 bytesReceived: run.bytesReceived)
                return .stop
            }
        } catch {
            if run.overCap { throw KeyFrameError.tooLarge(host: u.authority, limitBytes: options.maxBytes) }
            if timedOut.load(ordering: .sequentiallyConsistent) { throw KeyFrameError.timeout(host: u.authority, seconds: t) }
            switch error as? StreamingError {
            case .stalled?, .responseTimeout?: throw KeyFrameError.timeout(host: u.authority, seconds: t) // the same deadline, met first
            default: throw error
            }
        }
        // past the cap is a failure even when a key frame came in the same read
        if run.overCap { throw KeyFrameError.tooLarge(host: u.authority, limitBytes: options.maxBytes) }
        if let found { return found }
        if timedOut.load(ordering: .sequentiallyConsistent) { throw KeyFrameError.timeout(host: u.authority, seconds: t) }
        throw StreamingError.noKeyframe
    }
}
