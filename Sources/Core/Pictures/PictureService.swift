import Foundation
import Common
import ONVIF
import Pictures

// Camera pictures (issue 13): the contract the fronts build against. Bodies marked
// "TODO(snapshots)" are placeholders until the engine lands.

/// A camera to take a picture of: where its device is, the login, and the camera as probed.
/// The password never appears in `description`.
public struct PictureTarget: Sendable, Hashable, CustomStringConvertible {
    /// The source's name (saved sources) or the host (an unsaved device).
    public var sourceName: String
    public var host: String
    public var port: Int?
    public var username: String
    public var password: String?
    public var camera: Camera

    public init(sourceName: String, host: String, port: Int? = nil, username: String, password: String?, camera: Camera) {
        self.sourceName = sourceName; self.host = host; self.port = port
        self.username = username; self.password = password; self.camera = camera
    }

    /// What the cache and the events are keyed by: one camera of one device.
    public var key: String { "\(host):\(port ?? 80)/\(camera.id)" }

    public var description: String { "\(sourceName) · \(camera.name)" }
}

/// Where a picture came from.
public enum PictureOrigin: String, Sendable {
    /// The camera's ONVIF snapshot URI (HTTP).
    case snapshot
    /// The first key frame of the sub stream (RTSP), decoded.
    case keyFrame = "key_frame"
}

/// A camera's picture as taken.
public struct CameraPicture: Sendable {
    /// The decoded pixels (at most 1280 pixels wide; the original size is in `width`/`height`).
    public var picture: Picture
    /// The JPEG as the device sent it; encoded from `picture` when it came from a key frame.
    public var jpeg: [UInt8]
    /// The original picture's size.
    public var width: Int
    public var height: Int
    public var takenAt: Date
    public var origin: PictureOrigin

    public init(picture: Picture, jpeg: [UInt8], width: Int, height: Int, takenAt: Date, origin: PictureOrigin) {
        self.picture = picture; self.jpeg = jpeg; self.width = width; self.height = height
        self.takenAt = takenAt; self.origin = origin
    }

    /// `1920x1080`.
    public var resolution: String { "\(width)x\(height)" }
}

/// What `PictureService.load` reports, per camera key.
public enum PictureEvent: Sendable {
    case loading(key: String)
    case loaded(key: String, CameraPicture)
    /// One sentence: "no picture: the device refused the snapshot login", …
    case failed(key: String, Localized)
}

/// A running live view (`PictureService.startLive`): frames keep coming until `stop()`.
public protocol LiveView: AnyObject, Sendable {
    /// The front has drawn the last frame and can take the next one (frames arriving before
    /// that are dropped, never queued: a slow terminal link is never flooded).
    func ready()
    func stop()
}

/// Takes camera pictures: the snapshot URI over HTTP (the device's login, remembered per
/// device), or the first key frame of the sub stream over RTSP when there is no snapshot URI or
/// it fails; decoded with libavcodec. Loads run on background queues, a few at once, and
/// pictures are cached for the session.
public final class PictureService: Sendable {
    public init(clientOptions: ClientOptions = ClientOptions(), maxConcurrent: Int = 4) {
        // TODO(snapshots)
    }

    /// Takes one picture now (no cache). Throws one sentence.
    public func take(_ target: PictureTarget) throws -> CameraPicture {
        throw PictureError(vi: "Chưa hỗ trợ lấy ảnh.", en: "Pictures are not built yet.") // TODO(snapshots)
    }

    /// Loads pictures in the background: cached ones at once (unless `refresh`), others a few at
    /// a time; every target gets `.loading` then `.loaded` or `.failed` through `onEvent` (on a
    /// background queue).
    public func load(_ targets: [PictureTarget], refresh: Bool, onEvent: @escaping @Sendable (PictureEvent) -> Void) {
        for t in targets { onEvent(.failed(key: t.key, Localized(vi: "Chưa hỗ trợ lấy ảnh.", en: "Pictures are not built yet."))) } // TODO(snapshots)
    }

    /// The cached picture of a camera, if any.
    public func cached(key: String) -> CameraPicture? { nil } // TODO(snapshots)

    /// Starts live video of a camera's sub stream: decoded pictures, at most `maxFPS` a second,
    /// through `onFrame` (background queue); `onEnd` once with nil when stopped or a sentence
    /// when the stream failed.
    public func startLive(_ target: PictureTarget, maxFPS: Int = 10,
                          onFrame: @escaping @Sendable (Picture) -> Void,
                          onEnd: @escaping @Sendable (Localized?) -> Void) -> any LiveView {
        // TODO(snapshots)
        final class Stopped: LiveView { func ready() {}; func stop() {} }
        onEnd(Localized(vi: "Chưa hỗ trợ xem trực tiếp.", en: "Live view is not built yet."))
        return Stopped()
    }
}

extension SourceService {
    /// Picture targets of a saved source's cameras (all, or the ticked ones), password decrypted.
    public func pictureTargets(name: String, selectedOnly: Bool = false) throws -> [PictureTarget] {
        [] // TODO(snapshots)
    }

    /// Picture targets for cameras of a device being tested or shown (the terminal app's
    /// connection): `password` nil means the one saved for source `name`; an empty `user` means
    /// no login.
    public func pictureTargets(name: String, host: String, port: Int?, user: String, password: String?,
                               cameras: [Camera]) throws -> [PictureTarget] {
        [] // TODO(snapshots)
    }
}
