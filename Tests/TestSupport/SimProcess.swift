import Foundation

/// `vtrack-sim` as a separate process (the built product), on a free port of 127.0.0.1.
/// Stopped with SIGTERM (and waited for) by `stop()` or, at the latest, when released.
public final class SimProcess: Sendable {
    /// The running program.
    public let process: ChildProcess
    /// The ONVIF (HTTP) port it listens on.
    public let httpPort: Int
    /// Its first line: `ready http://127.0.0.1:PORT/onvif/device_service`.
    public let readyLine: String

    /// The process id.
    public var pid: pid_t { process.pid }
    /// The same as `httpPort`.
    public var port: Int { httpPort }

    /// Starts `vtrack-sim args…` (the port is 0 unless `args` says otherwise) and waits, at most
    /// 30 s (a bound, not a measurement), for its ready line.
    public init(_ args: [String] = []) throws {
        let process = try ChildProcess(BuiltProducts.path("vtrack-sim"), args)
        self.process = process
        var line: String?
        _ = eventually {
            let text = process.output
            if let nl = text.firstIndex(of: "\n") { line = String(text[..<nl]) }
            return line != nil || process.exited != nil
        }
        guard let line, let r = line.range(of: #"^ready http://127\.0\.0\.1:\d+/"#, options: .regularExpression),
              let port = Int(line[r].dropFirst("ready http://127.0.0.1:".count).dropLast()) else {
            process.stop(SIGKILL)
            throw TestFailure("vtrack-sim did not say ready: \(line ?? "") \(process.errorOutput)")
        }
        readyLine = line
        httpPort = port
    }

    /// Sends `signal` (once) and waits for the process to end; its exit status, or 128 + signal.
    @discardableResult
    public func stop(_ signal: Int32 = SIGTERM) -> Int32 { process.stop(signal) }
}
