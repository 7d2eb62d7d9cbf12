import Synchronization

/// HTTP for one device over libcurl: a small pool of easy handles, each keeping its connection
/// alive, so sequential calls reuse one connection and concurrent calls (stream URIs of many
/// channels) use a few.
final class CurlTransport: Sendable {
    let settings: TransportSettings
    private let idle = Mutex<[CurlEasy]>([])
    private let maxIdle: Int

    init(settings: TransportSettings, maxHandles: Int) {
        self.settings = settings
        self.maxIdle = max(1, maxHandles)
    }

    /// Sends one request on an idle handle (or a new one) and puts the handle back afterwards.
    func send(_ request: HTTPRequest) -> Result<HTTPResponse, TransportFailure> {
        let easy = idle.withLock { $0.popLast() } ?? CurlEasy()
        let result = easy.perform(request, settings: settings)
        idle.withLock { handles in
            if handles.count < maxIdle { handles.append(easy) }
        }
        return result
    }
}
