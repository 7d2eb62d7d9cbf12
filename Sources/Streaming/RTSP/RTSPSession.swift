import Common
import Foundation
import Logging

/// One complete RTSP playback: connect, OPTIONS, DESCRIBE, SETUP (video, and AAC audio when
/// present), PLAY, receive until the end, TEARDOWN — TEARDOWN also after an error or a cancel.
/// Pictures go to a `MediaSink` on the calling thread.
///
/// ```swift
/// let session = RTSPSession(url: "rtsp://nvr/replay/REC_1", user: "admin", password: pw)
/// DispatchQueue.global().async {
///     let summary = try session.run(.replay(from: start, to: end), sink: writer)
/// }
/// session.cancel()  // from any thread
/// ```
public final class RTSPSession: Sendable {
    public let url: RTSPURL
    public let options: RTSPOptions
    private let user: String?
    private let password: String?
    private let signal = CancelSignal()
    private let logger: Logger

    /// `url` may carry user info (stripped from requests, used for auth); `user`/`password`
    /// override it. Throws `invalidURL` for anything that is not `rtsp://host…` (`rtsps://` included:
    /// TLS is not supported).
    public init(url: String, user: String? = nil, password: String? = nil, options: RTSPOptions = RTSPOptions(),
                logger: Logger = Logger(label: "vtrack.streaming")) throws {
        // RTSP over TLS (rtsps://) is not spoken: refuse it rather than talk plain TCP to a TLS port
        guard let u = RTSPURL(url), u.scheme != "rtsps" else { throw StreamingError.invalidURL(url) }
        self.url = u
        self.user = user
        self.password = password
        self.options = options
        self.logger = logger
    }

    /// Stops a running (or a future) `run` promptly; it sends TEARDOWN and returns a summary
    /// with `endReason == .cancelled`. Safe from any thread.
    public func cancel() { signal.cancel() }

    public var isCancelled: Bool { signal.isCancelled }

    /// Runs the whole session on the calling thread (blocking) and returns what happened.
    /// Throws `StreamingError` (typed, one sentence) or whatever the sink throws.
    @discardableResult
    public func run(_ request: PlayRequest = PlayRequest(), sink: MediaSink) throws -> StreamSummary {
        let client: RTSPClient
        do {
            client = try RTSPClient(url: url, user: user, password: password, options: options, cancel: signal, logger: logger)
        } catch is RTSPClient.Cancelled {
            return StreamSummary(endReason: .cancelled)
        }
        var aggregate = client.url
        var pipeline: MediaPipeline?
        func summary(_ reason: StreamEndReason) -> StreamSummary {
            var s = StreamSummary(endReason: reason)
            s.bytesReceived = client.bytesReceived
            s.lostBytes = client.lostBytes
            s.keepalivesSent = client.keepalivesSent
            s.unexpectedMessages = client.unexpectedMessages
            s.sessionTimeout = client.sessionTimeout
            if let p = pipeline {
                s.rtpPackets = p.rtpPackets
                s.video = p.video.statistics
                s.audioFrames = p.audioFrames
            }
            return s
        }
        do {
            do {
                try client.optionsRequest()
            } catch let e as StreamingError {
                // OPTIONS is optional for many servers; only a login or connection problem is final
                switch e {
                case .authenticationFailed, .connectionClosed, .responseTimeout, .malformedResponse: throw e
                default: logger.debug("OPTIONS failed: \(e.text(.en))")
                }
            }
            let sdp = try client.describe(requireReplay: request.onvifReplay)
            guard let videoMedia = sdp.video, let codec = videoMedia.codec else {
                throw StreamingError.noSupportedVideo(found: sdp.media.map { "\($0.type) \($0.encoding)" }.joined(separator: ", "))
            }
            if videoMedia.codec == .h264, videoMedia.format["packetization-mode"] == "2" {
                throw StreamingError.unsupportedPacketization("H.264 packetization-mode=2")
            }
            for m in sdp.media where m.type == "audio" && (m.encoding == "PCMU" || m.encoding == "PCMA") {
                logger.info("G.711 audio (\(m.encoding)) is not recorded: MP4 has no place for it that players agree on")
            }
            aggregate = client.aggregateURL(sdp)
            let v = try client.setup(videoMedia, channel: 0, requireReplay: request.onvifReplay)
            var channels = MediaPipeline.Channels(videoRTP: v.rtp, videoRTCP: v.rtcp)
            var aac: AACDepacketizer?
            if request.audio, let audioMedia = sdp.aacAudio, let a = AACDepacketizer(media: audioMedia) {
                do {
                    let ac = try client.setup(audioMedia, channel: 2, requireReplay: request.onvifReplay)
                    channels.audioRTP = ac.rtp
                    channels.audioRTCP = ac.rtcp
                    aac = a
                } catch {
                    logger.info("audio track not set up: \(error)")
                }
            }
            let params = videoMedia.parameterSets
            let depacketizer: VideoDepacketizer = codec == .h264
                ? H264Depacketizer(parameterSets: params)
                : H265Depacketizer(parameterSets: params, usesDONL: (Int(videoMedia.format["sprop-max-don-diff"] ?? "0") ?? 0) > 0)
            let p = MediaPipeline(channels: channels, video: depacketizer, audio: aac, sink: sink)
            pipeline = p
            try sink.streamStarted(StreamStart(codec: codec, sdpParameterSets: params, audio: aac?.format, description: sdp,
                                               sessionTimeout: client.sessionTimeout, url: aggregate.requestURI))
            client.attach(p)  // media that arrives before the PLAY answer is kept
            try client.play(aggregate, request)
            try client.receive(into: p)
            let s = summary(p.endReason ?? .endOfStream)
            client.teardown(aggregate)
            return s
        } catch is RTSPClient.Cancelled {
            pipeline?.end(.cancelled)
            client.teardown(aggregate)
            return summary(.cancelled)
        } catch {
            client.teardown(aggregate)
            if signal.isCancelled { return summary(.cancelled) }
            throw error
        }
    }
}
