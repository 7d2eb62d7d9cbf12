import Foundation
import Streaming

/// Whether a camera's RTSP stream answers: an RTSP `OPTIONS` with Streaming's client, no
/// credentials. Any RTSP answer counts as reachable (a 401 or 404 still proves a live RTSP
/// server); no answer, a refused or timed-out connection, or something that is not RTSP does not.
public enum StreamCheck {
    /// Blocks up to about `timeout` seconds for the connection and as long again for the answer.
    public static func isReachable(_ uri: String, timeout: Double = 3) -> Bool {
        guard var url = RTSPURL(uri) else { return false }
        url.user = nil
        url.password = nil
        var options = RTSPOptions()
        options.connectTimeout = timeout
        options.responseTimeout = timeout
        do {
            let client = try RTSPClient(url: url, options: options)
            defer { client.close() }
            try client.optionsRequest()
            return true
        } catch let error as StreamingError {
            switch error {
            case .authenticationFailed, .notFound, .serverError, .replayNotSupported, .tooManySessions: return true
            default: return false
            }
        } catch {
            return false
        }
    }
}
