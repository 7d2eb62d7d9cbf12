import ArgumentParser
import Simulator

/// `vtrack-sim` flags for the RTSP server: port, login shape, session timeout, replay limit and
/// the media fault switches (see `SimulatorConfig.RTSPSettings`).
struct RTSPFlags: ParsableArguments {
    @Option(name: .customLong("rtsp-port"), help: "RTSP port; 0 picks a free port.") var rtspPort = 0
    @Option(name: .customLong("rtsp-auth"), help: "RTSP login: none, basic, digest, digest-rfc2069, digest-no-algorithm, digest-unquoted.")
    var rtspAuth: String = "digest"
    @Option(name: .customLong("rtsp-session-timeout"), help: "Seconds an idle RTSP session lives (it is then killed).") var sessionTimeout = 60
    @Option(name: .customLong("rtsp-nonce-lifetime"), help: "Seconds before a digest nonce goes stale.") var nonceLifetime: Double?
    @Option(name: .customLong("replay-limit"), help: "Concurrent replay sessions; one more gets 453 Not Enough Bandwidth.") var replayLimit: Int?
    @Flag(name: .customLong("rtsp-no-get-parameter"), help: "Neither list nor answer GET_PARAMETER (keepalives must use OPTIONS).") var noGetParameter = false
    @Flag(name: .customLong("rtsp-g711-audio"), help: "List a G.711 audio track in the SDP (none is sent).") var g711Audio = false
    @Option(name: .customLong("replay-pace"), help: "Send replays at this many times real time even with Rate-Control: no (an NVR that ignores it).")
    var replayPace: Double?
    @Option(name: .customLong("rtsp-drop-after"), help: "Close an RTSP connection after this many bytes of media.") var dropAfter: Int?
    @Option(name: .customLong("rtsp-stall-after"), help: "Stop sending media (connection left open) after this many bytes.") var stallAfter: Int?
    @Option(name: .customLong("rtsp-hold-after"),
            help: "Hold every replay stream once this many bytes of replay media were sent in all (comma-separated points), until SIGUSR1; prints `held N BYTES` at each hold.")
    var holdAfter: String?
    @Option(name: .customLong("rtsp-garbage-every"), help: "Insert random bytes between pictures every N pictures.") var garbageEvery: Int?
    @Option(name: .customLong("rtsp-inject-response-every"), help: "Insert an unsolicited RTSP response every N pictures.") var injectEvery: Int?
    @Option(name: .customLong("rtsp-timestamps-back-every"), help: "RTP timestamps jump back 1 s every N pictures.") var jumpBackEvery: Int?

    func validate() throws {
        guard SimulatorConfig.RTSPAuth(rawValue: rtspAuth) != nil else {
            throw ValidationError("--rtsp-auth must be one of: \(SimulatorConfig.RTSPAuth.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if !(0...65535).contains(rtspPort) { throw ValidationError("--rtsp-port must be between 0 and 65535.") }
        if let p = replayPace, !(p.isFinite && p > 0) { throw ValidationError("--replay-pace must be a number above 0.") }
        if holdAfter != nil, holdPoints == nil { throw ValidationError("--rtsp-hold-after takes byte counts separated by commas (e.g. 5000000,9000000).") }
    }

    /// `--rtsp-hold-after` as numbers (nil when malformed).
    var holdPoints: [Int]? {
        guard let holdAfter else { return [] }
        let points = holdAfter.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !points.isEmpty, points.allSatisfy({ ($0 ?? -1) > 0 }) else { return nil }
        return points.compactMap { $0 }
    }

    func apply(to c: inout SimulatorConfig) {
        c.rtspPort = rtspPort
        c.rtsp.auth = SimulatorConfig.RTSPAuth(rawValue: rtspAuth) ?? .digest
        c.rtsp.sessionTimeout = sessionTimeout
        c.rtsp.nonceLifetime = nonceLifetime
        c.rtsp.replayLimit = replayLimit
        c.rtsp.noGetParameter = noGetParameter
        c.rtsp.g711Audio = g711Audio
        c.rtsp.replayPace = replayPace
        c.rtsp.faults.dropAfterBytes = dropAfter
        c.rtsp.faults.stallAfterBytes = stallAfter
        c.rtsp.faults.holdAfterBytes = holdPoints ?? []
        c.rtsp.faults.garbageEveryPictures = garbageEvery
        c.rtsp.faults.injectResponseEveryPictures = injectEvery
        c.rtsp.faults.timestampJumpBackEveryPictures = jumpBackEvery
    }
}
