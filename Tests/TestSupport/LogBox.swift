import Logging
import Synchronization

/// Keeps every log line a `Logger` writes, as `"<level> <message>"` (a swift-log test double),
/// for tests that check what a component logged or wait until it logged something.
public final class LogBox: Sendable {
    public let messages = Mutex<[String]>([])

    public init() {}

    /// A logger whose lines go into this box.
    public var logger: Logger { Logger(label: "test") { _ in CapturingLogHandler(box: self) } }

    /// Whether a line contains `text`.
    public func contains(_ text: String) -> Bool { messages.withLock { $0.contains { $0.contains(text) } } }
}

/// The handler behind `LogBox.logger`.
struct CapturingLogHandler: LogHandler {
    let box: LogBox
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        box.messages.withLock { $0.append("\(event.level) \(event.message)") }
    }
}
