import CCurl
import Foundation

/// One libcurl easy handle. libcurl keeps the connection of a handle open between requests
/// (HTTP keep-alive), so a device is talked to through the same few handles for its whole life.
///
/// Not reentrant: every use happens under `lock`, which is what makes the `@unchecked Sendable` true.
final class CurlEasy: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_ALL)) }()

    init() {
        _ = CurlEasy.globalInit
        guard let h = curl_easy_init() else { fatalError("curl_easy_init failed: out of memory") }
        handle = h
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Accumulates body and header bytes from libcurl's callbacks.
    private final class Sink {
        var body: [UInt8] = []
        var headerLines: [String] = []
        /// Most body bytes taken (Int.max: no cap); set when a write went past it.
        var cap = Int.max
        var overCap = false
    }

    /// Sends one request (POST or GET) and returns the response. Authentication headers, if any, are in the request:
    /// libcurl never sees a password.
    func perform(_ request: HTTPRequest, settings: TransportSettings) -> Result<HTTPResponse, TransportFailure> {
        lock.lock()
        defer { lock.unlock() }
        let sink = Sink()
        sink.cap = request.maxBodyBytes ?? Int.max
        let sinkPtr = Unmanaged.passUnretained(sink).toOpaque()
        var headers: UnsafeMutablePointer<curl_slist>? = nil
        for h in request.headers + ["Expect:"] { headers = curl_slist_append(headers, h) }
        defer { curl_slist_free_all(headers) }
        errorBuffer[0] = 0

        let h = handle
        vtrack_curl_setopt_pointer(h, CURLOPT_ERRORBUFFER, errorBuffer)
        vtrack_curl_setopt_string(h, CURLOPT_URL, request.url)
        vtrack_curl_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        vtrack_curl_setopt_long(h, CURLOPT_TCP_NODELAY, 1)
        vtrack_curl_setopt_long(h, CURLOPT_FOLLOWLOCATION, 0)
        vtrack_curl_setopt_long(h, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(settings.connectTimeout))
        vtrack_curl_setopt_long(h, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout ?? settings.requestTimeout))
        vtrack_curl_setopt_long(h, CURLOPT_SSL_VERIFYPEER, settings.allowInsecureTLS ? 0 : 1)
        vtrack_curl_setopt_long(h, CURLOPT_SSL_VERIFYHOST, settings.allowInsecureTLS ? 0 : 2)
        switch request.method {
        case .post:
            vtrack_curl_setopt_long(h, CURLOPT_POST, 1)
            vtrack_curl_setopt_long(h, CURLOPT_POSTFIELDSIZE, request.body.count)
            let body = request.body.isEmpty ? [UInt8(0)] : request.body
            body.withUnsafeBufferPointer { buf in
                // COPYPOSTFIELDS copies the bytes (POSTFIELDSIZE of them), so they need not outlive this call
                _ = vtrack_curl_setopt_pointer(h, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buf.baseAddress))
            }
        case .get:
            vtrack_curl_setopt_long(h, CURLOPT_HTTPGET, 1)
        }
        vtrack_curl_setopt_slist(h, CURLOPT_HTTPHEADER, headers)
        vtrack_curl_setopt_write(h, CURLOPT_WRITEFUNCTION) { ptr, size, count, ctx in
            let n = size * count
            guard let ctx, let ptr else { return n }
            let sink = Unmanaged<Sink>.fromOpaque(ctx).takeUnretainedValue()
            if n > sink.cap - sink.body.count {
                sink.overCap = true
                return 0 // fewer bytes than given: libcurl aborts the transfer (CURLE_WRITE_ERROR)
            }
            ptr.withMemoryRebound(to: UInt8.self, capacity: n) { sink.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: n)) }
            return n
        }
        vtrack_curl_setopt_pointer(h, CURLOPT_WRITEDATA, sinkPtr)
        vtrack_curl_setopt_write(h, CURLOPT_HEADERFUNCTION) { ptr, size, count, ctx in
            let n = size * count
            guard let ctx, let ptr else { return n }
            let sink = Unmanaged<Sink>.fromOpaque(ctx).takeUnretainedValue()
            let line = ptr.withMemoryRebound(to: UInt8.self, capacity: n) { String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self) }
            if line.hasPrefix("HTTP/") { sink.headerLines.removeAll() } // a new response (after 100 or 401) starts
            sink.headerLines.append(line)
            return n
        }
        vtrack_curl_setopt_pointer(h, CURLOPT_HEADERDATA, sinkPtr)

        let code = curl_easy_perform(h)
        // forget the callback context: the sink dies with this call
        vtrack_curl_setopt_pointer(h, CURLOPT_WRITEDATA, nil)
        vtrack_curl_setopt_pointer(h, CURLOPT_HEADERDATA, nil)
        vtrack_curl_setopt_slist(h, CURLOPT_HTTPHEADER, nil)
        if sink.overCap { return .failure(TransportFailure(kind: .tooLarge, detail: "body over \(sink.cap) bytes")) }
        guard code == CURLE_OK else { return .failure(failure(code)) }
        var status = 0
        vtrack_curl_getinfo_long(h, CURLINFO_RESPONSE_CODE, &status)
        var headerPairs: [(name: String, value: String)] = []
        for line in sink.headerLines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = String(line[line.index(after: colon)...]).trimmedXMLSpace
            headerPairs.append((name, value))
        }
        return .success(HTTPResponse(status: status, headers: headerPairs, body: sink.body))
    }

    private func failure(_ code: CURLcode) -> TransportFailure {
        let text = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        var osErrno = 0
        vtrack_curl_getinfo_long(handle, CURLINFO_OS_ERRNO, &osErrno)
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST:
            return TransportFailure(kind: .unresolved, detail: text)
        case CURLE_COULDNT_CONNECT:
            if osErrno == Int(ECONNREFUSED) { return TransportFailure(kind: .refused, detail: text) }
            if osErrno == Int(ETIMEDOUT) { return TransportFailure(kind: .timeout, detail: text) }
            return TransportFailure(kind: .unreachable, detail: text)
        case CURLE_OPERATION_TIMEDOUT:
            return TransportFailure(kind: .timeout, detail: text)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS:
            return TransportFailure(kind: .tls, detail: text)
        default:
            return TransportFailure(kind: .other, detail: text)
        }
    }

    /// A timeout in libcurl's whole milliseconds. libcurl reads 0 as "never": a timeout that is
    /// not a positive finite number (NaN would also trap in `Int(_:)`) becomes the shortest one,
    /// and a huge one a day, so no caller can make a request wait forever.
    static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 1 }
        return max(1, Int(min(seconds, 86_400) * 1000))
    }
}
