import Dispatch
import Foundation

/// Termination signals (Ctrl-C's SIGINT, SIGTERM) handled as events instead of ending the
/// process, so a command can finish its work first: pause a download, close a file, stop a
/// listener. The signals' default action is turned off for the rest of the process.
///
/// Keep the value alive while the handler should run; `cancel()` stops it (the signals stay
/// ignored).
public struct SignalWatch {
    /// The signals that end a command: Ctrl-C, `kill`/systemd, and a closed terminal or SSH link.
    public static let termination: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private let sources: [any DispatchSourceSignal]

    /// Calls `handler` on `queue` each time one of `signals` arrives.
    public init(_ signals: [Int32], queue: DispatchQueue = .global(), handler: @escaping @Sendable () -> Void) {
        sources = signals.map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    /// Stops calling the handler.
    public func cancel() { sources.forEach { $0.cancel() } }
}
