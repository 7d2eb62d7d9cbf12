import Common
import Core
import Foundation
import Synchronization

// PTZ through Core's PTZService: what a camera can do, its status and presets (on the work
// queue), and the requests that move it (moves, stops, presets, home) in order on a lane of
// their own. The service remembers what it set moving; `stopMotion` stops it all.
extension EngineCommandRunner {
    /// The PTZ service, made on first use.
    func ptz() -> PTZService {
        ptzService.withLock { p in
            if let p { return p }
            let made = PTZService(clientOptions: clientOptions)
            p = made
            return made
        }
    }

    /// The camera's target, kept for the session (a held key must not read the database four
    /// times a second).
    func ptzTarget(_ c: Connection, _ camera: Camera) throws -> PictureTarget {
        let key = [c.name, c.host, String(c.port), c.user, c.password ?? "\u{0}", camera.id].joined(separator: "\u{1}")
        if let t = ptzTargets.withLock({ $0[key] }) { return t }
        guard let t = try targets(c, [camera]).first else { throw EngineFailure(Self.unreachable) }
        ptzTargets.withLock { $0[key] = t }
        return t
    }

    func runPTZ(_ command: Command, _ send: @escaping @Sendable (AppEvent) -> Void) {
        switch command {
        case let .ptzOpen(c, camera):
            send(.ptzOpened(cameraID: camera.id, Result { () throws -> PTZOverview in
                let t = try ptzTarget(c, camera)
                let service = ptz()
                let caps = try service.capabilities(t)
                // presets and status are extras: a camera may refuse either
                return PTZOverview(capabilities: caps, presets: (try? service.presets(t)) ?? [], status: try? service.status(t))
            }.mapError(EngineFailure.init)))
        case let .ptzStatus(c, camera):
            send(.ptzStatus(cameraID: camera.id, Result { try ptz().status(try ptzTarget(c, camera)) }.mapError(EngineFailure.init)))
        case let .ptzMove(c, camera, velocity, timeout):
            lane(c, camera, continuous: true, send) { service, t in try service.move(t, velocity: velocity, timeout: timeout) }
        case let .ptzStop(c, camera):
            lane(c, camera, continuous: true, send) { service, t in try service.stop(t) }
        case let .ptzGotoPreset(c, camera, preset):
            lane(c, camera, continuous: false, send) { service, t in try service.gotoPreset(t, token: preset.token) }
        case let .ptzHome(c, camera):
            lane(c, camera, continuous: false, send) { service, t in try service.gotoHome(t) }
        case let .ptzSavePreset(c, camera, name):
            lane(c, camera, continuous: false, send) { service, t in
                let saved = try service.setPreset(t, name: name)
                send(.ptzPresetSaved(cameraID: camera.id, saved))
                if let list = try? service.presets(t) { send(.ptzPresets(cameraID: camera.id, list)) }
            }
        default:
            break
        }
    }

    /// Runs a request that moves the camera on the PTZ lane; a failure comes back as one sentence.
    private func lane(_ c: Connection, _ camera: Camera, continuous: Bool, _ send: @escaping @Sendable (AppEvent) -> Void,
                      _ request: @escaping @Sendable (PTZService, PictureTarget) throws -> Void) {
        ptzLane.submit(camera: camera.id, continuous: continuous) { [self] in
            do {
                try request(ptz(), try ptzTarget(c, camera))
            } catch {
                send(.ptzFailed(cameraID: camera.id, EngineFailure(error).message))
            }
        }
    }

    /// Stops every camera the app set moving (quit, signals, a lost terminal).
    public func stopMotion() {
        ptzService.withLock { $0 }?.stopAll()
    }
}
