import Foundation
import NIOCore

/// The simulator's readers of what clients send, behind one public door for the fuzz harness
/// (`Sources/FuzzTargets`): `vtrack demo` runs the simulator facing the network, so whatever a
/// client sends must get an answer (or be dropped), never a trap.
public enum SimRequestReading {
    /// The answer to one whole HTTP request, as the HTTP server gets it (method, path without
    /// the query, header lines, body): SOAP routing, WS-Security / Digest / Basic login checks,
    /// every operation, snapshots and their login. An answer given later (a long poll) is
    /// taken at once. No socket is opened.
    public static func httpAnswer(_ simulator: Simulator, _ request: SimHTTPRequest) -> SimHTTPResponse {
        let response = simulator.respond(request)
        return response.later?() ?? response
    }

    /// A fresh HTTP Digest challenge of the simulator (`WWW-Authenticate` value), so that a
    /// harness can answer with a nonce the simulator knows.
    public static func httpDigestChallenge(_ simulator: Simulator) -> String {
        simulator.router.authenticator.digestChallenge(stale: false, algorithm: simulator.config.digestAlgorithm)
    }

    /// What the RTSP server reads on one connection: `bytes` handed over in chunks of `chunk`
    /// bytes, framed (`SimRTSPFraming`: requests with bodies, interleaved frames from the client, bad heads) and
    /// each request read as a connection does before it acts: the login check (`auth`, with
    /// `NONCE` in an `Authorization` value replaced by one the server handed out), the path and
    /// query, `Require`, `Transport` channels, `Scale`, the replay `Range`, vendor playback
    /// URLs. Returns one line per item, then `searched N`: the bytes searched for the ends of
    /// heads (each byte about once, however the bytes were chunked).
    public static func rtspConnection(_ bytes: [UInt8], chunk: Int, auth: SimulatorConfig.RTSPAuth,
                                      algorithm: SimDigestAlgorithm = .md5) -> [String] {
        let login = SimRTSPAuth(mode: auth, user: "admin", password: "admin123", algorithm: algorithm, nonceLifetime: nil)
        var inbound = ByteBuffer()
        var framing = SimRTSPFraming()
        var out: [String] = []
        var rest = bytes[...]
        reading: while !rest.isEmpty {
            inbound.writeBytes(rest.prefix(max(1, chunk)))
            rest = rest.dropFirst(max(1, chunk))
            while true {
                switch framing.next(inbound.readableBytesView) {
                case .needMore:
                    if inbound.readerIndex > 64 * 1024 { inbound.discardReadBytes() }
                    continue reading
                case .tooLong:
                    out.append("closed")
                    break reading
                case .clientFrame(let length):
                    inbound.moveReaderIndex(forwardBy: length)
                    out.append("frame \(length)")
                case .badHead(let length):
                    inbound.moveReaderIndex(forwardBy: length)
                    out.append("400")
                case .request(var request, let length):
                    inbound.moveReaderIndex(forwardBy: length)
                    if let a = request.headers["Authorization"], a.contains("NONCE"),
                       let challenge = login.challenges(stale: false).first(where: { $0.hasPrefix("Digest") }),
                       let nonce = challenge.range(of: "nonce=").map({ challenge[$0.upperBound...].prefix { $0 != "," } }) {
                        request.headers.set("Authorization", a.replacingOccurrences(of: "NONCE", with: nonce.trimmingCharacters(in: ["\""])))
                    }
                    out.append(read(request, login: login))
                }
            }
        }
        out.append("searched \(framing.searched)")
        return out
    }

    private static func read(_ r: SimRTSPRequest, login: SimRTSPAuth) -> String {
        var line = "\(r.method) \(r.cseq) \(r.body.count)"
        if case .challenge(let stale) = login.check(r) { line += " 401 \(stale)" }
        let (path, query) = r.pathAndQuery
        line += " \(path.count) \(query.count) \(path.split(separator: "/").count)"
        if let require = r.headers["Require"] {
            line += " require \(require.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.count)"
        }
        if let t = r.headers["Transport"], let range = t.range(of: "interleaved=") {
            let nums = t[range.upperBound...].prefix { $0 != ";" }.split(separator: "-").compactMap { UInt8($0) }
            line += " channels \(nums)"
        }
        if let scale = r.headers["Scale"] { line += " scale \(max(0.1, min(16, Double(scale) ?? 1)))" }
        if let range = r.headers["Range"], let clock = SimRTSPConnection.parseClockRange(range) {
            line += " range \(clock.start.timeIntervalSince1970) \(clock.end?.timeIntervalSince1970 ?? -1)"
        }
        line += " cseq \(UInt8(truncatingIfNeeded: Int(r.cseq) ?? 0))"
        for vendor in SimVendor.allCases {
            if let v = SimVendorPlayback.parse(r.uri, vendor: vendor) { line += " \(vendor.rawValue) \(v.channel) \(v.subStream)" }
        }
        return line
    }
}
