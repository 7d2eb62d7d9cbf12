import Common
import Foundation
import Logging

/// A blocking RTSP/1.0 client over one TCP connection (RFC 2326), media interleaved on the same
/// connection. Run it on one background thread; stop it from any thread with its
/// `CancelSignal`. Credentials go only into `Authorization` headers, never into request URIs.
///
/// Most callers want `RTSPSession`, which runs the whole OPTIONS → TEARDOWN sequence.
public final class RTSPClient {
    /// The address being played (no user info in requests).
    public let url: RTSPURL
    public let options: RTSPOptions
    /// Methods from the server's `Public` header (upper-cased).
    public private(set) var publicMethods: Set<String> = []
    /// Session id, without `;timeout=`.
    public private(set) var sessionID: String?
    /// Session timeout in seconds (60 when the server gives none).
    public private(set) var sessionTimeout = 60
    /// Base for `a=control` (Content-Base, Content-Location or the DESCRIBE URL).
    public private(set) var baseURL: RTSPURL
    /// Called with every chunk read from the socket (a capture tap for tools; nil normally).
    public var onBytes: ((UnsafeRawBufferPointer) -> Void)?
    public private(set) var keepalivesSent = 0
    public private(set) var unexpectedMessages = 0

    private let socket: TCPSocket
    private let reader = InterleavedReader()
    private let cancel: CancelSignal
    private let logger: Logger
    private var cseq = 0
    private var auth: RTSPAuthenticator?
    private var pipeline: MediaPipeline?
    private var lastMedia = MonotonicClock.now()
    private var nextKeepalive = Double.infinity
    private var closed = false

    /// Thrown internally when the cancel signal fires.
    struct Cancelled: Error {}

    /// Connects. `user`/`password` override the URL's user info.
    public init(url: RTSPURL, user: String? = nil, password: String? = nil, options: RTSPOptions = RTSPOptions(),
                cancel: CancelSignal = CancelSignal(), logger: Logger = Logger(label: "vtrack.streaming")) throws {
        var u = url
        if let user { u.user = user }
        if let password { u.password = password }
        self.url = u
        self.options = options
        self.cancel = cancel
        self.logger = logger
        baseURL = u
        if cancel.isCancelled { throw Cancelled() }
        socket = try TCPSocket(host: u.host, port: u.port, timeout: options.connectTimeout, cancel: cancel)
        if cancel.isCancelled { throw Cancelled() }
    }

    deinit { socket.close() }

    /// Bytes taken from the socket.
    public var bytesReceived: Int { reader.bytesIn }
    /// Bytes the interleaved framing had to skip.
    public var lostBytes: Int { reader.lostBytes }

    // MARK: Methods

