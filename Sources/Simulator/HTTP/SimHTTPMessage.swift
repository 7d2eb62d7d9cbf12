/// An HTTP request as the simulator's services see it: whole, already read.
public struct SimHTTPRequest: Sendable {
    public var method: String
    /// Path without the query string.
    public var path: String
    /// Header lines in arrival order; names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, path: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// First value of a header, name case-insensitive.
    public func header(_ name: String) -> String? {
        let n = name.lowercased()
        return headers.first { $0.name.lowercased() == n }?.value
    }
}

/// An HTTP answer, with an optional delay before it is sent (the stall fault switch).
public struct SimHTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Seconds to wait before answering.
    public var delay: Double = 0
    /// When set, the answer actually sent: called once `delay` has passed (on the server's event
    /// loop, so it must not block), for answers that depend on what happened meanwhile (long polls).
    public var later: (@Sendable () -> SimHTTPResponse)?
    /// When set, the body is written from this stream (its length is the `Content-Length`) and `body` is ignored.
    public var stream: SimHTTPBodyStream?
    /// Never answer: the request is read and the connection left open and silent until the client
    /// closes it or the server stops (a stalled device). Nothing waits on it.
    public var neverAnswer = false

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], delay: Double = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    public init(status: Int, contentType: String, text: String) {
        self.init(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
    }
}
