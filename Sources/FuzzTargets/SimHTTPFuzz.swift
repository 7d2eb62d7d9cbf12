import Foundation
import Simulator

/// Requests to the simulator's HTTP server (`vtrack demo` faces the network): SOAP routing,
/// the WS-Security / HTTP Digest / Basic login checks, every operation of every service,
/// snapshots and their login. Simulators are made once per configuration and kept (their
/// nonces and counters live on, as on a running demo).
///
/// Input: 1 byte selects the configuration, then the request as text: `METHOD PATH` on the
/// first line, header lines up to an empty line, then the body. `NONCE` in an `Authorization`
/// value is replaced by a nonce the simulator handed out.
public enum SimHTTPFuzz {
    static let configurations: [@Sendable (inout SimulatorConfig) -> Void] = [
        { $0.auth = .none },
        { $0.auth = .wsse },
        { $0.auth = .digest; $0.digestAlgorithm = .sha256 },
        { $0.auth = .basic; $0.snapshotAuth = .basic },
        { $0.auth = .both; $0.lockAfterFailures = 1_000_000; $0.faults.undeclaredPrefixes = true },
        { $0.auth = .none; $0.media1Only = true; $0.vendor = .hikvision; $0.faults.wsseCreatedZuluOnly = true },
        { $0.auth = .none; $0.media2Only = true; $0.profileG = false; $0.faults.malformedXML = true },
        { $0.auth = .digest; $0.snapshotAuth = .digest; $0.faults.html401 = true; $0.vendor = .dahua },
    ]

    static let simulators: [Simulator] = configurations.map { configure in
        var c = SimulatorConfig()
        c.channels = 4
        c.days = 2
        configure(&c)
        return Simulator(config: c)
    }

    public static func run(_ data: Data) {
        var input = FuzzInput(data)
        let sim = simulators[Int(input.byte()) % simulators.count]
        let text = String(decoding: input.rest(), as: UTF8.self)
        let (head, body) = split(text)
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        let requestLine = lines.isEmpty ? [] : lines.removeFirst().split(separator: " ", maxSplits: 2)
        let method = requestLine.first.map(String.init) ?? "POST"
        let target = requestLine.count > 1 ? String(requestLine[1]) : "/onvif/device_service"
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.contains("NONCE"), let nonce = nonce(sim) { value = value.replacingOccurrences(of: "NONCE", with: nonce) }
            headers.append((String(line[..<colon]), value))
        }
        // the HTTP server hands over the path without its query
        let path = String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        let response = SimRequestReading.httpAnswer(sim, SimHTTPRequest(method: method, path: path, headers: headers, body: Array(body.utf8)))
        _ = response.status
        if let stream = response.stream { _ = stream.length; _ = stream.chunk(0) }
    }

    static func split(_ text: String) -> (head: Substring, body: Substring) {
        if let r = text.range(of: "\r\n\r\n") ?? text.range(of: "\n\n") { return (text[..<r.lowerBound], text[r.upperBound...]) }
        return (text[...], "")
    }

    static func nonce(_ sim: Simulator) -> String? {
        let challenge = SimRequestReading.httpDigestChallenge(sim)
        guard let r = challenge.range(of: "nonce=\"") else { return nil }
        return String(challenge[r.upperBound...].prefix { $0 != "\"" })
    }
}