    /// OPTIONS (never with `Require`): learns the `Public` methods.
    @discardableResult
    public func optionsRequest() throws -> RTSPResponse {
        let r = try request("OPTIONS", url)
        if let p = r.headers["Public"] {
            publicMethods = Set(p.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() })
        }
        return r
    }

    /// DESCRIBE: the SDP, and the base URL for controls.
    public func describe(requireReplay: Bool) throws -> SessionDescription {
        var h: [(String, String)] = [("Accept", "application/sdp")]
        if requireReplay { h.append(("Require", "onvif-replay")) }
        let r = try request("DESCRIBE", url, h)
        if let b = r.headers["Content-Base"].flatMap(RTSPURL.init) ?? r.headers["Content-Location"].flatMap(RTSPURL.init) {
            var base = b
            base.user = url.user; base.password = url.password
            baseURL = base
        }
        return SessionDescription(String(decoding: r.body, as: UTF8.self))
    }

    /// The URL of a media section's control (resolved against the base).
    public func controlURL(_ media: SessionDescription.Media) -> RTSPURL {
        baseURL.resolving(control: media.control ?? "")
    }

    /// The aggregate URL for PLAY/PAUSE/TEARDOWN.
    public func aggregateURL(_ sdp: SessionDescription) -> RTSPURL {
        baseURL.resolving(control: sdp.control ?? "")
    }

    /// SETUP over TCP interleaved; returns the channels the server chose (or the requested ones).
    public func setup(_ media: SessionDescription.Media, channel: UInt8, requireReplay: Bool) throws -> (rtp: UInt8, rtcp: UInt8) {
        var h: [(String, String)] = [("Transport", "RTP/AVP/TCP;unicast;interleaved=\(channel)-\(channel + 1)")]
        if requireReplay { h.append(("Require", "onvif-replay")) }
        let r = try request("SETUP", controlURL(media), h)
        if let s = r.headers["Session"] {
            let session = RTSPClient.session(s)
            sessionID = session.id
            if let t = session.timeout { sessionTimeout = t }
        }
        let chosen = r.headers["Transport"].map { RTSPClient.interleavedChannels($0, requested: channel) } ?? (channel, channel &+ 1)
        reader.expect(rtp: chosen.0, rtcp: chosen.1, payloadType: media.payloadType)
        return chosen
    }

    /// A `Session` header: the id (without parameters) and a positive `timeout=`.
    static func session(_ s: String) -> (id: String?, timeout: Int?) {
        let parts = s.split(separator: ";")
        var timeout: Int?
        for p in parts.dropFirst() {
            let kv = p.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "timeout",
               let t = Int(kv[1].trimmingCharacters(in: .whitespaces)), t > 0 {
                timeout = t
            }
        }
        return (parts.first.map { $0.trimmingCharacters(in: .whitespaces) }, timeout)
    }

    /// The interleaved channels a SETUP answer's `Transport` names (G2), or the requested ones.
    static func interleavedChannels(_ t: String, requested channel: UInt8) -> (rtp: UInt8, rtcp: UInt8) {
        guard let range = t.range(of: "interleaved=") else { return (channel, channel &+ 1) }
        let v = t[range.upperBound...].prefix { $0 != ";" && $0 != "," }
        let nums = v.split(separator: "-").compactMap { UInt8($0.trimmingCharacters(in: .whitespaces)) }
        guard let first = nums.first else { return (channel, channel &+ 1) }
        return (first, nums.count > 1 ? nums[1] : first &+ 1)
    }

    /// PLAY with the request's `Range`, `Rate-Control`, `Scale` and `Require` headers.
    @discardableResult
    public func play(_ aggregate: RTSPURL, _ req: PlayRequest) throws -> RTSPResponse {
        var h: [(String, String)] = []
        if let r = req.range { h.append(("Range", r.headerValue)) }
        if req.rateControl == false { h.append(("Rate-Control", "no")) }
        if let s = req.scale { h.append(("Scale", String(format: "%.1f", s))) }
        if req.onvifReplay { h.append(("Require", "onvif-replay")) }
        let r = try request("PLAY", aggregate, h)
        lastMedia = MonotonicClock.now()
        nextKeepalive = lastMedia + keepaliveInterval
        return r
    }

    /// PAUSE (media that still arrives before the answer goes to the pipeline).
    @discardableResult
    public func pause(_ aggregate: RTSPURL) throws -> RTSPResponse {
        try request("PAUSE", aggregate)
    }

    /// GET_PARAMETER with an empty body (a keepalive that waits for its answer).
    @discardableResult
    public func getParameter(_ aggregate: RTSPURL) throws -> RTSPResponse {
        try request("GET_PARAMETER", aggregate)
    }

    /// TEARDOWN, best effort (short timeout, errors ignored), then closes the connection.
    public func teardown(_ aggregate: RTSPURL) {
        defer { close() }
        guard !closed, sessionID != nil else { return }
        cseq += 1
        var text = "TEARDOWN \(aggregate.requestURI) RTSP/1.0\r\nCSeq: \(cseq)\r\nUser-Agent: \(options.userAgent)\r\n"
        if let s = sessionID { text += "Session: \(s)\r\n" }
        if let a = auth?.authorization(method: "TEARDOWN", uri: aggregate.requestURI) { text += "Authorization: \(a)\r\n" }
        text += "\r\n"
        _ = socket.send(Array(text.utf8), timeout: 1)
        logger.debug("RTSP TEARDOWN \(aggregate.requestURI)")
        sessionID = nil
    }

    public func close() {
        closed = true
        socket.close()
    }

    private var keepaliveInterval: Double {
        options.keepaliveInterval ?? max(0.5, Double(sessionTimeout) / 2)
    }

    // MARK: Streaming

    /// Routes media frames that arrive while waiting for answers (e.g. before the PLAY answer, or
    /// during PAUSE) to `pipeline` instead of dropping them.
    public func attach(_ pipeline: MediaPipeline) { self.pipeline = pipeline }

    /// Reads media into `pipeline` until it ends (BYE, T flag, sink stop) or fails: connection
    /// closed, stalled, cancelled. Sends keepalives on time, even while data pours in.
    public func receive(into pipeline: MediaPipeline) throws {
        self.pipeline = pipeline
        let stall = options.stallTimeout
        while true {
            var gotFrame = false
            while let item = reader.next() {
                switch item {
                case .frame(let ch, let payload):
                    gotFrame = true
                    if try !pipeline.handle(channel: ch, payload: payload) { return }
                case .message(let m):
                    if m.method != nil || m.cseq == nil || m.cseq! > cseq { unexpectedMessages += 1 }
                }
            }
            let now = MonotonicClock.now()
            if gotFrame { lastMedia = now }
            if now >= nextKeepalive {
                sendKeepalive()
                nextKeepalive = now + keepaliveInterval
            }
            let space = reader.writableSpace()
            let n = socket.receive(into: space)
            if n > 0 {
                onBytes?(UnsafeRawBufferPointer(rebasing: space[..<n]))
                reader.didWrite(n)
                // a bulk read never waits on the socket: look at the cancel signal here too
                if cancel.isCancelled {
                    pipeline.end(.cancelled)
                    throw Cancelled()
                }
                continue
            }
            if n == 0 {
                try pipeline.finish()
                if pipeline.endReason != nil { return }
                throw StreamingError.connectionClosed
            }
            let wait = min(stall - (now - lastMedia), nextKeepalive - now)
            switch socket.wait(events: Int16(POLLIN), timeout: max(0.001, wait)) {
            case .cancelled:
                pipeline.end(.cancelled)
                throw Cancelled()
            case .timeout:
                if MonotonicClock.now() - lastMedia >= stall { throw StreamingError.stalled(seconds: stall) }
            case .ready:
                break
            }
        }
    }

    private func sendKeepalive() {
        guard let s = sessionID else { return }
        let method = publicMethods.contains("GET_PARAMETER") ? "GET_PARAMETER" : "OPTIONS"
        let target = method == "OPTIONS" ? url : baseURL
        cseq += 1
        var text = "\(method) \(target.requestURI) RTSP/1.0\r\nCSeq: \(cseq)\r\nUser-Agent: \(options.userAgent)\r\nSession: \(s)\r\n"
        if let a = auth?.authorization(method: method, uri: target.requestURI) { text += "Authorization: \(a)\r\n" }
        text += "\r\n"
        if socket.send(Array(text.utf8), timeout: options.responseTimeout) { keepalivesSent += 1 }
        logger.debug("RTSP keepalive \(method)")
    }

    // MARK: Requests

    /// Sends a request and waits for its answer, answering auth challenges (bounded retries).
    /// Maps failures to `StreamingError`.
    @discardableResult
    func request(_ method: String, _ target: RTSPURL, _ headers: [(String, String)] = []) throws -> RTSPResponse {
        let uri = target.requestURI
        for _ in 0..<4 {
            cseq += 1
            var text = "\(method) \(uri) RTSP/1.0\r\nCSeq: \(cseq)\r\nUser-Agent: \(options.userAgent)\r\n"
            if let s = sessionID { text += "Session: \(s)\r\n" }
            if let a = auth?.authorization(method: method, uri: uri) { text += "Authorization: \(a)\r\n" }
            for (k, v) in headers { text += "\(k): \(v)\r\n" }
            text += "\r\n"
            logger.debug("RTSP \(method) \(uri)")
            guard socket.send(Array(text.utf8), timeout: options.responseTimeout) else {
                if cancel.isCancelled { throw Cancelled() }
                throw StreamingError.connectionClosed
            }
            let r = try waitResponse(method: method, cseq: cseq)
            if r.status == 401 {
                guard let user = url.user, let password = url.password else {
                    throw StreamingError.authenticationFailed(user: url.user)
                }
                if auth == nil { auth = RTSPAuthenticator(user: user, password: password) }
                if auth!.accept(r.headers.all("WWW-Authenticate")) { continue }
                throw StreamingError.authenticationFailed(user: user)
            }
            switch r.status {
            case 200..<300: return r
            case 404: throw StreamingError.notFound(uri: uri)
            case 453: throw StreamingError.tooManySessions
            case 454: throw method == "DESCRIBE" ? StreamingError.notFound(uri: uri) : StreamingError.sessionExpired
            case 551: throw StreamingError.replayNotSupported
            default: throw StreamingError.serverError(method: method, status: r.status, reason: r.reason)
            }
        }
        throw StreamingError.authenticationFailed(user: url.user)
    }

    private func waitResponse(method: String, cseq: Int) throws -> RTSPResponse {
        let deadline = MonotonicClock.now() + options.responseTimeout
        while true {
            while let item = reader.next() {
                switch item {
                case .frame(let ch, let payload):
                    if let p = pipeline { _ = try p.handle(channel: ch, payload: payload) }
                case .message(let m):
                    if m.method == nil && (m.cseq == cseq || m.cseq == nil) { return m }
                    unexpectedMessages += 1
                }
            }
            let space = reader.writableSpace()
            let n = socket.receive(into: space)
            if n > 0 {
                onBytes?(UnsafeRawBufferPointer(rebasing: space[..<n]))
                reader.didWrite(n)
                continue
            }
            if n == 0 {
                if reader.bytesIn == 0 && method == "OPTIONS" {
                    throw StreamingError.malformedResponse("connection closed before any answer")
                }
                throw StreamingError.connectionClosed
            }
            let left = deadline - MonotonicClock.now()
            if left <= 0 { throw StreamingError.responseTimeout(method: method, seconds: options.responseTimeout) }
            switch socket.wait(events: Int16(POLLIN), timeout: left) {
            case .cancelled: throw Cancelled()
            case .timeout: throw StreamingError.responseTimeout(method: method, seconds: options.responseTimeout)
            case .ready: break
            }
        }
    }
}
