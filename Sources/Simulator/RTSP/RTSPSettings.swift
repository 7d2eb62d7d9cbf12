extension SimulatorConfig {
    /// How the simulator's RTSP server behaves (see `RTSPServer`).
    public struct RTSPSettings: Sendable, Equatable {
        /// Seconds without a request (or RTCP from the client) after which a session is killed:
        /// the connection is closed. Announced as `Session: id;timeout=N`.
        public var sessionTimeout: Int = 60
        /// Concurrent replay sessions served; one more gets `453 Not Enough Bandwidth` (nil = no limit).
        public var replayLimit: Int?
        /// The login the server asks for. `SimulatorConfig.auth == .none` also turns it off.
        public var auth: RTSPAuth = .digest
        /// Digest nonces older than this many seconds are refused with `stale=true` (nil = never).
        public var nonceLifetime: Double?
        /// GET_PARAMETER is neither listed in `Public` nor answered (a Hipcam-like server): keepalive must use OPTIONS.
        public var noGetParameter = false
        /// The SDP also lists a G.711 (PCMU) audio track (no audio is sent): clients must skip it.
        public var g711Audio = false
        /// Replays are sent at this many times real time whatever the client asks (an NVR that
        /// ignores `Rate-Control: no`); nil sends them as the client asks. Tests use it to keep a
        /// download running while they steer it.
        public var replayPace: Double?
        public var faults = RTSPFaults()
        public init() {}
    }

    /// The `WWW-Authenticate` shapes the RTSP server can send (field quirk F8).
    public enum RTSPAuth: String, Sendable, CaseIterable {
        case none
        case basic
        /// RFC 2617: `qop="auth"`, `algorithm=MD5`.
        case digest
        /// RFC 2069: no qop (the answer has no nc/cnonce).
        case digestRFC2069 = "digest-rfc2069"
        /// No `algorithm` parameter (MD5 must be assumed).
        case digestNoAlgorithm = "digest-no-algorithm"
        /// Every parameter unquoted (`realm=VTrack, nonce=abc, qop=auth`).
        case digestUnquoted = "digest-unquoted"
    }

    /// Media faults, to drive every error path of an RTSP client.
    public struct RTSPFaults: Sendable, Equatable {
        /// Close the connection after sending this many bytes of media.
        public var dropAfterBytes: Int?
        /// Stop sending media (connection left open) after this many bytes.
        public var stallAfterBytes: Int?
        /// Hold every replay stream once the server has sent this many bytes of replay media in
        /// all (over every connection), until released (`RTSPServer.hold.release()`; `vtrack-sim`:
        /// SIGUSR1); then on to the next point. See `ReplayHold`.
        public var holdAfterBytes: [Int] = []
        /// Insert 1–300 random bytes between pictures every this many pictures.
        public var garbageEveryPictures: Int?
        /// Insert an unsolicited `RTSP/1.0 400 Bad Request` between pictures every this many pictures.
        public var injectResponseEveryPictures: Int?
        /// Every this many pictures, RTP timestamps jump back by one second.
        public var timestampJumpBackEveryPictures: Int?
        public init() {}
    }
}
