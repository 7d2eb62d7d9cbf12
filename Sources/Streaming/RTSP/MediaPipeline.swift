import Foundation

/// Routes interleaved frames to the depacketizers and the sink: video RTP to the H.264/H.265
/// depacketizer, audio RTP to AAC, RTCP to the sender-report clock mapping and BYE detection.
/// The same object runs behind a socket (`RTSPClient`) and in the in-memory benchmark.
public final class MediaPipeline {
    public struct Channels: Sendable, Equatable {
        public var videoRTP: UInt8
        public var videoRTCP: UInt8
        public var audioRTP: UInt8?
        public var audioRTCP: UInt8?
        public init(videoRTP: UInt8 = 0, videoRTCP: UInt8 = 1, audioRTP: UInt8? = nil, audioRTCP: UInt8? = nil) {
            self.videoRTP = videoRTP; self.videoRTCP = videoRTCP; self.audioRTP = audioRTP; self.audioRTCP = audioRTCP
        }
    }

    public let channels: Channels
    public let video: VideoDepacketizer
    public let audio: AACDepacketizer?
    private let sink: MediaSink
    /// Set once the stream is over.
    public private(set) var endReason: StreamEndReason?
    public private(set) var rtpPackets = 0
    public private(set) var audioFrames = 0
    private var senderReport: (ntp: UInt64, rtp: UInt32)?

    public init(channels: Channels, video: VideoDepacketizer, audio: AACDepacketizer?, sink: MediaSink) {
        self.channels = channels
        self.video = video
        self.audio = audio
        self.sink = sink
    }

    /// Handles one interleaved frame. Returns false once the stream has ended.
    @inline(__always)
    public func handle(channel: UInt8, payload: UnsafeRawBufferPointer) throws -> Bool {
        if endReason != nil { return false }
        if channel == channels.videoRTP {
            guard let packet = RTPPacket(payload) else { return true }
            rtpPackets += 1
            try video.push(packet) { au in try deliver(au) }
        } else if channel == channels.videoRTCP {
            let rtcp = RTCPCompound(payload)
            if let sr = rtcp.senderReport { senderReport = (sr.ntp, sr.rtpTimestamp) }
            if rtcp.bye {
                try video.flush { au in try deliver(au) }
                if endReason == nil { endReason = .endOfStream }
            }
        } else if let a = audio, channel == channels.audioRTP {
            guard let packet = RTPPacket(payload) else { return true }
            rtpPackets += 1
            try a.push(packet) { frame in
                audioFrames += 1
                try sink.received(audio: frame)
            }
        }
        return endReason == nil
    }

    /// Hands on the last picture when the stream ends without BYE.
    public func finish() throws {
        if endReason == nil { try video.flush { au in try deliver(au) } }
    }

    /// Ends the stream from outside (cancel).
    public func end(_ reason: StreamEndReason) {
        if endReason == nil { endReason = reason }
    }

    private func deliver(_ au: AccessUnit) throws {
        guard endReason == nil else { return }
        var au = au
        if au.wallClock == nil, let sr = senderReport {
            let delta = Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: au.timestamp) &- sr.rtp))
            au.wallClock = NTPTime.date(sr.ntp).addingTimeInterval(Double(delta) / 90_000)
        }
        let last = au.isLastInRange
        if try sink.received(au) == .stop {
            endReason = .stoppedBySink
        } else if last {
            endReason = .endOfRange
        }
    }
}
