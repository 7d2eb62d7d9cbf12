import Common
import Foundation
import NIOCore
import Streaming

/// One RTSP connection of the simulator: requests, login, one session, and the media it sends
/// (paced or as fast as the socket takes it), with the fault switches. Lives on its channel's
/// event loop only.
final class SimRTSPConnection: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let server: RTSPServer
    private let assets: SimVideoAsset.Library
    private let auth: SimRTSPAuth
    private var inbound = ByteBuffer()
    private var framing = SimRTSPFraming()
    private var context: ChannelHandlerContext?

    // session
    private var sessionID: String?
    private var target: Target?
    private var channels: (rtp: UInt8, rtcp: UInt8) = (0, 1)
    private var holdsReplaySlot = false
    private var lastActivity = NIODeadline.now()
    private var timeoutTask: Scheduled<Void>?

    // streaming
    private var playing = false
    private var paced = true
    private var scale = 1.0
    /// Pictures' pace, × real time: the client's Scale, or the server's forced replay pace.
    private var rate = 1.0
    private var schedule: PictureSchedule?
    private var playCSeq: UInt8 = 0
    private var sequence = UInt16.random(in: 0...UInt16.max)
    private let ssrc = UInt32.random(in: 1...UInt32.max)
    private var rtpBase = UInt32.random(in: 0...0x7FFF_FFFF)
    private var firstWall: Date?
    private var lastRTP: UInt32 = 0
    private var pictures = 0
    private var paceStart = NIODeadline.now()
    private var pacedPictures = 0
    private var mediaBytes = 0
    private var jumpBack: Int64 = 0
    private var stalled = false
    /// Waiting for the server's replay hold to be released (`ReplayHold`).
    private var holding = false
    private var pacedTask: Scheduled<Void>?

    struct Target {
        var asset: SimVideoAsset
        var replayToken: String?
        var path: String
        /// A vendor playback URL (Profile G's `SimVendorPlayback`): its times replace `Range`.
        var vendor: SimVendorPlayback? = nil
    }

    init(server: RTSPServer, assets: SimVideoAsset.Library) {
        self.server = server
        self.assets = assets
        auth = SimRTSPAuth(mode: server.authMode, user: server.config.user, password: server.config.password,
                           algorithm: server.config.digestAlgorithm, nonceLifetime: server.config.rtsp.nonceLifetime)
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        server.record { $0.connections += 1 }
        scheduleTimeoutCheck(context)
    }

    /// Every 250 ms: a session idle for longer than its timeout is killed (connection closed).
    private func scheduleTimeoutCheck(_ context: ChannelHandlerContext) {
        let timeout = Double(server.config.rtsp.sessionTimeout)
        timeoutTask = context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(250)) { [self] in
            guard let ctx = self.context else { return }
            if sessionID != nil, NIODeadline.now() - lastActivity > .milliseconds(Int64(timeout * 1000)) {
                server.record { $0.sessionsTimedOut += 1 }
                ctx.close(promise: nil)
                return
            }
            scheduleTimeoutCheck(ctx)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cleanup()
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        cleanup()
        context.fireChannelInactive()
    }

    private func cleanup() {
        timeoutTask?.cancel()
        timeoutTask = nil
        pacedTask?.cancel()
        playing = false
        if holdsReplaySlot {
            holdsReplaySlot = false
            server.releaseReplay()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buf = unwrapInboundIn(data)
        inbound.writeBuffer(&buf)
        while let done = parseOne(context: context), done {}
        if inbound.readerIndex > 64 * 1024 { inbound.discardReadBytes() }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable && playing && !paced { pump() }
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    /// Consumes one request or client frame from `inbound` (`SimRTSPFraming`); nil when more
    /// bytes are needed.
    private func parseOne(context: ChannelHandlerContext) -> Bool? {
        switch framing.next(inbound.readableBytesView) {
        case .needMore:
            return nil
        case .tooLong:
            context.close(promise: nil)
            return nil
        case .clientFrame(let length):  // RTCP from the client: counts as activity
            inbound.moveReaderIndex(forwardBy: length)
            lastActivity = .now()
            return true
        case .badHead(let length):
            inbound.moveReaderIndex(forwardBy: length)
            respond(status: 400, reason: "Bad Request", cseq: "0")
            return true
        case .request(let request, let length):
            inbound.moveReaderIndex(forwardBy: length)
            handle(request)
            return true
        }
    }

    // MARK: Requests

    private func handle(_ r: SimRTSPRequest) {
        let deafKeepalive = r.method == "GET_PARAMETER" && server.config.rtsp.noGetParameter
        if !deafKeepalive { lastActivity = .now() }
        server.record { s in
            s.requests[r.method, default: 0] += 1
            for name in ["Require", "Range", "Rate-Control", "Scale", "Session"] {
                if let v = r.headers[name] { s.requestLog.append("\(r.method) \(name): \(v)") }
            }
        }
        if deafKeepalive { return }  // a server that never answers GET_PARAMETER
        if case .challenge(let stale) = auth.check(r) {
            server.record { $0.authFailures += 1 }
            respond(status: 401, reason: "Unauthorized", cseq: r.cseq, headers: auth.challenges(stale: stale).map { ("WWW-Authenticate", $0) })
            return
        }
        if r.headers["Require"] != nil {
            let wanted = r.headers["Require"]!.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if !server.config.profileG || wanted.contains(where: { $0 != "onvif-replay" }) {
                respond(status: 551, reason: "Option not supported", cseq: r.cseq, headers: [("Unsupported", r.headers["Require"]!)])
                return
            }
        }
        // Session checks for everything after SETUP (F7: an id with parameters is not ours)
        if ["PLAY", "PAUSE", "TEARDOWN"].contains(r.method) || (r.method == "SETUP" && r.headers["Session"] != nil) {
            guard let s = r.headers["Session"], s == sessionID else {
                respond(status: 454, reason: "Session Not Found", cseq: r.cseq)
                return
            }
        }
        switch r.method {
        case "OPTIONS":
            var methods = "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, SET_PARAMETER"
            if !server.config.rtsp.noGetParameter { methods += ", GET_PARAMETER" }
            respond(status: 200, reason: "OK", cseq: r.cseq, headers: [("Public", methods)])
        case "DESCRIBE": describe(r)
        case "SETUP": setup(r)
        case "PLAY": play(r)
        case "PAUSE":
            playing = false
            pacedTask?.cancel()
            respond(status: 200, reason: "OK", cseq: r.cseq)
        case "GET_PARAMETER", "SET_PARAMETER":
            respond(status: 200, reason: "OK", cseq: r.cseq)
        case "TEARDOWN":
            server.record { $0.teardowns += 1 }
            respond(status: 200, reason: "OK", cseq: r.cseq)
            cleanup()
            sessionID = nil
            context?.close(promise: nil)
        default:
            respond(status: 501, reason: "Not Implemented", cseq: r.cseq)
        }
    }

    /// The asset and recording a path names, or nil for 404.
    private func resolve(_ r: SimRTSPRequest) -> Target? {
        var path = r.pathAndQuery.path
        if let t = path.range(of: "/trackID=", options: .backwards) { path = String(path[..<t.lowerBound]) }
        let parts = path.split(separator: "/").map(String.init)
        if parts.count == 3, parts[0] == "live" {
            for c in server.model.channels {
                if c.main.rtspPath == path { return Target(asset: assets.forProfile(c.main), replayToken: nil, path: path) }
                if c.sub.rtspPath == path { return Target(asset: assets.forProfile(c.sub), replayToken: nil, path: path) }
            }
            return nil
        }
        if parts.count == 2 || (parts.count == 3 && parts[2] == "sub"), parts[0] == "replay", server.config.profileG,
           let c = server.model.channel(recordingToken: parts[1]) {
            let profile = parts.count == 3 || server.config.recordings.recordSubStreams ? c.sub : c.main
            return Target(asset: assets.forProfile(profile), replayToken: c.recordingToken, path: path)
        }
        // Hikvision / Dahua playback URLs when posing as that vendor (with or without Profile G)
        if let vendor = server.config.vendor, let v = SimVendorPlayback.parse(r.uri, vendor: vendor),
           let c = SimVendorPlayback.channel(v.channel, in: server.model) {
            let profile = v.subStream ? c.sub : c.main
            return Target(asset: assets.forProfile(profile), replayToken: c.recordingToken, path: path, vendor: v)
        }
        return nil
    }

    private func describe(_ r: SimRTSPRequest) {
        guard let t = resolve(r) else { respond(status: 404, reason: "Not Found", cseq: r.cseq); return }
        let host = server.config.host == "0.0.0.0" ? "127.0.0.1" : server.config.host
        var sdp = "v=0\r\no=- \(UInt32.random(in: 1...UInt32.max)) 1 IN IP4 \(host)\r\ns=VTrack simulator\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\na=control:*\r\n"
        if let token = t.replayToken, let span = server.footage.span(recordingToken: token) {
            sdp += "a=range:clock=\(UTC.compact(span.start))-\(UTC.compact(span.end))\r\n"
        } else {
            sdp += "a=range:npt=0-\r\n"
        }
        let ps = t.asset.parameterSets
        func b64(_ b: [UInt8]?) -> String { Data(b ?? []).base64EncodedString() }
        sdp += "m=video 0 RTP/AVP 96\r\n"
        if t.asset.codec == .h264 {
            let sps = ps.sps ?? [0, 0x42, 0, 0x1E]
            let pli = String(format: "%02X%02X%02X", sps[1], sps[2], sps[3])
            sdp += "a=rtpmap:96 H264/90000\r\na=fmtp:96 packetization-mode=1;profile-level-id=\(pli);sprop-parameter-sets=\(b64(ps.sps)),\(b64(ps.pps))\r\n"
        } else {
            sdp += "a=rtpmap:96 H265/90000\r\na=fmtp:96 sprop-vps=\(b64(ps.vps));sprop-sps=\(b64(ps.sps));sprop-pps=\(b64(ps.pps))\r\n"
        }
        sdp += "a=framerate:\(t.asset.fps)\r\na=control:trackID=0\r\n"
        if t.replayToken != nil { sdp += "a=x-onvif-track:VIDEO001\r\n" }
        sdp += "a=recvonly\r\n"
        if server.config.rtsp.g711Audio { sdp += "m=audio 0 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=control:trackID=1\r\na=recvonly\r\n" }
        let query = r.pathAndQuery.query
        let base = "\(server.baseURL)\(t.path)\(query.isEmpty ? "" : "?" + query)/"
        respond(status: 200, reason: "OK", cseq: r.cseq, headers: [("Content-Base", base), ("Content-Type", "application/sdp")], body: Array(sdp.utf8))
    }

    private func setup(_ r: SimRTSPRequest) {
        guard let t = resolve(r) else { respond(status: 404, reason: "Not Found", cseq: r.cseq); return }
        let transport = r.headers["Transport"] ?? ""
        guard transport.uppercased().contains("RTP/AVP/TCP") else {
            respond(status: 461, reason: "Unsupported Transport", cseq: r.cseq)
            return
        }
        if let range = transport.range(of: "interleaved=") {
            let v = transport[range.upperBound...].prefix { $0 != ";" }
            let nums = v.split(separator: "-").compactMap { UInt8($0) }
            if let a = nums.first { channels = (a, nums.count > 1 ? nums[1] : a &+ 1) }
        }
        if t.replayToken != nil && !holdsReplaySlot {
            guard server.acquireReplay() else {
                respond(status: 453, reason: "Not Enough Bandwidth", cseq: r.cseq)
                return
            }
            holdsReplaySlot = true
        }
        target = t
        if sessionID == nil { sessionID = String(format: "%08X%08X", UInt32.random(in: 0...UInt32.max), UInt32.random(in: 0...UInt32.max)) }
        respond(status: 200, reason: "OK", cseq: r.cseq, headers: [
            ("Transport", "RTP/AVP/TCP;unicast;interleaved=\(channels.rtp)-\(channels.rtcp);ssrc=\(String(format: "%08X", ssrc))"),
            ("Session", "\(sessionID!);timeout=\(server.config.rtsp.sessionTimeout)"),
        ])
    }

    private func play(_ r: SimRTSPRequest) {
        guard let t = target else { respond(status: 455, reason: "Method Not Valid in This State", cseq: r.cseq); return }
        if playing || (schedule != nil && r.headers["Range"] == nil) {
            // resume after PAUSE (or a second PLAY): carry on where we were
            respond(status: 200, reason: "OK", cseq: r.cseq, headers: [("Session", sessionID!)])
            startSending()
            return
        }
        let replay = t.replayToken != nil && r.headers["Require"]?.lowercased().contains("onvif-replay") == true
        scale = max(0.1, min(16, Double(r.headers["Scale"] ?? "1") ?? 1))
        rate = scale
        var responseRange = "npt=0.000-"
        if let token = t.replayToken {
            guard let span = server.footage.span(recordingToken: token) else { respond(status: 404, reason: "Not Found", cseq: r.cseq); return }
            var start = span.start, end = span.end
            if let v = t.vendor {
                // the URL's times; Hikvision keeps playing past endtime (F4), Dahua stops there
                start = v.start
                if v.stopsAtEnd, let e = v.end { end = min(e, span.end) }
            } else if replay, let range = r.headers["Range"] {
                // F1: without Require the Range is ignored and the recording plays from its start
                guard let parsed = SimRTSPConnection.parseClockRange(range) else {
                    respond(status: 457, reason: "Invalid Range", cseq: r.cseq)
                    return
                }
                start = parsed.start
                if let e = parsed.end { end = min(e, span.end) }
            }
            let segments = server.footage.footage(recordingToken: token, from: start, to: end)
            guard !segments.isEmpty, start < end else { respond(status: 457, reason: "Invalid Range", cseq: r.cseq); return }
            schedule = .replay(t.asset, segments: segments, start: start, end: end)
            paced = !(r.headers["Rate-Control"]?.lowercased() == "no") || server.config.rtsp.replayPace != nil
            if let pace = server.config.rtsp.replayPace { rate = max(0.1, pace) }
            responseRange = "clock=\(UTC.compact(start))-\(UTC.compact(end))"
        } else {
            schedule = .live(t.asset, start: Date())
            paced = true
        }
        playCSeq = UInt8(truncatingIfNeeded: Int(r.cseq) ?? 0)
        var headers = [("Session", sessionID!), ("Range", responseRange),
                       ("RTP-Info", "url=\(server.baseURL)\(t.path)/trackID=0;seq=\(sequence);rtptime=\(rtpBase)")]
        if r.headers["Scale"] != nil { headers.append(("Scale", String(format: "%.1f", scale))) }
        if let rc = r.headers["Rate-Control"] { headers.append(("Rate-Control", rc)) }
        respond(status: 200, reason: "OK", cseq: r.cseq, headers: headers)
        server.record { [paced, scale] in $0.plays.append(RTSPServer.Play(path: t.path, paced: paced, scale: scale)) }
        startSending()
    }

    /// `clock=YYYYMMDDThhmmss[.fff]Z-[YYYYMMDDThhmmss[.fff]Z]` only (strict, like picky NVRs).
    static func parseClockRange(_ value: String) -> (start: Date, end: Date?)? {
        let v = value.trimmingCharacters(in: .whitespaces)
        guard v.hasPrefix("clock=") else { return nil }
        let parts = v.dropFirst(6).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        func strict(_ s: Substring) -> Date? {
            let ok = s.count >= 16 && s.hasSuffix("Z") && s.dropFirst(8).first == "T" && s.prefix(8).allSatisfy(\.isNumber)
            return ok ? UTC.parse(String(s)) : nil
        }
        guard parts.count == 2, let start = strict(parts[0]) else { return nil }
        if parts[1].isEmpty { return (start, nil) }
        guard let end = strict(parts[1]) else { return nil }
        return (start, end)
    }

    // MARK: Media

    private func startSending() {
        guard let context, schedule != nil else { return }
        playing = true
        paceStart = .now()
        pacedPictures = 0
        if paced {
            schedulePaced(context)
        } else {
            context.eventLoop.assumeIsolated().execute { self.pump() }
        }
    }

    private func schedulePaced(_ context: ChannelHandlerContext) {
        guard playing, let fps = target?.asset.fps else { return }
        let due = paceStart + .nanoseconds(Int64(Double(pacedPictures) * 1e9 / Double(fps) / rate))
        pacedTask = context.eventLoop.assumeIsolated().scheduleTask(deadline: due) { [self] in
            guard playing, let ctx = self.context else { return }
            pacedPictures += 1
            if sendPicture(ctx) { ctx.flush(); schedulePaced(ctx) } else { ctx.flush() }
        }
    }

    /// The replay hold was released: the stream goes on (a paced one from now).
    private func resumeAfterHold() {
        guard holding, let ctx = context else { return }
        holding = false
        guard playing else { return }
        if paced {
            paceStart = .now()
            pacedPictures = 0
            schedulePaced(ctx)
        } else {
            pump()
        }
    }

    private func pump() {
        guard playing, !paced, let ctx = context else { return }
        var budget = 64
        while playing && budget > 0 && ctx.channel.isWritable {
            if !sendPicture(ctx) { break }
            budget -= 1
        }
        ctx.flush()
        if playing && !holding && ctx.channel.isWritable {
            ctx.eventLoop.assumeIsolated().execute { self.pump() }
        }
    }

    /// Sends the next picture; false when the stream is over (or stalled).
    private func sendPicture(_ ctx: ChannelHandlerContext) -> Bool {
        let faults = server.config.rtsp.faults
        if let s = faults.stallAfterBytes, mediaBytes >= s {
            stalled = true  // the connection stays open, answering requests, but no media comes
        }
        if stalled {
            playing = false
            return false
        }
        if target?.replayToken != nil, !holding {
            let loop = ctx.eventLoop
            let me = NIOLoopBound(self, eventLoop: loop)
            let wake: @Sendable () -> Void = { loop.execute { me.value.resumeAfterHold() } }
            if server.hold.shouldWait(wake) {
                holding = true
                return false
            }
        }
        if holding { return false }
        guard var sched = schedule, let asset = target?.asset, let item = sched.next() else {
            playing = false
            return false
        }
        schedule = sched
        let first = firstWall ?? item.wallClock
        firstWall = first
        if let every = faults.timestampJumpBackEveryPictures, pictures > 0, pictures % every == 0 { jumpBack += 90_000 }
        let ticks = Int64((item.wallClock.timeIntervalSince(first) * 90_000).rounded()) - jumpBack
        let ts = rtpBase &+ UInt32(truncatingIfNeeded: ticks)
        lastRTP = ts
        let picture = asset.pictures[item.assetIndex]
        let replay = target?.replayToken != nil
        var buf = ctx.channel.allocator.buffer(capacity: picture.bytes + picture.payloads.count * 36 + 64)
        if pictures % 125 == 0 {
            writeFrame(&buf, channel: channels.rtcp, RTCPBuilder.senderReport(ssrc: ssrc, ntp: NTPTime.ntp(item.wallClock), rtpTimestamp: ts,
                                                                              packets: UInt32(truncatingIfNeeded: pictures), octets: UInt32(truncatingIfNeeded: mediaBytes)))
        }
        let n = picture.payloads.count
        for (k, payload) in picture.payloads.enumerated() {
            let isLast = k == n - 1
            var ext: ONVIFReplayExtension?
            if replay && (k == 0 || (isLast && (item.isLast || item.endOfSection))) {
                ext = ONVIFReplayExtension(ntpTimestamp: NTPTime.ntp(item.wallClock), cleanPoint: picture.isKeyframe && k == 0,
                                           endOfSection: isLast && item.endOfSection, discontinuity: item.discontinuity && k == 0,
                                           terminal: isLast && item.isLast, cseq: playCSeq)
            }
            let length = 12 + (ext == nil ? 0 : 16) + payload.count
            buf.writeInteger(UInt8(0x24))
            buf.writeInteger(channels.rtp)
            buf.writeInteger(UInt16(length))
            buf.writeInteger(UInt8(ext == nil ? 0x80 : 0x90))
            buf.writeInteger(UInt8(isLast ? 0x80 | 96 : 96))
            buf.writeInteger(sequence)
            buf.writeInteger(ts)
            buf.writeInteger(ssrc)
            if let e = ext { buf.writeBytes(e.wireBytes) }
            buf.writeBytes(payload)
            sequence &+= 1
        }
        pictures += 1
        if let every = faults.garbageEveryPictures, pictures % every == 0 {
            buf.writeBytes((0..<Int.random(in: 1...300)).map { _ in UInt8.random(in: 0...255) })
        }
        if let every = faults.injectResponseEveryPictures, pictures % every == 0 {
            buf.writeString("RTSP/1.0 400 Bad Request\r\nCSeq: 9999\r\n\r\n")
        }
        if item.isLast {
            writeFrame(&buf, channel: channels.rtcp, RTCPBuilder.bye(ssrc: ssrc))
            playing = false
        }
        mediaBytes += buf.readableBytes
        if replay { server.hold.sent(buf.readableBytes) }
        if let drop = faults.dropAfterBytes, mediaBytes >= drop {
            let keep = buf.readableBytes - (mediaBytes - drop)
            ctx.writeAndFlush(wrapOutboundOut(buf.getSlice(at: buf.readerIndex, length: max(0, keep)) ?? buf), promise: nil)
            ctx.close(promise: nil)
            playing = false
            return false
        }
        ctx.write(wrapOutboundOut(buf), promise: nil)
        return playing
    }

    private func writeFrame(_ buf: inout ByteBuffer, channel: UInt8, _ bytes: [UInt8]) {
        buf.writeInteger(UInt8(0x24))
        buf.writeInteger(channel)
        buf.writeInteger(UInt16(bytes.count))
        buf.writeBytes(bytes)
    }

    // MARK: Responses

    private func respond(status: Int, reason: String, cseq: String, headers: [(String, String)] = [], body: [UInt8] = []) {
        guard let context else { return }
        var text = "RTSP/1.0 \(status) \(reason)\r\nCSeq: \(cseq)\r\nServer: VTrack-Sim\r\n"
        for (k, v) in headers { text += "\(k): \(v)\r\n" }
        if !body.isEmpty { text += "Content-Length: \(body.count)\r\n" }
        text += "\r\n"
        var buf = context.channel.allocator.buffer(capacity: text.utf8.count + body.count)
        buf.writeString(text)
        buf.writeBytes(body)
        context.writeAndFlush(wrapOutboundOut(buf), promise: nil)
    }
}
