import NIOCore

/// How the simulator frames what a client sends on one connection: requests (head, then a
/// body of `Content-Length` bytes), interleaved frames from the client, heads that are no
/// request. It remembers how far it has looked, so bytes that trickle in one at a time are
/// each looked at once (not the whole buffer again on every read), and it bounds what it
/// waits for: a head or a body past 64 KiB closes the connection.
struct SimRTSPFraming {
    /// What the bytes at the start of a connection's buffer hold.
    enum Next {
        /// Not a whole item yet.
        case needMore
        /// More than 64 KiB without the end of a request head, or a body announced longer
        /// than 64 KiB: the connection is closed.
        case tooLong
        /// An interleaved frame from the client (RTCP receiver reports): skipped, counts as activity.
        case clientFrame(length: Int)
        /// A head that is no RTSP request: answered 400 and skipped.
        case badHead(length: Int)
        /// A request with its body.
        case request(SimRTSPRequest, length: Int)
    }

    static let limit = 64 * 1024

    /// Bytes of the current head already searched for its blank line.
    private var scanned = 0
    /// Bytes searched for the end of a head so far (what a trickling client costs).
    private(set) var searched = 0
    /// A head read whose body has not all arrived.
    private var waiting: (request: SimRTSPRequest, headLength: Int, bodyLength: Int)?

    /// The next item of `view` (the connection's unread bytes, from the start of an item).
    /// After an item, the caller drops its `length` bytes from the front before calling again.
    mutating func next(_ view: ByteBufferView) -> Next {
        if let w = waiting { return body(of: w, in: view) }
        guard let first = view.first else { return .needMore }
        if first == 0x24 {
            guard view.count >= 4 else { return .needMore }
            let i = view.startIndex
            let length = 4 + (Int(view[i + 2]) << 8 | Int(view[i + 3]))
            return view.count >= length ? .clientFrame(length: length) : .needMore
        }
        let from = view.index(view.startIndex, offsetBy: max(0, scanned - 3))
        searched += view.endIndex - from
        guard let headEnd = view[from...].firstRange(of: [13, 10, 13, 10]) else {
            scanned = view.count
            return view.count > Self.limit ? .tooLong : .needMore
        }
        scanned = 0
        let headLength = headEnd.lowerBound - view.startIndex
        let head = String(decoding: view[view.startIndex..<headEnd.lowerBound], as: UTF8.self)
        guard let request = SimRTSPRequest.parse(head: head) else { return .badHead(length: headLength + 4) }
        let bodyLength = max(0, Int(request.headers["Content-Length"] ?? "0") ?? 0)
        guard bodyLength <= Self.limit else { return .tooLong }
        return body(of: (request, headLength, bodyLength), in: view)
    }

    private mutating func body(of w: (request: SimRTSPRequest, headLength: Int, bodyLength: Int), in view: ByteBufferView) -> Next {
        guard view.count - w.headLength - 4 >= w.bodyLength else {
            waiting = w
            return .needMore
        }
        waiting = nil
        var request = w.request
        let bodyStart = view.startIndex + w.headLength + 4
        request.body = Array(view[bodyStart..<(bodyStart + w.bodyLength)])
        return .request(request, length: w.headLength + 4 + w.bodyLength)
    }
}
