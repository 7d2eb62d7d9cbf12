/// One HTTP request: a SOAP POST, or a GET (snapshots).
struct HTTPRequest: Sendable {
    enum Method: Sendable { case post, get }
    var url: String
    /// Extra header lines, `Name: value`.
    var headers: [String]
    var body: [UInt8]
    /// Seconds this request may take, instead of the transport's request timeout (long polls).
    var timeout: Double? = nil
    var method: Method = .post
    /// Most body bytes to take; past it the transfer is aborted (`TransportFailure.Kind.tooLarge`).
    var maxBodyBytes: Int? = nil
}

/// What came back.
struct HTTPResponse: Sendable {
    var status: Int
    /// Header lines of the final response, names lower-cased.
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        let n = name.lowercased()
        return headers.last { $0.name == n }?.value
    }

    /// Every value of a header that may repeat (`WWW-Authenticate`).
    func headerValues(_ name: String) -> [String] {
        let n = name.lowercased()
        return headers.filter { $0.name == n }.map(\.value)
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// A transport failure before any HTTP answer, classified for the user-facing error.
struct TransportFailure: Error, Sendable, Equatable {
    enum Kind: Sendable, Equatable { case unresolved, unreachable, refused, timeout, tls, tooLarge, other }
    var kind: Kind
    /// libcurl's own text (never contains credentials: we never put them in URLs).
    var detail: String
}

/// Timeouts and TLS policy of a transport.
struct TransportSettings: Sendable, Equatable {
    var connectTimeout: Double
    var requestTimeout: Double
    var allowInsecureTLS: Bool
}
