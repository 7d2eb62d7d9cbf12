import Common
import Foundation
import Logging

/// One live video session for pictures (key frame, live view): OPTIONS, DESCRIBE, SETUP of the
/// video only, PLAY, access units to a closure until it says stop, TEARDOWN — also after an
/// error or a cancel. Counts the bytes read and cancels itself past `maxBytes`.
final class VideoStreamRun {
    let url: RTSPURL
    let options: RTSPOptions
    let signal: CancelSignal
    let maxBytes: Int
    private let logger: Logger
    private(set) var bytesReceived = 0
    private(set) var overCap = false

    init(url: RTSPURL, options: RTSPOptions, signal: CancelSignal, maxBytes: Int = .max, logger: Logger) {
        self.url = url; self.options = options; self.signal = signal; self.maxBytes = maxBytes; self.logger = logger
    }

    /// Forwards access units to a closure.
    private final class ClosureSink: MediaSink {
        let body: (AccessUnit) throws -> SinkDecision
        init(_ body: @escaping (AccessUnit) throws -> SinkDecision) { self.body = body }
        func received(_ accessUnit: AccessUnit) throws -> SinkDecision { try body(accessUnit) }
    }

    /// Runs on the calling thread until `onAccessUnit` says stop, the stream ends, or `signal`
    /// is cancelled (then `.cancelled`). Throws `StreamingError` or what the closure throws.
    func run(onAccessUnit: @escaping (AccessUnit) throws -> SinkDecision) throws -> StreamEndReason {
        let client: RTSPClient
        do {
            client = try RTSPClient(url: url, options: options, cancel: signal, logger: logger)
        } catch is RTSPClient.Cancelled {
            return .cancelled
        }
        client.onBytes = { [unowned self] chunk in
            bytesReceived += chunk.count
            if bytesReceived > maxBytes, !overCap {
                overCap = true
                signal.cancel()
            }
        }
        var aggregate = client.url
        do {
            do {
                try client.optionsRequest()
            } catch let e as StreamingError {
                switch e {
                case .authenticationFailed, .connectionClosed, .responseTimeout, .malformedResponse: throw e
                default: logger.debug("OPTIONS failed: \(e.text(.en))")
                }
            }
            let sdp = try client.describe(requireReplay: false)
            guard let media = sdp.video, let codec = media.codec else {
                throw StreamingError.noSupportedVideo(found: sdp.media.map { "\($0.type) \($0.encoding)" }.joined(separator: ", "))
            }
            if codec == .h264, media.format["packetization-mode"] == "2" {
                throw StreamingError.unsupportedPacketization("H.264 packetization-mode=2")
            }
            aggregate = client.aggregateURL(sdp)
            let channels = try client.setup(media, channel: 0, requireReplay: false)
            let params = media.parameterSets
            let depacketizer: VideoDepacketizer = codec == .h264
                ? H264Depacketizer(parameterSets: params)
                : H265Depacketizer(parameterSets: params, usesDONL: (Int(media.format["sprop-max-don-diff"] ?? "0") ?? 0) > 0)
            let pipeline = MediaPipeline(channels: .init(videoRTP: channels.rtp, videoRTCP: channels.rtcp), video: depacketizer,
                                         audio: nil, sink: ClosureSink(onAccessUnit))
            client.attach(pipeline)
            try client.play(aggregate, PlayRequest(onvifReplay: false, range: nil, rateControl: nil))
            try client.receive(into: pipeline)
            client.teardown(aggregate)
            return pipeline.endReason ?? .endOfStream
        } catch is RTSPClient.Cancelled {
            client.teardown(aggregate)
            return .cancelled
        } catch {
            client.teardown(aggregate)
            if signal.isCancelled { return .cancelled }
            throw error
        }
    }
}
