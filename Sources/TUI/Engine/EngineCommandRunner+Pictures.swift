import Common
import Core
import Foundation
import Synchronization

/// The live views a runner has started, by the app's session number.
struct LiveViews {
    var views: [Int: any LiveView] = [:]
    /// Sessions that ended or were stopped (a view made after its stop is stopped at once).
    var over: Set<Int> = []
}

// Camera pictures through Core's PictureService: loads (the service caches them for the
// session and takes a few at once), live views, and their events as the app's.
extension EngineCommandRunner {
    /// The picture service, made on first use.
    func pictures() -> PictureService {
        pictureService.withLock { p in
            if let p { return p }
            let made = PictureService(clientOptions: clientOptions)
            p = made
            return made
        }
    }

    /// The targets of `cameras` on the connection's device, by the service's key.
    func targets(_ c: Connection, _ cameras: [Camera]) throws -> [PictureTarget] {
        try sources().pictureTargets(name: c.name, host: c.host, port: c.port, user: c.user, password: c.password, cameras: cameras)
    }

    static let unreachable = Localized(vi: "Không có ảnh: không tìm được cách lấy ảnh của camera này.",
                                       en: "No picture: there is no way to take this camera's picture.")

    func loadPictures(_ c: Connection, cameras: [Camera], refresh: Bool, command: Command,
                      _ send: @escaping @Sendable (AppEvent) -> Void) {
        let list: [PictureTarget]
        do { list = try targets(c, cameras) } catch {
            send(.commandFailed(command, EngineFailure(error).message))
            return
        }
        var ids: [String: String] = [:]
        for t in list { ids[t.key] = t.camera.id }
        let covered = Set(list.map(\.camera.id))
        for cam in cameras where !covered.contains(cam.id) { send(.pictureFailed(cameraID: cam.id, Self.unreachable)) }
        let byKey = ids
        pictures().load(list, refresh: refresh) { event in
            switch event {
            case let .loading(key):
                if let id = byKey[key] { send(.pictureLoading(cameraID: id)) }
            case let .loaded(key, p):
                guard let id = byKey[key] else { return }
                send(.pictureLoaded(cameraID: id, ShownPicture(picture: p.picture, width: p.width, height: p.height, takenAt: p.takenAt,
                                                               origin: p.origin == .snapshot ? .snapshot : .keyFrame)))
            case let .failed(key, reason):
                if let id = byKey[key] { send(.pictureFailed(cameraID: id, reason)) }
            }
        }
    }

    func startLive(_ c: Connection, camera: Camera, session: Int, _ send: @escaping @Sendable (AppEvent) -> Void) {
        let target: PictureTarget
        do {
            guard let t = try targets(c, [camera]).first else { send(.liveEnded(session: session, Self.unreachable)); return }
            target = t
        } catch {
            send(.liveEnded(session: session, EngineFailure(error).message))
            return
        }
        let view = pictures().startLive(target, maxFPS: 10, onFrame: { picture in
            send(.liveFrame(session: session, ShownPicture(picture: picture, origin: .live)))
        }, onEnd: { [self] reason in
            lives.withLock { l in l.views[session] = nil; l.over.insert(session) }
            send(.liveEnded(session: session, reason))
        })
        let stopNow = lives.withLock { l -> Bool in
            if l.over.contains(session) { return true }
            l.views[session] = view
            return false
        }
        if stopNow { view.stop() }
    }

    func stopLive(_ session: Int) {
        let view = lives.withLock { l -> (any LiveView)? in
            l.over.insert(session)
            return l.views.removeValue(forKey: session)
        }
        view?.stop()
    }

    func liveReady(_ session: Int) {
        lives.withLock { $0.views[session] }?.ready()
    }

    func stopAllLiveViews() {
        let all = lives.withLock { l -> [any LiveView] in
            let v = Array(l.views.values)
            l.over.formUnion(l.views.keys)
            l.views = [:]
            return v
        }
        for v in all { v.stop() }
    }
}
