import Foundation
import Pictures
import Synchronization

/// Serves `GET /onvif/snapshot/<source token>.jpg`, the URI GetSnapshotUri gives: a JPEG of the
/// channel's `SnapshotScene` (its colour, its number, the device clock, a marker that moves on
/// every request), behind the snapshot login, with the snapshot fault switches. A PTZ channel's
/// picture is a window onto a larger scene, where the camera points now (`SceneView`).
///
/// Order for each request: method (405 unless GET) → channel from the token (404 if none) →
/// count the request → the faults that need no login (404, HTML page, stall) → login (401) →
/// picture (the oversized fault pads it to 12 MB).
///
/// Rendering and encoding run on the HTTP event loop (no extra thread): a 640x360 picture takes
/// about 1.5 ms (0.2 ms to draw, 1.3 ms to encode), a 1920x1080 one about 16 ms — which is why
/// the sub size is the default.
final class SimSnapshotService: Sendable {
    static let pathPrefix = "/onvif/snapshot/"
    /// JPEG quality of the pictures served.
    static let quality = 80

    private let model: NVRModel
    private let ptz: SimPTZ

    init(model: NVRModel, ptz: SimPTZ) {
        self.model = model
        self.ptz = ptz
    }

    /// True for the paths this service answers.
    static func handles(_ request: SimHTTPRequest) -> Bool { request.path.hasPrefix(pathPrefix) }

    func respond(_ request: SimHTTPRequest, env: SOAPRouter.SOAPEnvironment, authenticator: SimAuthenticator,
                 stats: borrowing Mutex<SimulatorStats>) -> SimHTTPResponse {
        let config = env.config
        guard request.method == "GET" else {
            return SimHTTPResponse(status: 405, headers: [("Allow", "GET"), ("Content-Type", "text/plain")],
                                   body: Array("Method Not Allowed".utf8))
        }
        let name = request.path.dropFirst(Self.pathPrefix.count)
        guard name.hasSuffix(".jpg"), let channel = model.channel(sourceToken: String(name.dropLast(4))) else {
            return Self.notFound
        }
        stats.withLock { $0.snapshotRequests[channel.number, default: 0] += 1 }

        switch config.snapshotFault {
        case .notFound?: return Self.notFound
        case .htmlPage?: return Self.loginPage
        case .stall?:
            var silent = SimHTTPResponse(status: 200)
            silent.neverAnswer = true
            return silent
        case .oversized?, .wrongHost?, nil: break
        }

        if let refusal = authenticator.checkPlainGET(request, scheme: config.snapshotAuth, config: config, stats: stats) {
            return refusal
        }

        let counter = stats.withLock { s -> Int in
            s.snapshotsServed[channel.number, default: 0] += 1
            return s.snapshotsServed[channel.number] ?? 0
        }
        let jpeg: [UInt8]
        do {
            jpeg = try Self.jpeg(channel: channel, size: config.snapshotSize, time: Self.shownTime(env), counter: counter,
                                 view: ptz.position(channel: channel.number).map(SceneView.init))
        } catch {
            return SimHTTPResponse(status: 500, contentType: "text/plain", text: "The snapshot could not be encoded: \(error)")
        }
        var response = SimHTTPResponse(status: 200, headers: [("Content-Type", "image/jpeg"), ("Cache-Control", "no-cache")], body: jpeg)
        if config.snapshotFault == .oversized {
            response.body = []
            response.stream = OversizedSnapshot.stream(jpeg: jpeg)
        }
        return response
    }

    /// One channel's picture as JPEG.
    static func jpeg(channel: NVRModel.Channel, size: SnapshotSize, time: Date, counter: Int, view: SceneView? = nil) throws -> [UInt8] {
        let (w, h) = size.dimensions(channel)
        let picture = SnapshotScene.render(channel: channel.number, width: w, height: h, time: time, counter: counter, view: view)
        return try JPEGEncoder.encode(picture, quality: quality)
    }

    /// The wall time the device shows: its clock, in local time when it mislabels local as UTC.
    static func shownTime(_ env: SOAPRouter.SOAPEnvironment) -> Date {
        env.deviceTime.addingTimeInterval(Double(env.config.faults.localTimeLabelledUTC ?? 0) * 3600)
    }

    static let notFound = SimHTTPResponse(status: 404, contentType: "text/html",
                                          text: "<html><body><h1>404 Not Found</h1></body></html>")

    /// What a device that wants its web UI's own login answers instead of a picture.
    static let loginPage = SimHTTPResponse(
        status: 200, contentType: "text/html; charset=utf-8",
        text: "<!DOCTYPE html><html><head><title>Login</title></head><body><form method=\"post\" action=\"/doc/page/login.asp\">"
            + "<label>User name <input name=\"username\"></label><label>Password <input type=\"password\" name=\"password\"></label>"
            + "<button type=\"submit\">Login</button></form></body></html>")
}
